"""Checks for every uploaded image (fact and screening stills, avatars): decoded, not trusted by name."""

from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from PIL import Image, UnidentifiedImageError

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 24_000_000
FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
# What the site serves from MEDIA_ROOT, and as what. Anything else is a 404.
CONTENT_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".gif": "image/gif",
}

validate_extension = FileExtensionValidator([suffix.lstrip(".") for suffix in CONTENT_TYPES])


@contextmanager
def opened_image(upload, *, max_bytes: int = MAX_BYTES):
    """Open an upload with Pillow after checking its size, format and pixel count; ValidationError if unfit."""
    if upload.size > max_bytes:
        raise ValidationError(f"The image is larger than {max_bytes // (1024 * 1024)} MB.")
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            # Only the header is read so far: a small file claiming a huge canvas stops here.
            if image.format not in FORMATS:
                raise ValidationError("Please upload a JPEG, PNG, WebP or GIF image.")
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError("The image has too many pixels; please upload a smaller one.")
            yield image
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, ValueError, SyntaxError) as error:
        raise ValidationError("That file is not an image we can read.") from error
    finally:
        upload.seek(0)


def validate_image(value) -> None:
    """Model-field validator. Files already stored were checked when they were uploaded."""
    if getattr(value, "_committed", False):
        return
    with opened_image(value) as image:
        image.verify()


IMAGE_VALIDATORS = [validate_extension, validate_image]
