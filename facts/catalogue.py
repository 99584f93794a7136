"""Loading the catalogue's one copy, facts/seed/catalogue.yaml, into the database: run by every deploy.

Each record (a category, a fact with its sources, an FAQ entry with its facts, a page text) is keyed on its slug,
and the fingerprint of its content as loaded is kept (SeedRecord). On each run:
- a record the database never had is made; one a curator removed, or gave another slug, is not made again;
- a record the file changed is brought up to date through the models' own saves, so its history and
  the public Changes list record it with the file's note (the record's `note`, else the file's),
  unless a curator edited it since it was loaded: then it is left as it is and named in the report;
- a fact no curator edited takes the file's Last checked date when it is newer.
Positions and publishing are the curators' once a record exists. `update=True` makes the database match
the file again, curators' edits and removals included.
"""

import hashlib
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
from django.db.models import Model
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from facts.models import Category, Fact, FaqEntry, SeedRecord, Source, Text

SEED_FILE = Path(__file__).resolve().parent / "seed" / "catalogue.yaml"
# What a fingerprint covers of each kind of record, besides a fact's sources and an FAQ entry's facts.
# Fingerprints are stored: changing what they cover needs a migration that computes the stored ones anew.
CONTENT = {
    "facts.Category": ("name", "description"),
    "facts.Fact": ("title", "summary", "body", "category", "status", "claim", "status_note", "spoiler", "featured"),
    "facts.FaqEntry": ("question", "answer"),
    "facts.Text": ("title", "text"),
}
SOURCE_FIELDS = ("title", "publisher", "url", "date", "quote")
# Where a source without a link was printed. It joins a source's fingerprint only when it is given, so the
# fingerprints stored before it existed (every source then had none) still match.
PRINTED = "printed"


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)

    def add(self, outcome: str, kind: str, slug: str) -> None:
        self.counts[outcome] += 1
        if outcome != "unchanged":
            self.lines.append(f"{outcome:>9} {kind} {slug}")

    def summary(self) -> str:
        return ", ".join(f"{self.counts[k]} {k}" for k in ("created", "updated", "kept", "unchanged"))


