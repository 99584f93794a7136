"""History begins: every fact, source and FAQ entry of a database seeded before gets its first history
record, as it is now. (The catalogue's corrections reach such a database the way every change to the
seed does: `load_catalogue`, run by each deploy, brings records no curator edited up to date.)"""

from django.db import migrations
from django.utils import timezone


def begin_history(apps, schema_editor):
    now = timezone.now()
    for name in ("Fact", "Source", "FaqEntry"):  # their history tables are new and empty
        for obj in apps.get_model("facts", name).objects.all():
            _record(apps, obj, now, "As it was when the club began keeping history.")


def _record(apps, obj, when, reason: str) -> None:
    """A history record of `obj` as it is now (what django-simple-history would have written)."""
    name = obj._meta.object_name
    History = apps.get_model("facts", f"Historical{name}")
    fields = {
        field.attname: getattr(obj, field.attname)
        for field in History._meta.concrete_fields
        if not field.name.startswith("history_") and hasattr(obj, field.attname)
    }
    record = History.objects.create(**fields, history_date=when, history_type="+", history_change_reason=reason)
    if name == "FaqEntry":  # the facts the answer rests on, as the history of its links
        Links = apps.get_model("facts", "HistoricalFaqEntry_facts")
        for link in obj.facts.through.objects.filter(faqentry=obj):
            Links.objects.create(id=link.pk, history=record, faqentry_id=obj.pk, fact_id=link.fact_id)


class Migration(migrations.Migration):
    dependencies = [("facts", "0006_curators_changes_and_suggestions")]

    operations = [migrations.RunPython(begin_history, migrations.RunPython.noop)]
