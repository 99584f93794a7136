"""Loading the checked-in catalogue (facts/seed/catalogue.yaml) into the database.

Records are keyed on slug. By default only missing records are created, with their sources and
links; nothing that exists is changed or removed (no field, source or FAQ link), so a curator's
edits survive every deploy. The slugs loaded once are remembered (SeedRecord), so a record a curator
deleted, or whose slug they changed, is not made again either. `update=True` makes the database
match the file again, bringing back what was deleted.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from facts.models import Category, Fact, FaqEntry, SeedRecord, Source

SEED_FILE = Path(__file__).resolve().parent / "seed" / "catalogue.yaml"


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


def load_catalogue(data: dict, *, update: bool = False, dry_run: bool = False) -> Report:
    report = Report()
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
            facts[slug] = _sync(report, Fact, slug, fields, update, _sources(item.get("sources", [])))
        for position, item in enumerate(data["faq"], start=1):
            linked = [facts[slug] for slug in item.get("facts", []) if facts.get(slug)]
            _sync(report, FaqEntry, item["slug"], _faq_fields(item, position), update, _faq_links(linked))
        if dry_run:
            transaction.set_rollback(True)
    return report


def _category(report: Report, item: dict, position: int, update: bool) -> Category | None:
    fields = {"name": item["name"], "description": item.get("description", ""), "position": position}
    renamed = Category.objects.exclude(slug=item["slug"]).filter(name=item["name"]).first()
    if renamed is not None:  # a curator changed its slug: the names are unique, so it is this one
        report.add("kept", "category", f"{item['slug']} (a curator gave it the slug {renamed.slug})")
        return renamed
    return _sync(report, Category, item["slug"], fields, update)


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


def _faq_fields(item: dict, position: int) -> dict:
    return {"question": item["question"], "answer": item["answer"], "position": position}


@dataclass
class Related:
    """Rows that hang off a record (a fact's sources, an FAQ entry's facts): compared with the
    file, and written only when the record is created or updated."""

    name: str
    current: Callable[[Any], Any]
    wanted: Any
    write: Callable[[Any], None]


def _sync(report: Report, model, slug: str, fields: dict, update: bool, related: Related | None = None):
    kind = model._meta.verbose_name
    obj = model.objects.filter(slug=slug).first()
    _, first_time = SeedRecord.objects.get_or_create(model=model._meta.label, slug=slug)
    if obj is None and not first_time and not update:
        report.add("kept", kind, f"{slug} (removed, or its slug changed, by a curator; --update makes it again)")
        return None
    if obj is None:
        obj = model.objects.create(slug=slug, **fields)
        if related:
            related.write(obj)
        report.add("created", kind, slug)
        return obj
    changed = {name for name, value in fields.items() if getattr(obj, name) != value}
    if related and related.current(obj) != related.wanted:
        changed.add(related.name)
    if not changed:
        report.add("unchanged", kind, slug)
    elif update:
        for name, value in fields.items():
            setattr(obj, name, value)
        obj.save()
        if related:
            related.write(obj)
        report.add("updated", kind, f"{slug} ({', '.join(sorted(changed))})")
    else:
        report.add("kept", kind, f"{slug} (differs in {', '.join(sorted(changed))}; --update overwrites)")
    return obj


def _faq_links(facts: list[Fact]) -> Related:
    return Related(
        "facts",
        current=lambda entry: sorted(entry.facts.values_list("pk", flat=True)),
        wanted=sorted(fact.pk for fact in facts),
        write=lambda entry: entry.facts.set(facts),
    )


SOURCE_FIELDS = ("title", "publisher", "url", "date", "quote")


def _sources(items: list[dict]) -> Related:
    return Related(
        "sources",
        current=lambda fact: _source_rows(fact.sources.all()),
        wanted=_source_rows(items),
        write=lambda fact: _replace_sources(fact, items),
    )


def _source_rows(sources) -> list[tuple]:
    def value(source, name):
        return getattr(source, name) if isinstance(source, Source) else source.get(name)

    return [tuple(value(s, name) or None for name in SOURCE_FIELDS) for s in sources]


def _replace_sources(fact, sources) -> None:
    for source in fact.sources.all():
        source.delete()  # one by one, so each removal is in the source's history
    made = [
        Source(fact=fact, position=position, **{name: item.get(name) or _blank(name) for name in SOURCE_FIELDS})
        for position, item in enumerate(sources, start=1)
    ]
    bulk_create_with_history(made, Source, default_change_reason="Loaded from the catalogue file.")


def _blank(name: str):
    return None if name == "date" else ""
