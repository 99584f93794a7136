"""Fingerprints of what the catalogue loader loaded, so a deploy can bring a changed record to the database.

A database seeded before fingerprints were kept gets one for each record still exactly as a released
version of the catalogue file had that record: SHIPPED holds the fingerprints of each record in every
version of facts/seed/catalogue.yaml released before this migration (not their content). A record that
matches none, or that a person has saved since (its history names who, as the admin's saves do), was
edited by a curator: it gets no fingerprint, and the loader leaves it alone.
"""

from django.db import migrations, models

from facts.seed_fingerprint import content_of, fingerprint

SHIPPED = {
    "facts.Category": {
        "awards": ("42804e3b7bace8a9f7429a10950ce995",),
        "legacy": ("3728c85893c8c5872ec78d7af72fa86e",),
        "making": ("e4ae09822ebd8ff58a316649ed824c7f",),
        "music": ("166621d1818409b9a85f3babe88fe8fc",),
        "performances": ("4dbf391752e2d8d361518b0bc1c2f1b3",),
        "story": ("ebbf8887d8759901234b012f375bd1c2",),
        "themes": ("0c8e0f8b085049e51bd1f35991c5e38a",),
    },
    "facts.Fact": {
        "aesthetic-beauty": ("42926b77ee5577f216f1a0a76a246b89",),
        "artistic-expression": (
            "120925ccdb23a6a334178e35fb9b081f",
            "1728535e8c3a1bdfb1d3e0b2ea41fce1",
        ),
        "authentic-world-war-ii-setting": ("40dbd7bd166f3b1d5802a34938047963",),
        "award-winning-performances": ("86c3fea5e07e9a7bf1f944731b30c11a",),
        "based-on-a-play": (
            "7cc60d208a31c03517e2bf0d79fae38f",
            "c2881435de8be7b75d656fcf46a595f8",
        ),
        "box-office-success": (
            "10e35311255515d461391cbf57211f09",
            "9e3aed360195b1022279cb1b0d36334b",
        ),
        "characters-with-depth": ("6e0122a61b15deb2c3b48e5c35329379",),
        "cinematic-masterpiece": (
            "9db013bcffaf0f4bdc9ef94749ee9e00",
            "ceba5592aa9004f1252d0a77eec3a67b",
        ),
        "critical-acclaim": ("a783b059be8c4a3d6ed59062b14d7f68",),
        "critically-acclaimed-soundtrack": ("bb8378bef61e82bf8fc380b5381b693d",),
        "critically-reassessed": (
            "58c27295ce4344a309cd47d0f098ed8b",
            "eb4793aab36f933d090a7e24663f4b49",
        ),
        "cultural-impact": ("c324f7a21c6cc6e7820f6ae68def6466",),
        "cultural-representation": ("51af824ed27ec11c35b0db8fcd53dbeb",),
        "deeply-moving-narrative": (
            "bcd001ddc089c85762eaae31a4c336a9",
            "c7524f68beae2284d4089a6df60092d3",
        ),
        "emotional-impact": (
            "7e6f933b05a6b7a81e0a023788e71725",
            "aaf5fbe8df7796518f6caca21cac24a6",
        ),
        "emotional-journey": ("9a073d349da4988e4e4d2ac1d29a3fd6",),
        "emotional-resonance": (
            "1fd5fad32183f8b3c4575f1364e7725e",
            "826601588d7671cd52a5630773307df9",
        ),
        "emotional-rollercoaster": (
            "3cfcf7a71e416e6e21cbfc7da1a62050",
            "b2f37d8d7aff081c470c3f1d01fe9d0e",
        ),
        "enduring-legacy": (
            "b9d84f3be67bc23b56a977f013613aff",
            "bfe4d5383d31e3c0f123530134ac5c7d",
        ),
        "engaging-narrative-structure": ("6f256ee575e52b1a40e5f63a4e16f7ca",),
        "exploration-of-human-spirit": ("49b92b276098331777b413415bc18191",),
        "groundbreaking-cinematography": ("e5b004e030c6e120e77b431d6522308d",),
        "heartfelt-performances": ("2e3dcd62dda9c8e97bdbfaac6c93d643",),
        "iconic-poster": ("17a1be77cd9e4a192ab993beca76e4fa",),
        "impactful-war-scenes": ("2f3e0cc267f24075cb5dc742e516eb92",),
        "influence-on-filmmakers": (
            "02573cff04606c37d31ba0972f87fced",
            "3f5cf41c7f4cef4b06a2ca5921d04d93",
        ),
        "influential-filmmaking-techniques": (
            "b9009c9284c3864e871adf479515206b",
            "d20fd3a546cb32dd5d6c5c7782dac98b",
        ),
        "influential-russian-film": ("745ee6c168abc1c97c073f12f77bfa5a",),
        "international-distribution": ("a0c7690bfaf34eb37ce30ab5d513e8e4",),
        "international-recognition": (
            "89e6be6939b488e93d260f5596c561ca",
            "f7691973034f1b1ffb2cfba18aead702",
        ),
        "intimate-portrayal-of-relationships": ("7d59cfcaa87064fbeb44be76813a01b3",),
        "moving-score": (
            "ceb994eeccfe9f2e89281998aff72912",
            "ec90fa341748297c8703e5c3584d3b60",
        ),
        "palme-dor-winner": (
            "469f9e8b14a59ac5706da8ed4d3b6d60",
            "70904ab60cab6841a1d7ca599b432782",
        ),
        "powerful-anti-war-message": (
            "31cc7517d3c22141ab76054506dbd902",
            "7c94a5c04a51e17ea28645d3ae3851c3",
        ),
        "preservation-of-memory": (
            "23dae25108e89fd68b3ec5f6eb98b378",
            "6134172da35d084191b753b6747493ff",
        ),
        "subtle-and-nuanced-performances": ("16c549c2ee1f2d4f43e4f1e45a5403b7",),
        "symbolism-of-cranes": (
            "4da48dc12479e7eb7fcc638d5d2214fc",
            "bdeb2d64f834aca56f77bdba6cd8a981",
        ),
        "timeless-storytelling": (
            "211f9f028540eee5e086ab64aa11bb03",
            "eda7eb2fd935cae59191ebe019f069a5",
        ),
        "timeless-themes": ("6a25c593f57e233a20fca9b275c98a61",),
    },
    "facts.FaqEntry": {
        "awards": (
            "235ef691b50748866c60c08367e20fcf",
            "eff8cc863d6bea395a38e6bd376ba715",
        ),
        "director": (
            "550f53c31b8bac1c314e24098f14a7ae",
            "86b010ed3dab652b0c5943d7009236bc",
        ),
        "subtitles": ("2f6640f7069cc7025c53d8cf9e4ae006",),
        "true-story": ("3518968981507e039a5c384d84af0df1",),
        "why-watch": (
            "32ab15e779bd96d09adc20a6fc12943c",
            "a73d10da7160c037276ad76164afdc06",
        ),
    },
}
HISTORY = {"facts.Fact": "HistoricalFact", "facts.FaqEntry": "HistoricalFaqEntry"}


