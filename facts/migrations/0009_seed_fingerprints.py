"""Fingerprints of what the catalogue loader loaded, so a deploy can bring a changed record to the database.

A database seeded before fingerprints were kept gets one for each record still exactly as some version of
the catalogue file had it: its content matches one of SHIPPED, the fingerprints of every record in the
versions of facts/seed/catalogue.yaml released before this migration (not their content). A record that
matches none was edited by a curator; it gets no fingerprint, and the loader leaves it alone.
"""

from django.db import migrations, models

from facts.catalogue import content_of, fingerprint

SHIPPED = frozenset(
    {
        "02573cff04606c37d31ba0972f87fced",
        "0c8e0f8b085049e51bd1f35991c5e38a",
        "10e35311255515d461391cbf57211f09",
        "120925ccdb23a6a334178e35fb9b081f",
        "166621d1818409b9a85f3babe88fe8fc",
        "16c549c2ee1f2d4f43e4f1e45a5403b7",
        "1728535e8c3a1bdfb1d3e0b2ea41fce1",
        "17a1be77cd9e4a192ab993beca76e4fa",
        "1fd5fad32183f8b3c4575f1364e7725e",
        "211f9f028540eee5e086ab64aa11bb03",
        "235ef691b50748866c60c08367e20fcf",
        "23dae25108e89fd68b3ec5f6eb98b378",
        "2e3dcd62dda9c8e97bdbfaac6c93d643",
        "2f3e0cc267f24075cb5dc742e516eb92",
        "2f6640f7069cc7025c53d8cf9e4ae006",
        "31cc7517d3c22141ab76054506dbd902",
        "32ab15e779bd96d09adc20a6fc12943c",
        "3518968981507e039a5c384d84af0df1",
        "3728c85893c8c5872ec78d7af72fa86e",
        "3cfcf7a71e416e6e21cbfc7da1a62050",
        "3f5cf41c7f4cef4b06a2ca5921d04d93",
        "40dbd7bd166f3b1d5802a34938047963",
        "42804e3b7bace8a9f7429a10950ce995",
        "42926b77ee5577f216f1a0a76a246b89",
        "469f9e8b14a59ac5706da8ed4d3b6d60",
        "49b92b276098331777b413415bc18191",
        "4da48dc12479e7eb7fcc638d5d2214fc",
        "4dbf391752e2d8d361518b0bc1c2f1b3",
        "51af824ed27ec11c35b0db8fcd53dbeb",
        "550f53c31b8bac1c314e24098f14a7ae",
        "58c27295ce4344a309cd47d0f098ed8b",
        "6134172da35d084191b753b6747493ff",
        "6a25c593f57e233a20fca9b275c98a61",
        "6e0122a61b15deb2c3b48e5c35329379",
        "6f256ee575e52b1a40e5f63a4e16f7ca",
        "70904ab60cab6841a1d7ca599b432782",
        "745ee6c168abc1c97c073f12f77bfa5a",
        "7c94a5c04a51e17ea28645d3ae3851c3",
        "7cc60d208a31c03517e2bf0d79fae38f",
        "7d59cfcaa87064fbeb44be76813a01b3",
        "7e6f933b05a6b7a81e0a023788e71725",
        "826601588d7671cd52a5630773307df9",
        "86b010ed3dab652b0c5943d7009236bc",
        "86c3fea5e07e9a7bf1f944731b30c11a",
        "89e6be6939b488e93d260f5596c561ca",
        "9a073d349da4988e4e4d2ac1d29a3fd6",
        "9db013bcffaf0f4bdc9ef94749ee9e00",
        "9e3aed360195b1022279cb1b0d36334b",
        "a0c7690bfaf34eb37ce30ab5d513e8e4",
        "a73d10da7160c037276ad76164afdc06",
        "a783b059be8c4a3d6ed59062b14d7f68",
        "aaf5fbe8df7796518f6caca21cac24a6",
        "b2f37d8d7aff081c470c3f1d01fe9d0e",
        "b9009c9284c3864e871adf479515206b",
        "b9d84f3be67bc23b56a977f013613aff",
        "bb8378bef61e82bf8fc380b5381b693d",
        "bcd001ddc089c85762eaae31a4c336a9",
        "bdeb2d64f834aca56f77bdba6cd8a981",
        "bfe4d5383d31e3c0f123530134ac5c7d",
        "c2881435de8be7b75d656fcf46a595f8",
        "c324f7a21c6cc6e7820f6ae68def6466",
        "c7524f68beae2284d4089a6df60092d3",
        "ceb994eeccfe9f2e89281998aff72912",
        "ceba5592aa9004f1252d0a77eec3a67b",
        "d20fd3a546cb32dd5d6c5c7782dac98b",
        "e4ae09822ebd8ff58a316649ed824c7f",
        "e5b004e030c6e120e77b431d6522308d",
        "eb4793aab36f933d090a7e24663f4b49",
        "ebbf8887d8759901234b012f375bd1c2",
        "ec90fa341748297c8703e5c3584d3b60",
        "eda7eb2fd935cae59191ebe019f069a5",
        "eff8cc863d6bea395a38e6bd376ba715",
        "f7691973034f1b1ffb2cfba18aead702",
    }
)
MODELS = {"facts.Category": "Category", "facts.Fact": "Fact", "facts.FaqEntry": "FaqEntry"}


def remember_what_was_loaded(apps, schema_editor):
    SeedRecord = apps.get_model("facts", "SeedRecord")
    for record in SeedRecord.objects.filter(fingerprint=""):
        obj = apps.get_model("facts", MODELS[record.model]).objects.filter(slug=record.slug).first()
        loaded = fingerprint(content_of(obj)) if obj is not None else ""
        if loaded in SHIPPED:
            record.fingerprint = loaded
            record.save(update_fields=["fingerprint"])


class Migration(migrations.Migration):
    dependencies = [("facts", "0008_suggestion_decisions_are_complete")]

    operations = [
        migrations.AddField(
            model_name="seedrecord",
            name="fingerprint",
            field=models.CharField(blank=True, help_text="Blank: not known to be as loaded.", max_length=64),
        ),
        migrations.RunPython(remember_what_was_loaded, migrations.RunPython.noop),
    ]
