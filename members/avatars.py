"""Avatar uploads: decoded and checked, then re-encoded as a small square JPEG with no metadata."""

import secrets
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 3 * 1024 * 1024
MAX_PIXELS = 24_000_000
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
SIZE = 256


def process_avatar(upload) -> ContentFile:
    """Return the avatar to store, or raise ValidationError with a message for the member."""
    if upload.size > MAX_BYTES:
        raise ValidationError(f"The image is larger than {MAX_BYTES // (1024 * 1024)} MB.")
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            # The header is read first: a tiny file claiming a huge canvas is refused before decoding.
            if image.format not in ALLOWED_FORMATS:
                raise ValidationError("Please upload a JPEG, PNG, WebP or GIF image.")
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError("The image has too many pixels; please upload a smaller one.")
            image.load()
            square = ImageOps.fit(ImageOps.exif_transpose(image).convert("RGB"), (SIZE, SIZE), Image.LANCZOS)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, ValueError) as error:
        raise ValidationError("That file is not an image we can read.") from error
    out = BytesIO()
    square.save(out, format="JPEG", quality=85, optimize=True)
    return ContentFile(out.getvalue(), name=f"{secrets.token_hex(8)}.jpg")
