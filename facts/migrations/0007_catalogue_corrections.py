"""Correct the catalogue in databases seeded before the fact-check, never overwriting a curator's work.

First every fact, source and FAQ entry gets its first history record (history begins here). Then each
corrected fact whose seeded fields and sources are still exactly as seeded is corrected, with a
history record and an entry on its public Changes list; a fact a curator has changed, renamed or
removed since is left alone and named in the migration's output, to be corrected by hand. FAQ
answers likewise. Every fact not left alone was checked in the fact-check: its Last checked is set.
A fresh database has no facts yet: `load_catalogue` then loads the corrected file (with that date,
and no Changes entries, since nothing changed after those facts were published).
"""

import datetime

from django.db import migrations
from django.utils import timezone

from facts.migrations._corrections_2026_11 import FACTS, FAQ

SOURCE_FIELDS = ("title", "publisher", "url", "date", "quote")
CHECKED = datetime.date(2026, 11, 29)


def correct(apps, schema_editor):
    now = timezone.now()
    if not apps.get_model("facts", "Fact").objects.exists():
        return  # a fresh database: load_catalogue loads the corrected file
    Fact, Source, FaqEntry, Change = (
        apps.get_model("facts", name) for name in ("Fact", "Source", "FaqEntry", "Change")
    )
    for name in ("Fact", "Source", "FaqEntry"):  # their history tables are new and empty
        for obj in apps.get_model("facts", name).objects.all():
            _record(apps, obj, "+", now, "As it was when the club began keeping history.")
    left, corrected = [], set()
    for slug, correction in FACTS.items():
        fact = Fact.objects.filter(slug=slug).first()
        if fact is None:
            left.append(f"fact {slug}: removed, or its slug changed, by a curator")
            continue
        seeded = {name: getattr(fact, name) for name in correction["old"]}
        if seeded != correction["old"] or _sources(fact) != correction["old_sources"]:
            left.append(f"fact {slug}: changed by a curator since it was seeded")
            continue
        old_status = fact.status
        for name, value in correction["new"].items():
            setattr(fact, name, value)
        fact.last_checked = CHECKED
        fact.save()
        corrected.add(fact.pk)
        if correction["new_sources"] != correction["old_sources"]:
            for source in fact.sources.all():
                _record(apps, source, "-", now, correction["note"])
                source.delete()
            for position, item in enumerate(correction["new_sources"], start=1):
                source = Source.objects.create(fact=fact, position=position, **_source_fields(item))
                _record(apps, source, "+", now, correction["note"])
        _record(apps, fact, "~", now, correction["note"])
        status_changed = old_status != fact.status
        Change.objects.create(
            fact=fact,
            kind="status" if status_changed else "correction",
            date=now,
            old_status=old_status if status_changed else "",
            new_status=fact.status if status_changed else "",
            note=correction["note"],
        )
    for fact in Fact.objects.filter(last_checked=None).exclude(pk__in=corrected):
        if not any(line.startswith(f"fact {fact.slug}:") for line in left):
            fact.last_checked = CHECKED  # checked in the fact-check and found right
            fact.save()
            _record(apps, fact, "~", now, "Checked against the sources in the fact-check of November 2026.")
    for slug, correction in FAQ.items():
        entry = FaqEntry.objects.filter(slug=slug).first()
        if entry is None or {"question": entry.question, "answer": entry.answer} != correction["old"]:
            left.append(f"FAQ entry {slug}: changed or removed by a curator since it was seeded")
            continue
        entry.question, entry.answer = correction["new"]["question"], correction["new"]["answer"]
        entry.save()
        _record(apps, entry, "~", now, "Corrected after the fact-check of November 2026.")
    if left:
        print(
            "\n  The catalogue corrections of November 2026 were not applied to these, since a curator changed "
            "them:\n    " + "\n    ".join(left) + "\n  Compare them with facts/seed/catalogue.yaml and correct them "
            "in the admin (or `manage.py load_catalogue --update` to take the file's version).",
        )


def _sources(fact) -> list[dict]:
    return [
        {name: (str(value) if name == "date" and value else value or None) for name, value in _source_fields(s).items()}
        for s in fact.sources.order_by("position", "id")
    ]


def _source_fields(source) -> dict:
    if isinstance(source, dict):
        return {name: source.get(name) or (None if name == "date" else "") for name in SOURCE_FIELDS}
    return {name: getattr(source, name) for name in SOURCE_FIELDS}


def _record(apps, obj, kind: str, when, reason: str) -> None:
    """A history record of `obj` as it is now (what django-simple-history would have written)."""
    name = obj._meta.object_name
    History = apps.get_model("facts", f"Historical{name}")
    fields = {
        field.attname: getattr(obj, field.attname)
        for field in History._meta.concrete_fields
        if not field.name.startswith("history_") and hasattr(obj, field.attname)
    }
    record = History.objects.create(**fields, history_date=when, history_type=kind, history_change_reason=reason)
    if name == "FaqEntry":  # the facts the answer rests on, as the history of its links
        Links = apps.get_model("facts", "HistoricalFaqEntry_facts")
        for link in obj.facts.through.objects.filter(faqentry=obj):
            Links.objects.create(id=link.pk, history=record, faqentry_id=obj.pk, fact_id=link.fact_id)


class Migration(migrations.Migration):
    dependencies = [("facts", "0006_curators_changes_and_suggestions")]

    operations = [migrations.RunPython(correct, migrations.RunPython.noop)]
