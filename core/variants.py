"""Smaller WebP copies of uploaded stills and avatars, for <img srcset>: a phone downloads the size it shows.

A variant's name follows from the original's (facts/still.jpg -> facts/still.640w.webp), so nothing
about them is stored in the database. They are written, read and deleted only through the field's
storage (files today, S3 tomorrow), never by path. A page lists only the variants that exist, so a
missing one (an image uploaded before variants, a failed write) costs bytes, never a broken image:
the original is always the <img src>. `manage.py make_image_variants` fills in what is missing.
"""

from io import BytesIO
from pathlib import PurePosixPath

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image, ImageOps

STILL_WIDTHS = (320, 640, 960, 1280)
AVATAR_WIDTHS = (96, 192)
# The uploads that get variants, for `manage.py make_image_variants` (by name: core imports no app).
FIELDS = {
    "facts.Fact.image": STILL_WIDTHS,
    "screenings.Screening.image": STILL_WIDTHS,
    "members.User.avatar": AVATAR_WIDTHS,
}
QUALITY = 80
# Which variants exist is remembered for a while: on S3 every exists() is a request.
CACHE_SECONDS = 24 * 60 * 60


def variant_name(name: str, width: int) -> str:
    path = PurePosixPath(name)
    return str(path.with_name(f"{path.stem}.{width}w.webp"))


def widths_for(image_width: int, widths: tuple[int, ...]) -> list[int]:
    """The widths worth making: those narrower than the original, which srcset lists beside it."""
    return [width for width in widths if width < image_width]


def make(field_file, widths: tuple[int, ...] = STILL_WIDTHS) -> list[int]:
    """Write the WebP variants of a stored image, replacing any of the same name; return their widths."""
    storage = field_file.storage
    with storage.open(field_file.name, "rb") as stored, Image.open(stored) as image:
        image.load()
        image = ImageOps.exif_transpose(image)
        image = image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")
        made = widths_for(image.width, widths)
        for width in made:
            height = max(1, round(image.height * width / image.width))
            out = BytesIO()
            image.resize((width, height), Image.LANCZOS).save(out, format="WEBP", quality=QUALITY, method=6)
            name = variant_name(field_file.name, width)
            if storage.exists(name):
                storage.delete(name)
            storage.save(name, ContentFile(out.getvalue()))
    cache.delete(_key(field_file.name))
    return made


def refresh(field_file, previous: str, widths: tuple[int, ...] = STILL_WIDTHS) -> None:
    """After a save that may have replaced or removed an image (`previous` is the name it had): once the
    transaction commits, delete the old image's variants and make the new one's. A failure is only logged:
    the page shows the original meanwhile."""
    if field_file.name == previous:
        return
    storage = field_file.storage
    if previous:
        transaction.on_commit(lambda: delete(storage, previous, widths), robust=True)
    if field_file:
        transaction.on_commit(lambda: make(field_file, widths), robust=True)


def delete(storage, name: str, widths: tuple[int, ...] = STILL_WIDTHS) -> None:
    """Delete the variants of an original that was replaced or removed (`name` is the old original's)."""
    if not name:
        return
    for width in widths:
        variant = variant_name(name, width)
        if storage.exists(variant):
            storage.delete(variant)
    cache.delete(_key(name))


def srcset(field_file, widths: tuple[int, ...] = STILL_WIDTHS) -> str:
    """'a.320w.webp 320w, a.640w.webp 640w, a.jpg 800w': the variants of this image that exist, and the
    original at its own width; empty when there are no variants (the <img src> alone then)."""
    if not field_file:
        return ""
    storage, key = field_file.storage, _key(field_file.name)
    existing = cache.get(key)
    if existing is None:
        existing = [width for width in widths if storage.exists(variant_name(field_file.name, width))]
        cache.set(key, existing, CACHE_SECONDS)
    if not existing:
        return ""
    sources = [(storage.url(variant_name(field_file.name, width)), width) for width in existing]
    sources.append((field_file.url, field_file.width))
    return ", ".join(f"{url} {width}w" for url, width in sources)


def _key(name: str) -> str:
    return f"image-variants:{name}"
