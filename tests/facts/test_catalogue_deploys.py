"""The catalogue file is the catalogue's one copy: a deploy brings a changed record to the database, through
the models' saves (history, Changes), unless a curator edited that record since it was loaded."""

import copy
import shutil
import subprocess
from datetime import date
from importlib import import_module
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.apps import apps
from django.core.management import call_command
from django.utils.text import slugify

from facts.catalogue import _source_rows, fingerprint, load_catalogue, read_seed
from facts.models import Category, Change, Fact, FaqEntry, SeedRecord, Source, Status, Text

pytestmark = pytest.mark.django_db

fingerprints = import_module("facts.migrations.0009_seed_fingerprints")
ROOT = Path(__file__).resolve().parents[2]
LAST_RELEASE = "780285b"  # the catalogue file before the third fact-check


def released_seed(commit: str) -> dict:
    """The catalogue file as a release shipped it, from the repository's history."""
    git = shutil.which("git")
    shown = git and subprocess.run(
        [git, "show", f"{commit}:facts/seed/catalogue.yaml"], cwd=ROOT, capture_output=True, text=True
    )
    if not shown or shown.returncode:
        pytest.skip(f"this clone has no history of release {commit}")
    return yaml.safe_load(shown.stdout)


@pytest.fixture
def seed():
    data = read_seed()
    load_catalogue(data)
    return copy.deepcopy(data)


def slug_of(item: dict) -> str:
    return item.get("slug") or slugify(item["title"])


def item(data: dict, slug: str) -> dict:
    return next(i for i in data["facts"] + data["faq"] if slug_of(i) == slug)


def test_a_changed_record_reaches_the_site_on_the_next_deploy_with_its_note_in_history_and_changes(seed, client):
    seed["note"] = "Corrected after the club's third fact-check."
    poster = item(seed, "iconic-poster")
    poster["summary"] = "A new summary, in the club's words."
    poster["note"] = "The summary now says what the sources show."
    acclaim = item(seed, "critical-acclaim")  # a record with no note of its own: the file's is used
    acclaim["status"] = "disputed"
    item(seed, "subtitles")["answer"] = "A new answer."
    next(c for c in seed["categories"] if c["slug"] == "music")["description"] = "The score, and who wrote it."
    item(seed, "palme-dor-winner")["sources"].pop()

    report = load_catalogue(seed)

    assert "  updated fact iconic-poster (summary)" in report.lines
    assert "  updated fact palme-dor-winner (sources)" in report.lines
    assert report.counts["updated"] == 5 and report.counts["kept"] == 0
    fact = Fact.objects.get(slug="iconic-poster")
    assert fact.summary == "A new summary, in the club's words."
    assert fact.history.first().history_change_reason == "The summary now says what the sources show."
    assert Change.objects.get(fact=fact).note == "The summary now says what the sources show."
    status = Change.objects.get(fact__slug="critical-acclaim")
    assert (status.old_status, status.new_status) == (Status.VERIFIED, Status.DISPUTED)
    assert status.note == "Corrected after the club's third fact-check."
    assert FaqEntry.objects.get(slug="subtitles").history.first().history_change_reason == seed["note"]
    assert Category.objects.get(slug="music").description == "The score, and who wrote it."
    assert Fact.objects.get(slug="palme-dor-winner").sources.count() == 5
    page = client.get("/facts/changes/").content.decode()
    assert "The summary now says what the sources show." in page and "Critical Acclaim" in page
    assert load_catalogue(seed).counts["updated"] == 0, "the next deploy finds nothing to do"


def test_a_record_a_curator_edited_since_it_was_loaded_is_left_alone_and_named(seed, monkeypatch):
    poster = Fact.objects.get(slug="iconic-poster")
    poster.summary = "A curator's words."
    poster.save()
    item(seed, "iconic-poster")["body"] = "The file's new body."
    item(seed, "critical-acclaim")["body"] = "The file's new body."
    monkeypatch.setattr("facts.management.commands.load_catalogue.read_seed", lambda path: seed)
    out = StringIO()

    call_command("load_catalogue", stdout=out)

    poster.refresh_from_db()
    assert poster.summary == "A curator's words." and poster.body != "The file's new body."
    assert "kept fact iconic-poster (edited by a curator since it was loaded" in out.getvalue()
    assert Fact.objects.get(slug="critical-acclaim").body == "The file's new body."