def remember_what_was_loaded(apps, schema_editor):
    SeedRecord = apps.get_model("facts", "SeedRecord")
    for record in SeedRecord.objects.filter(fingerprint=""):
        model = apps.get_model(record.model)
        obj = model.objects.filter(slug=record.slug).first()
        if obj is None or _saved_by_a_person(apps, record.model, obj):
            continue
        loaded = fingerprint(content_of(obj))
        if loaded in SHIPPED.get(record.model, {}).get(record.slug, ()):
            record.fingerprint = loaded
            record.save(update_fields=["fingerprint"])


def _saved_by_a_person(apps, label: str, obj) -> bool:
    if label not in HISTORY:
        return False  # categories keep no history: their content alone tells
    history = apps.get_model("facts", HISTORY[label]).objects.filter(id=obj.pk, history_user__isnull=False)
    if label == "facts.Fact":
        sources = apps.get_model("facts", "HistoricalSource").objects.filter(fact_id=obj.pk, history_user__isnull=False)
        return history.exists() or sources.exists()
    return history.exists()


class Migration(migrations.Migration):
    dependencies = [("facts", "0008_suggestion_decisions_are_complete")]

    operations = [
        migrations.AddField(
            model_name="seedrecord",
            name="fingerprint",
            field=models.CharField(blank=True, help_text="Blank: not known to be as loaded.", max_length=64),
        ),
        migrations.AddField(
            model_name="seedrecord",
            name="note",
            field=models.TextField(
                blank=True, help_text="The note for readers its last update from the file published."
            ),
        ),
        migrations.RunPython(remember_what_was_loaded, migrations.RunPython.noop),
    ]
