"""Avatars: checked like every upload, then re-encoded as a small square JPEG with no metadata."""

import secrets
from io import BytesIO

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

from core.images import opened_image

MAX_BYTES = 3 * 1024 * 1024
SIZE = 256


def process_avatar(upload) -> ContentFile:
    """Return the avatar to store, or raise ValidationError with a message for the member."""
    with opened_image(upload, max_bytes=MAX_BYTES) as image:
        image.load()
        square = ImageOps.fit(ImageOps.exif_transpose(image).convert("RGB"), (SIZE, SIZE), Image.LANCZOS)
    out = BytesIO()
    square.save(out, format="JPEG", quality=85, optimize=True)
    return ContentFile(out.getvalue(), name=f"{secrets.token_hex(8)}.jpg")