def read_seed(path: Path = SEED_FILE) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def fingerprint(content: dict) -> str:
    encoded = json.dumps(content, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(encoded.encode()).hexdigest()[:32]


def content_of(obj: Model) -> dict:
    """A record's seeded content as the database holds it (historical models in migrations too)."""
    label = obj._meta.label
    content = {name: _plain(getattr(obj, name)) for name in CONTENT[label]}
    if label == "facts.Fact":
        content["sources"] = _source_rows(obj.sources.order_by("position", "id"))
    elif label == "facts.FaqEntry":
        content["facts"] = sorted(obj.facts.values_list("slug", flat=True))
    return content


def _plain(value):
    return value.slug if isinstance(value, Model) else value


def _source_rows(sources) -> list[list]:
    def value(source, name):
        return getattr(source, name) if isinstance(source, Model) else source.get(name)

    rows = []
    for source in sources:
        row = [value(source, name) or None for name in SOURCE_FIELDS]
        # A model from before the field (migration 0009's) has none.
        printed = source.get(PRINTED) if isinstance(source, dict) else getattr(source, PRINTED, "")
        rows.append([*row, printed] if printed else row)
    return rows


@dataclass
class Seed:
    """One record as the file has it: the model's fields, what hangs off it, and the note for readers."""

    model: type[Model]
    slug: str
    fields: dict
    note: str = ""
    related: Any = None
    write_related: Callable[[Model, str], None] | None = None

    @property
    def content(self) -> dict:
        content = {name: _plain(self.fields[name]) for name in CONTENT[self.model._meta.label]}
        if self.related is not None:
            content[self.related[0]] = self.related[1]
        return content


def load_catalogue(data: dict, *, update: bool = False, dry_run: bool = False) -> Report:
    report = Report()
    note = data.get("note", "")
    with transaction.atomic():
        categories = {
            item["slug"]: _category(report, item, position, update)
            for position, item in enumerate(data["categories"], start=1)
        }
        facts = {}
        for position, item in enumerate(data["facts"], start=1):
            slug = item.get("slug") or slugify(item["title"])
            category = categories[item["category"]]
            if category is None:
                report.add("kept", "fact", f"{slug} (not made: its category was removed by a curator)")
                continue
            fields = _fact_fields(item, position, category, checked=data.get("last_checked"))
            facts[slug] = _sync(report, _fact_seed(slug, fields, item, item.get("note", note)), update)
        for position, item in enumerate(data["faq"], start=1):
            linked = [facts[slug] for slug in item.get("facts", []) if facts.get(slug)]
            _sync(report, _faq_seed(item, position, linked, item.get("note", note)), update)
        for item in data.get("texts", []):
            fields = {"title": item["title"], "text": item["text"]}
            _sync(report, Seed(Text, item["slug"], fields, item.get("note", note)), update)
        if dry_run:
            transaction.set_rollback(True)
    return report


def _category(report: Report, item: dict, position: int, update: bool) -> Category | None:
    fields = {"name": item["name"], "description": item.get("description", ""), "position": position}
    renamed = Category.objects.exclude(slug=item["slug"]).filter(name=item["name"]).first()
    if renamed is not None:  # a curator changed its slug: the names are unique, so it is this one
        report.add("kept", "category", f"{item['slug']} (a curator gave it the slug {renamed.slug})")
        return renamed
    return _sync(report, Seed(Category, item["slug"], fields), update)


def _fact_fields(item: dict, position: int, category: Category, *, checked=None) -> dict:
    return {
        "title": item["title"],
        "summary": item["summary"],
        "body": item["body"],
        "category": category,
        "position": position,
        "status": item["status"],
        "claim": item.get("claim", ""),
        "status_note": item.get("status_note", ""),
        "spoiler": item.get("spoiler", False),
        "featured": item.get("featured", False),
        "last_checked": item.get("last_checked", checked),
    }


def _fact_seed(slug: str, fields: dict, item: dict, note: str) -> Seed:
    sources = item.get("sources", [])
    return Seed(
        Fact,
        slug,
        fields,
        note,
        ("sources", _source_rows(sources)),
        lambda fact, why: _replace_sources(fact, sources, why),
    )


def _faq_seed(item: dict, position: int, facts: list[Fact], note: str) -> Seed:
    fields = {"question": item["question"], "answer": item["answer"], "position": position}
    slugs = sorted(fact.slug for fact in facts)
    return Seed(FaqEntry, item["slug"], fields, note, ("facts", slugs), lambda entry, why: entry.facts.set(facts))


def _sync(report: Report, seed: Seed, update: bool) -> Model | None:
    model, slug, kind = seed.model, seed.slug, seed.model._meta.verbose_name
    obj = model.objects.filter(slug=slug).first()
    record, first_time = SeedRecord.objects.get_or_create(model=model._meta.label, slug=slug)
    wanted = fingerprint(seed.content)
    if obj is None:
        if not first_time and not update:
            report.add("kept", kind, f"{slug} (removed, or its slug changed, by a curator; --update makes it again)")
            return None
        obj = model.objects.create(slug=slug, **seed.fields)
        if seed.write_related:
            seed.write_related(obj, "Loaded from the catalogue file.")
        _remember(record, wanted)
        report.add("created", kind, slug)
        return obj
    current = content_of(obj)
    if fingerprint(current) == wanted:
        _remember(record, wanted)
        report.add("updated" if _recheck(obj, seed) else "unchanged", kind, f"{slug} (last checked)")
    elif update or record.fingerprint == fingerprint(current):
        changed = sorted(name for name, value in seed.content.items() if current.get(name) != value)
        _write(obj, seed, update)
        _remember(record, wanted)
        report.add("updated", kind, f"{slug} ({', '.join(changed)})")
    else:
        report.add("kept", kind, f"{slug} (edited by a curator since it was loaded; --update takes the file's)")
    return obj


def _remember(record: SeedRecord, fingerprint: str) -> None:
    if record.fingerprint != fingerprint:
        record.fingerprint = fingerprint
        record.save(update_fields=["fingerprint"])


def _write(obj: Model, seed: Seed, update: bool) -> None:
    """Bring the record to the file's version through its own save, with the note in its history (and,
    for a fact, on its Changes list). Its position stays the curators' unless `update`."""
    for name, value in seed.fields.items():
        if name != "position" or update:
            setattr(obj, name, value)
    obj._change_reason = seed.note or None
    if isinstance(obj, Fact):
        obj.save(change_note=seed.note)
    else:
        obj.save()
    if seed.write_related:
        seed.write_related(obj, seed.note)


def _recheck(obj: Model, seed: Seed) -> bool:
    """A fact as the file has it takes the file's Last checked date when that is newer."""
    checked = seed.fields.get("last_checked")
    if not isinstance(obj, Fact) or not checked or (obj.last_checked and obj.last_checked >= checked):
        return False
    obj.last_checked = checked
    obj._change_reason = f"Checked against its sources on {checked:%-d %B %Y}."
    obj.save(update_fields=["last_checked", "updated"])
    return True


def _replace_sources(fact: Fact, sources: list[dict], why: str) -> None:
    for source in fact.sources.all():
        source._change_reason = why or None
        source.delete()  # one by one, so each removal is in the source's history
    made = [
        Source(
            fact=fact,
            position=position,
            **{name: item.get(name) or _blank(name) for name in (*SOURCE_FIELDS, PRINTED)},
        )
        for position, item in enumerate(sources, start=1)
    ]
    bulk_create_with_history(made, Source, default_change_reason=why or "Loaded from the catalogue file.")


def _blank(name: str):
    return None if name == "date" else ""
