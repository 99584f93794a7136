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
from django.utils import timezone
from django.utils.text import slugify

from facts.catalogue import UPDATED, load_catalogue, read_seed
from facts.models import Category, Change, Fact, FaqEntry, SeedRecord, Source, Status, Text
from facts.seed_fingerprint import fingerprint, source_rows

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


def test_a_database_seeded_before_fingerprints_keeps_what_a_person_saved_even_as_it_once_was(seed, curator):
    """A curator who set a fact back to an earlier version of the file (reverting a correction) edited it."""
    fact = Fact.objects.get(slug="iconic-poster")
    fact._history_user = curator
    fact.save()
    SeedRecord.objects.update(fingerprint="")

    fingerprints.remember_what_was_loaded(apps, None)

    assert SeedRecord.objects.get(slug="iconic-poster").fingerprint == ""
    assert SeedRecord.objects.get(slug="critical-acclaim").fingerprint != ""


def test_a_record_matching_another_records_shipped_content_is_not_taken_as_loaded(seed):
    SeedRecord.objects.update(fingerprint="")
    shipped = fingerprints.SHIPPED["facts.Fact"]
    assert all(len(fingerprints) >= 1 for fingerprints in shipped.values())
    assert not set(shipped["iconic-poster"]) & set(shipped["critical-acclaim"])


def test_a_deploy_never_sets_last_checked_back_or_touches_what_is_not_seeded(seed):
    fact = Fact.objects.get(slug="iconic-poster")
    Fact.objects.filter(pk=fact.pk).update(last_checked=date(2027, 1, 15), published=False, image_alt="A poster")
    item(seed, "iconic-poster")["summary"] = "The file's new summary."

    load_catalogue(seed)

    fact.refresh_from_db()
    assert fact.summary == "The file's new summary."
    assert (fact.last_checked, fact.published, fact.image_alt) == (date(2027, 1, 15), False, "A poster")


def test_a_category_a_curator_renamed_does_not_cost_the_faq_its_links(seed):
    Category.objects.filter(slug="story").update(slug="screenplay", name="The screenplay")

    report = load_catalogue(seed)

    assert "based-on-a-play" in FaqEntry.objects.get(slug="true-story").facts.values_list("slug", flat=True)
    assert report.counts["updated"] == 0
    assert "     kept fact based-on-a-play (its category story was removed by a curator)" in report.lines


def test_a_change_to_a_facts_text_keeps_its_sources_and_what_the_link_checker_found(seed):
    fact = Fact.objects.get(slug="palme-dor-winner")
    fact.sources.linked().update(link_checked_at=timezone.now(), link_problem="HTTP 404")
    before = list(fact.sources.values_list("pk", flat=True))
    item(seed, "palme-dor-winner")["summary"] = "The file's new summary."

    load_catalogue(seed)

    assert list(fact.sources.values_list("pk", flat=True)) == before
    item(seed, "palme-dor-winner")["sources"].pop()
    load_catalogue(seed)
    assert fact.sources.count() == len(before) - 1
    assert set(fact.sources.linked().values_list("link_problem", flat=True)) == {"HTTP 404"}, "kept with the address"
    assert Source.history.filter(fact_id=fact.pk, history_type="-").first().history_change_reason == UPDATED


def test_a_note_is_published_once_a_later_change_without_a_new_one_says_so(seed):
    poster = item(seed, "iconic-poster")
    poster["summary"], poster["note"] = "First change.", "The first correction."
    load_catalogue(seed)
    poster["summary"] = "Second change."
    load_catalogue(seed)

    notes = list(Change.objects.filter(fact__slug="iconic-poster").order_by("pk").values_list("note", flat=True))
    assert notes == ["The first correction.", UPDATED]


def test_a_curators_save_from_a_browser_with_windows_line_ends_is_no_edit(seed):
    fact = Fact.objects.get(slug="palme-dor-winner")
    fact.body = fact.body.replace("\n", "\r\n")
    fact.save()
    item(seed, "palme-dor-winner")["summary"] = "The file's new summary."

    load_catalogue(seed)

    assert Fact.objects.get(slug="palme-dor-winner").summary == "The file's new summary."


def test_where_a_source_was_printed_joins_its_fingerprint_only_when_given(seed):
    # Fingerprints stored before sources could be printed ones stay as they were.
    assert source_rows([{"title": "Credits", "url": "https://example.org"}]) == [
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
