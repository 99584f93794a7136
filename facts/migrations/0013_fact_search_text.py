"""Search ignores accents and case, and knows the spellings of a name the catalogue lists: each fact keeps its
title, summary and body folded in a column of its own (facts.search). The column is derived from the row's own
fields and filled by the deploy step (`load_catalogue` folds every fact whose text is stale), so this migration
holds no code that later releases could change under it."""

from django.db import migrations, models


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
    ]
