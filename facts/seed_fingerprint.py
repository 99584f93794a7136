"""The fingerprint of a catalogue record's seeded content, as databases store it (SeedRecord.fingerprint).

Kept stable, like the migrations that use it (facts.0009): a fingerprint stored years ago must still
match the same content. Changing what it covers, or how, needs a new format and a migration that
computes the stored fingerprints anew; a test pins a known value.
"""

import hashlib
import json

from django.db.models import Model

# What a fingerprint covers of each kind of record, besides a fact's sources and an FAQ entry's facts.
CONTENT = {
    "facts.Category": ("name", "description"),
    "facts.Fact": ("title", "summary", "body", "category", "status", "claim", "status_note", "spoiler", "featured"),
    "facts.FaqEntry": ("question", "answer"),
    "facts.Text": ("title", "text"),
}
SOURCE_FIELDS = ("title", "publisher", "url", "date", "quote")
# Where a source without a link was printed. It joins a source's fingerprint only when it is given, so the
# fingerprints stored before the field existed (every source then had none) still match.
PRINTED = "printed"


def fingerprint(content: dict) -> str:
    encoded = json.dumps(content, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(encoded.encode()).hexdigest()[:32]


def content_of(obj: Model) -> dict:
    """A record's seeded content as the database holds it (historical models in migrations too)."""
    label = obj._meta.label
    content = {name: plain(getattr(obj, name)) for name in CONTENT[label]}
    if label == "facts.Fact":
        content["sources"] = source_rows(obj.sources.order_by("position", "id"))
    elif label == "facts.FaqEntry":
        content["facts"] = sorted(obj.facts.values_list("slug", flat=True))
    return content


def plain(value):
    """A field's value as fingerprints see it: a related record by its slug, text with Unix line ends (a
    browser's form sends Windows ones, which are no edit)."""
    if isinstance(value, Model):
        return value.slug
    if isinstance(value, str):
        return value.replace("\r\n", "\n")
    return value


def source_rows(sources) -> list[list]:
    """Sources (rows, or the file's dicts) as fingerprints see them: their fields in order, blanks as None,
    then where a source was printed, if it says."""

    def value(source, name):
        # A historical model from before a field (migration 0009's) has none.
        return plain(getattr(source, name, "") if isinstance(source, Model) else source.get(name))

    rows = []
    for source in sources:
        row = [value(source, name) or None for name in SOURCE_FIELDS]
        printed = value(source, PRINTED)
        rows.append([*row, printed] if printed else row)
    return rows