def test_a_fact_no_curator_edited_takes_the_files_newer_last_checked_date(seed):
    edited = Fact.objects.get(slug="iconic-poster")
    edited.summary = "A curator's words."
    edited.save()
    before = edited.last_checked
    seed["last_checked"] = date(2026, 12, 7)

    load_catalogue(seed)

    assert Fact.objects.get(slug="palme-dor-winner").last_checked == date(2026, 12, 7)
    assert Fact.objects.get(slug="iconic-poster").last_checked == before
    assert not Change.objects.exists(), "a recheck is no correction"


def test_a_database_seeded_before_fingerprints_gets_them_for_records_as_some_release_loaded_them():
    load_catalogue(released_seed(LAST_RELEASE))
    Fact.objects.filter(slug="iconic-poster").update(summary="Edited by a curator before fingerprints.")
    SeedRecord.objects.update(fingerprint="")

    fingerprints.remember_what_was_loaded(apps, None)

    unknown = set(SeedRecord.objects.filter(fingerprint="").values_list("slug", flat=True))
    assert unknown == {"iconic-poster"}
    report = load_catalogue(read_seed())
    assert Fact.objects.get(slug="based-on-a-play").status == Status.DISPUTED, "today's file reaches it"
    assert Fact.objects.get(slug="iconic-poster").summary == "Edited by a curator before fingerprints."
    assert any(line.startswith("     kept fact iconic-poster") for line in report.lines)


def test_the_third_checks_corrections_reach_a_site_of_the_last_release_each_with_its_note_but_a_curators_edit():
    before = released_seed(LAST_RELEASE)
    load_catalogue(before)
    edited = Fact.objects.get(slug="engaging-narrative-structure")
    edited.summary = "A curator's words."
    edited.save()
    old_status = {slug_of(i): i["status"] for i in before["facts"]}
    seed = read_seed()

    report = load_catalogue(seed)

    kept = "kept fact engaging-narrative-structure (edited by a curator since it was loaded; --update takes the file's)"
    assert f"     {kept}" in report.lines
    edited.refresh_from_db()
    assert (edited.summary, edited.status, edited.last_checked) == (
        "A curator's words.",
        Status.VERIFIED,
        date(2026, 11, 29),
    )
    assert not edited.changes.exists()
    for record in seed["facts"]:
        fact = Fact.objects.get(slug=slug_of(record))
        if fact == edited:
            continue
        assert (fact.status, fact.body, fact.last_checked) == (record["status"], record["body"], seed["last_checked"])
        changes = list(fact.changes.all())
        assert [c.note for c in changes] == ([record["note"]] if "note" in record else []), fact.slug
        if record["status"] != old_status[fact.slug]:
            assert (changes[0].kind, changes[0].old_status, changes[0].new_status) == (
                Change.Kind.STATUS,
                old_status[fact.slug],
                record["status"],
            )
    assert Change.objects.get(fact__slug="based-on-a-play").old_status == Status.REFUTED
    awards = FaqEntry.objects.get(slug="awards")
    assert "Locarno" in awards.answer and awards.history.first().history_change_reason == seed["note"]
    assert "within hours" in Text.objects.get(slug="synopsis").text
    assert load_catalogue(seed).counts["updated"] == 0, "the next deploy finds nothing to do"


def test_the_fingerprint_is_a_stored_format():
    # Databases keep these; a change here needs a migration that computes the stored ones anew.
    assert fingerprint({"title": "Palme d’Or Winner", "spoiler": False}) == "c932146b00ad3673e8c205845804c5f0"


def test_where_a_source_was_printed_joins_its_fingerprint_only_when_given(seed):
    # Fingerprints stored before sources could be printed ones stay as they were.
    assert _source_rows([{"title": "Credits", "url": "https://example.org"}]) == [
        ["Credits", None, "https://example.org", None, None]
    ]
    printed = {"title": "Sovetskii ekran", "printed": "Sovetskii ekran 20 (1957), p. 8"}
    item(seed, "box-office-success")["sources"].append(printed)

    assert "  updated fact box-office-success (sources)" in load_catalogue(seed).lines

    assert Source.objects.get(title="Sovetskii ekran").printed == "Sovetskii ekran 20 (1957), p. 8"
    Source.objects.filter(title="Sovetskii ekran").update(printed="Sovetskii ekran 21 (1957), p. 4")
    item(seed, "box-office-success")["body"] = "The file's new body."
    report = load_catalogue(seed)
    assert any(line.startswith("     kept fact box-office-success") for line in report.lines), "a curator's edit"
