"""Loading the catalogue's one copy, facts/seed/catalogue.yaml, into the database: run by every deploy.

Each record (a category, a fact with its sources, an FAQ entry with its facts, a page text) is keyed on
its slug, and the fingerprint of its content as loaded is kept (SeedRecord). On each run, one at a time:
- a record the database never had is made; one a curator removed, or gave another slug, is not made again;
- a record the file changed is brought up to date through the models' own saves, so its history and
  the public Changes list record it with the file's note (the record's `note`, else the file's), unless
  a curator edited it since it was loaded: then it is left as it is and named in the report;
- a fact no curator edited takes the file's Last checked date when it is newer (never an older one).
Only the seeded fields are written: positions, publishing and images are the curators'. `update=True`
makes the database match the file again, curators' edits and removals included.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import connection, transaction
from django.db.models import Model
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from facts import search, seed
from facts.models import Category, Fact, FaqEntry, SeedRecord, Source, Text
from facts.seed_fingerprint import CONTENT, PRINTED, SOURCE_FIELDS, content_of, fingerprint, plain, source_rows

SEED_FILE = seed.FILE
# Said to readers of a change whose note the record already published with an earlier one.
UPDATED = "Updated from the club's catalogue."
LOADED = "Loaded from the catalogue file."
# What the link checker found at an address, carried over when a source is rewritten with the same one.
LINK_STATE = ("link_checked_at", "link_alive_at", "link_problem")


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
    return seed.read(path)


@dataclass
class Seed:
    """One record as the file has it: the model's fields, what hangs off it, and the note for readers."""

    model: type[Model]
    slug: str
    fields: dict
    note: str = ""
    related: tuple[str, Any] | None = None
    write_related: Callable[[Model, str], None] | None = None

    @property
    def content(self) -> dict:
        content = {name: plain(self.fields[name]) for name in CONTENT[self.model._meta.label]}
        if self.related is not None:
            content[self.related[0]] = self.related[1]
        return content


def load_catalogue(data: dict, *, update: bool = False, dry_run: bool = False) -> Report:
    report = Report()
    note = data.get("note", "")
    with transaction.atomic():
        _one_at_a_time()
        categories = {
            item["slug"]: _category(report, item, position, update)
            for position, item in enumerate(data["categories"], start=1)
        }
        facts = {}
        for position, item in enumerate(data["facts"], start=1):
            slug = item.get("slug") or slugify(item["title"])
            category = categories[item["category"]]
            if category is None:  # its category was removed, or renamed out of recognition, by a curator
                facts[slug] = Fact.objects.filter(slug=slug).first()
                report.add("kept", "fact", f"{slug} (its category {item['category']} was removed by a curator)")
                continue
            fields = _fact_fields(item, position, category, checked=data.get("last_checked"))
            facts[slug] = _sync(report, _fact_seed(slug, fields, item, item.get("note", note)), update)
        for position, item in enumerate(data["faq"], start=1):
            linked = [facts[slug] for slug in item.get("facts", []) if facts.get(slug)]
            _sync(report, _faq_seed(item, position, linked, item.get("note", note)), update)
        for item in data.get("texts", []):
            fields = {"title": item["title"], "text": item["text"]}
            _sync(report, Seed(Text, item["slug"], fields, item.get("note", note)), update)
        # The spellings search knows may have changed with the file: facts folded with the old ones are folded again.
        search.refresh(Fact)
        if dry_run:
            transaction.set_rollback(True)
    return report


