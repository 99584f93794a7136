"""Stored images drawn again without their metadata: stills uploaded before uploads were cleaned may still carry a
camera's EXIF (with its GPS position), XMP or comments. Safe to run again: a clean image is left as it is."""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import models

from core import variants
from core.images import has_metadata, without_metadata


class Command(BaseCommand):
    help = "Re-draw stored images (stills, avatars) that still carry metadata (EXIF, XMP, comments) without it."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="only list the images that carry metadata")

    def handle(self, *, dry_run: bool, **options):
        found = cleaned = 0
        for model, field in image_fields():
            for instance in model._default_manager.exclude(**{field.name: ""}).iterator():
                if not self.carries_metadata(getattr(instance, field.name)):
                    continue
                found += 1
                self.stdout.write(f"{model._meta.label} {instance.pk}: {getattr(instance, field.name).name}")
                if not dry_run:
                    cleaned += self.redraw(instance, field)
        verb = "would be re-drawn" if dry_run else f"carried metadata, {cleaned} re-drawn"
        self.stdout.write(self.style.SUCCESS(f"{found} image(s) {verb}."))

    def carries_metadata(self, file) -> bool:
        try:
            with file.storage.open(file.name, "rb") as stored:
                return has_metadata(ContentFile(stored.read(), name=file.name))
        except (OSError, ValidationError) as error:  # missing, or no image at all: said, and left as it is
            self.stderr.write(f"{file.name}: skipped ({error})")
            return False

    def redraw(self, instance, field) -> int:
        """The clean copy is stored first, then the row points to it, then the old file goes: stopped half-way, a
        page never links to a missing file (at worst the old file stays behind)."""
        file = getattr(instance, field.name)
        old = file.name
        with file.storage.open(old, "rb") as stored:
            clean = without_metadata(ContentFile(stored.read(), name=old.rsplit("/", 1)[-1]))
        file.save(clean.name, clean, save=False)
        instance._change_reason = "Image re-drawn without its metadata (EXIF, XMP, comments)."
        instance.save(update_fields=[field.name])
        file.storage.delete(old)
        if widths := variants.FIELDS.get(f"{instance._meta.label}.{field.name}"):
            variants.refresh(file, old, widths)  # the clean copy's WebP sizes; the old ones deleted
        return 1


def image_fields():
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.ImageField):
                yield model, field
