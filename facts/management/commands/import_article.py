from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from facts.article import ArticleError, import_article, parse_article
from facts.models import Category

MAX_BYTES = 1_000_000


class Command(BaseCommand):
    help = (
        "Import an article of headed paragraphs (and Q:/A: pairs) as unpublished, unverified facts "
        "and FAQ entries for curators to review."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--category", default="imported", help="Category slug for the new facts (created if missing)."
        )

    def handle(self, *args, path: Path, category: str, **options):
        try:
            raw = path.read_bytes()
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}") from error
        if len(raw) > MAX_BYTES:
            raise CommandError(f"{path} is larger than {MAX_BYTES:,} bytes; is it really an article?")
        try:
            article = parse_article(raw.decode("utf-8"))
        except UnicodeDecodeError as error:
            raise CommandError(f"{path} is not UTF-8 text.") from error
        except ArticleError as error:
            raise CommandError(f"{path}: {error}") from error

        target, _ = Category.objects.get_or_create(
            slug=category, defaults={"name": category.replace("-", " ").capitalize(), "position": 99}
        )
        added, skipped = import_article(article, category=target)
        for line in added:
            self.stdout.write(f"added   {line}")
        for line in skipped:
            self.stdout.write(f"skipped {line}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {len(added)} item(s) into “{target.name}”, unpublished for review; skipped {len(skipped)}."
            )
        )