def _one_at_a_time() -> None:
    """Two deploys at once (two servers starting) take turns: the second finds the first's work done. SQLite's
    writers already queue (transactions begin IMMEDIATE); PostgreSQL takes a lock held until commit."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext('cranesclub.load_catalogue'))")


def _category(report: Report, item: dict, position: int, update: bool) -> Category | None:
    fields = {"name": item["name"], "description": item.get("description", ""), "position": position}
    renamed = Category.objects.exclude(slug=item["slug"]).filter(name=item["name"]).first()
    if renamed is not None:  # a curator changed its slug: the names are unique, so it is this one
        report.add("kept", "category", f"{item['slug']} (a curator gave it the slug {renamed.slug})")
        return renamed
    return _sync(report, Seed(Category, item["slug"], fields, item.get("note", "")), update)


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
    rows = source_rows(sources)
    return Seed(Fact, slug, fields, note, ("sources", rows), lambda fact, why: _replace_sources(fact, sources, why))


def _faq_seed(item: dict, position: int, facts: list[Fact], note: str) -> Seed:
    fields = {"question": item["question"], "answer": item["answer"], "position": position}
    slugs = sorted(fact.slug for fact in facts)
    return Seed(FaqEntry, item["slug"], fields, note, ("facts", slugs), lambda entry, why: entry.facts.set(facts))


def _sync(report: Report, seed: Seed, update: bool) -> Model | None:
    model, slug, kind = seed.model, seed.slug, seed.model._meta.verbose_name
    # Locked, so a curator's save cannot land between what is read here and what is written.
    obj = model.objects.select_for_update().filter(slug=slug).first()
    record, first_time = SeedRecord.objects.select_for_update().get_or_create(model=model._meta.label, slug=slug)
    wanted = fingerprint(seed.content)
    if obj is None:
        if not first_time and not update:
            report.add("kept", kind, f"{slug} (removed, or its slug changed, by a curator; --update makes it again)")
            return None
        obj = model.objects.create(slug=slug, **seed.fields)
        if seed.write_related:
            seed.write_related(obj, LOADED)
        _remember(record, wanted)
        report.add("created", kind, slug)
        return obj
    current = content_of(obj)
    if fingerprint(current) == wanted:
        _remember(record, wanted)
        report.add("updated" if _recheck(obj, seed) else "unchanged", kind, f"{slug} (last checked)")
    elif update or record.fingerprint == fingerprint(current):
        changed = sorted(name for name, value in seed.content.items() if current.get(name) != value)
        note = seed.note if seed.note and seed.note != record.note else UPDATED
        _write(obj, seed, changed, note, update)
        _remember(record, wanted, note)
        report.add("updated", kind, f"{slug} ({', '.join(changed)})")
    else:
        report.add("kept", kind, f"{slug} (edited by a curator since it was loaded; --update takes the file's)")
    return obj


def _remember(record: SeedRecord, fingerprint: str, note: str | None = None) -> None:
    record.fingerprint = fingerprint
    record.note = record.note if note is None else note
    record.save(update_fields=["fingerprint", "note"])


def _write(obj: Model, seed: Seed, changed: list[str], note: str, update: bool) -> None:
    """Bring the record to the file's version through its own save, with the note in its history (and, for a
    fact, on its Changes list). Only the seeded fields are written; Last checked never goes back, and the
    position stays the curators' unless `update`."""
    fields = {name: value for name, value in seed.fields.items() if name != "position" or update}
    if fields.get("last_checked") and getattr(obj, "last_checked", None):
        fields["last_checked"] = max(fields["last_checked"], obj.last_checked)
    for name, value in fields.items():
        setattr(obj, name, value)
    names = [*fields, *(["updated"] if isinstance(obj, Fact) else [])]
    obj._change_reason = note
    if isinstance(obj, Fact):
        obj.save(change_note=note, update_fields=names)
    else:
        obj.save(update_fields=names)
    if seed.write_related and seed.related[0] in changed:
        seed.write_related(obj, note)


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
    """The fact's sources as the file lists them; what the link checker found at an address stays with it."""
    found = {}
    for source in fact.sources.all():
        found.setdefault(source.url, {name: getattr(source, name) for name in LINK_STATE})
        source._change_reason = why
        source.delete()  # one by one, so each removal is in the source's history
    made = []
    for position, item in enumerate(sources, start=1):
        fields = {name: item.get(name) or _blank(name) for name in (*SOURCE_FIELDS, PRINTED)}
        state = found.get(fields["url"], {}) if fields["url"] else {}
        made.append(Source(fact=fact, position=position, **fields, **state))
    bulk_create_with_history(made, Source, default_change_reason=why)


def _blank(name: str):
    return None if name == "date" else ""
