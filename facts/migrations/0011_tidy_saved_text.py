"""Mends text the admin saved as the browser sent it: Windows line endings (CRLF, from a textarea) and spaces at
the ends of lines. Such a save stored a body nobody had changed, history recorded a change nobody made, and the
public page ran paragraphs together. The admin now tidies what it saves (core.text.TidyTextForm); this tidies
the rows saved before, and their history records, so history shows no change where there was none. It carries
no content: only line endings and trailing spaces change.

Curators may also see and edit the page texts (the home page's synopsis) and read their history.
"""

from django.db import migrations

from core.migration_helpers import grant
from core.text import tidy

# The text fields curators edit in the admin, of each model and of its history.
FIELDS = {
    "Category": ["name", "description"],
    "Fact": ["title", "summary", "body", "claim", "status_note", "image_alt", "image_credit", "image_licence"],
    "Source": ["title", "publisher", "url", "printed", "quote"],
    "FaqEntry": ["question", "answer"],
    "Change": ["note"],
    "Suggestion": ["reason"],
    "HistoricalFact": [
        "title",
        "summary",
        "body",
        "claim",
        "status_note",
        "image_alt",
        "image_credit",
        "image_licence",
    ],
    "HistoricalSource": ["title", "publisher", "url", "printed", "quote"],
    "HistoricalFaqEntry": ["question", "answer"],
}
CODENAMES = ["view_text", "change_text", "view_historicaltext"]


def tidy_saved_text(apps, schema_editor):
    for name, fields in FIELDS.items():
        model = apps.get_model("facts", name)
        for row in model.objects.only(model._meta.pk.attname, *fields).iterator():
            mended = {field: tidy(getattr(row, field)) for field in fields if getattr(row, field)}
            mended = {field: value for field, value in mended.items() if value != getattr(row, field)}
            if mended:
                model.objects.filter(pk=row.pk).update(**mended)


class Migration(migrations.Migration):
    dependencies = [("facts", "0010_sources_in_print_and_page_texts")]

    operations = [
        migrations.RunPython(tidy_saved_text, migrations.RunPython.noop),
        migrations.RunPython(
            lambda apps, schema_editor: grant(apps, app_label="facts", groups=["Curators"], codenames=CODENAMES),
            migrations.RunPython.noop,
        ),
    ]
