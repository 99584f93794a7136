"""WebP variants for the images uploaded before the site made them, or whose variants went missing."""

from django.apps import apps
from django.core.management.base import BaseCommand

from core import variants


class Command(BaseCommand):
    help = "Make the missing WebP variants (srcset) of uploaded stills and avatars; --all remakes every one."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="remake variants that exist too")

    def handle(self, *args, all: bool = False, **options):
        made = 0
        for label, widths in variants.FIELDS.items():
            app_model, field = label.rsplit(".", 1)
            model = apps.get_model(app_model)
            for row in model.objects.exclude(**{field: ""}).only("pk", field).iterator():
                made += self._one(getattr(row, field), widths, remake=all)
        self.stdout.write(f"Made the variants of {made} images.")

    def _one(self, field_file, widths, *, remake: bool) -> int:
        storage = field_file.storage
        try:
            expected = variants.widths_for(field_file.width, widths)  # reads the image's header
            if not expected:
                return 0  # narrower than the narrowest variant: the original is all there is
            if not remake and all(storage.exists(variants.variant_name(field_file.name, w)) for w in expected):
                return 0
            variants.make(field_file, widths)
        except (OSError, ValueError) as error:  # a missing or unreadable original: the page shows what there is
            self.stderr.write(f"{field_file.name}: {error}")
            return 0
        return 1
