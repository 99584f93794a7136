"""Checks for every uploaded image (fact and screening stills, avatars): decoded, not trusted by name; and
stills stored without the metadata a camera or an editor wrote beside the picture."""

from contextlib import contextmanager
from io import BytesIO

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import FileExtensionValidator
from PIL import Image, ImageOps, UnidentifiedImageError

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

# What a re-drawn image keeps of the original's information: its colours and its animation, nothing about
# where, when or with what it was made (EXIF with its GPS position, XMP, comments).
KEPT_INFO = {"icc_profile", "transparency", "duration", "loop", "background"}

# Where Pillow reads metadata into `info` (other keys there are the format's own: JFIF density, a GIF's version).
METADATA_INFO = {"exif", "xmp", "XML:com.adobe.xmp", "photoshop", "comment", "comments", "iptc"}

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


def without_metadata(upload) -> ContentFile:
    """The upload drawn again in its own format, turned upright as its EXIF said, with none of its metadata."""
    with opened_image(upload) as image:
        image.load()
        format, frames = image.format, getattr(image, "n_frames", 1)
        if frames == 1:
            image = ImageOps.exif_transpose(image)
        image.info = {key: value for key, value in image.info.items() if key in KEPT_INFO}
        out = BytesIO()
        options = {"quality": 90} if format == "JPEG" else {}
        if format == "WEBP":  # as it came: a lossless still stays lossless
            options = {"lossless": True} if _lossless_webp(upload) else {"quality": 90}
        image.save(out, format=format, save_all=frames > 1, **options)
    return ContentFile(out.getvalue(), name=upload.name)


def has_metadata(upload) -> bool:
    """Whether an image carries what without_metadata removes: EXIF (a GPS position, a camera, a date), XMP,
    Photoshop's blocks, comments, or a PNG's text."""
    with opened_image(upload) as image:
        if image.getexif() or any(key in image.info for key in METADATA_INFO):
            return True
        return bool(getattr(image, "text", None))


def _lossless_webp(upload) -> bool:
    """A WebP file says in its first chunk whether it is lossless (VP8L) or lossy (VP8, or VP8X with VP8 inside)."""
    upload.seek(0)
    head = upload.read(4096)
    upload.seek(0)
    return head[12:16] == b"VP8L" or (head[12:16] == b"VP8X" and b"VP8L" in head)


class ImageWithoutMetadataField(forms.ImageField):
    """The admin's image field for stills: a new upload is stored without its metadata (without_metadata)."""

    def clean(self, data, initial=None):
        cleaned = super().clean(data, initial)
        if isinstance(cleaned, UploadedFile):
            return without_metadata(cleaned)
        return cleaned
