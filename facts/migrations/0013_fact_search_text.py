"""Search ignores accents and case, and knows the spellings of a name the catalogue lists: each fact keeps its
title, summary and body folded in a column of its own (facts.search), filled here for the facts there are.
It carries no content: the column is derived from the row's own fields."""

from django.db import migrations, models

from facts import search


def fold_every_fact(apps, schema_editor):
    search.refresh(apps.get_model("facts", "Fact"))


class Migration(migrations.Migration):
    dependencies = [
        ("facts", "0012_rubric_names_what_the_sources_say"),
    ]

    operations = [
        migrations.AddField(
            model_name="fact",
            name="search_text",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.RunPython(fold_every_fact, migrations.RunPython.noop),
    ]
