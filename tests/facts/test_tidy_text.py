"""Saving in the admin never changes text nobody edited: a browser's Windows line endings (a textarea sends
CRLF) and spaces at the ends of lines are tidied away on every text field the admin saves, and migration 0011
mends rows saved before."""

from importlib import import_module

import pytest
from django.apps import apps
from django.test import Client

from core.text import tidy
from facts.catalogue import content_of, fingerprint
from facts.models import Category, Change, Fact, FaqEntry, Source, Suggestion, Text
from tests.facts.test_suggestions import admin_form_data

pytestmark = pytest.mark.django_db

mend = import_module("facts.migrations.0011_tidy_saved_text")
BODY = "The jury announced it on 18 May 1958.\n\nIt remains the only one."


def as_a_browser_sends_it(text: str) -> str:
    return text.replace("\n", "  \r\n")


def test_tidy_makes_line_endings_plain_and_drops_spaces_at_line_ends():
    assert tidy("One. \r\n\r\nTwo.\t\rThree.") == "One.\n\nTwo.\nThree."
    assert tidy("Nothing to do.\n\nReally.") == "Nothing to do.\n\nReally."


@pytest.fixture
def two_paragraphs(fact):
    fact.body = BODY
    fact.save()
    return fact


def test_a_fact_saved_unchanged_from_a_browser_keeps_its_text_and_history_shows_no_change(
    two_paragraphs, curator_client
):
    fact = two_paragraphs
    source = fact.sources.get()
    data = admin_form_data(
        fact,
        body=as_a_browser_sends_it(BODY),
        summary=fact.summary + "   ",
        **{
            "sources-TOTAL_FORMS": "1",
            "sources-INITIAL_FORMS": "1",
            "sources-0-id": str(source.pk),
            "sources-0-fact": str(fact.pk),
            "sources-0-title": source.title,
            "sources-0-publisher": source.publisher,
            "sources-0-url": source.url,
            "sources-0-quote": "A line. \r\nAnother.",
            "sources-0-position": "0",
        },
    )

    assert curator_client.post(f"/admin/facts/fact/{fact.pk}/change/", data).status_code == 302

    fact.refresh_from_db()
    assert fact.body == BODY
    latest, before = fact.history.all()[:2]
    assert latest.diff_against(before).changed_fields == []
    assert Source.objects.get(pk=source.pk).quote == "A line.\nAnother."
    page = Client().get(fact.get_absolute_url()).content.decode()
    assert "<p>The jury announced it on 18 May 1958.</p>" in page and "<p>It remains the only one.</p>" in page


def test_a_suggestion_stays_open_when_the_fact_is_saved_unchanged_from_a_browser(
    two_paragraphs, curator_client, member
):
    fact = two_paragraphs
    suggestion = Suggestion.objects.create(
        fact=fact, member=member, problem="Wrong.", proposal="Right.", sources="https://example.org"
    )
    url = f"/admin/facts/fact/{fact.pk}/change/?suggestion={suggestion.pk}"
    curator_client.post(url, admin_form_data(fact, body=as_a_browser_sends_it(BODY)))
    suggestion.refresh_from_db()
    assert suggestion.state == Suggestion.State.OPEN, "nothing changed, so nothing was accepted"


@pytest.mark.parametrize(
    ("url", "data", "read"),
    [
        (
            "/admin/facts/faqentry/add/",
            {"question": "Why?", "slug": "why", "answer": "Because. \r\n\r\nAnd again.", "position": "1"},
            lambda: FaqEntry.objects.get(slug="why").answer,
        ),
        (
            "/admin/facts/category/add/",
            {"name": "Sound", "slug": "sound", "description": "Noise \r\nand music.", "position": "9"},
            lambda: Category.objects.get(slug="sound").description,
        ),
    ],
)
def test_faq_answers_and_categories_are_saved_tidy(curator_client, url, data, read):
    assert curator_client.post(url, data).status_code == 302
    assert "\r" not in read() and " \n" not in read()


def test_a_page_text_and_a_change_note_are_saved_tidy(curator_client, fact):
    text = Text.objects.create(slug="synopsis", title="The film in brief", text="One.")
    data = {"title": "The film in brief", "text": "One. \r\n\r\nTwo."}
    assert curator_client.post(f"/admin/facts/text/{text.pk}/change/", data).status_code == 302
    assert Text.objects.get(pk=text.pk).text == "One.\n\nTwo."
    change = Change.objects.create(fact=fact, kind=Change.Kind.CORRECTION, note="Old.")
    data = {"date_0": "2026-12-07", "date_1": "10:00:00", "note": "Mended. \r\nTwice."}
    assert curator_client.post(f"/admin/facts/change/{change.pk}/change/", data).status_code == 302
    assert Change.objects.get(pk=change.pk).note == "Mended.\nTwice."


def test_the_migration_mends_rows_and_history_saved_with_windows_line_endings(two_paragraphs):
    fact = two_paragraphs
    Source.objects.filter(fact=fact).update(quote="A line.\nAnother.")
    loaded = fingerprint(content_of(fact))
    crlf = as_a_browser_sends_it(BODY)
    Fact.objects.filter(pk=fact.pk).update(body=crlf, title="Palme d’Or Winner ")
    fact.history.filter(pk=fact.history.first().pk).update(body=crlf)
    Source.objects.filter(fact=fact).update(quote="A line.\r\nAnother.")
    entry = FaqEntry.objects.create(question="Why?", slug="why", answer="Because.\r\n\r\nIt won.")
    untouched = FaqEntry.objects.create(question="How?", slug="how", answer="Plainly.\n\nAs it was.")

    mend.tidy_saved_text(apps, None)

    fact.refresh_from_db()
    assert (fact.body, fact.title) == (BODY, "Palme d’Or Winner")
    assert fact.history.first().body == BODY
    assert fingerprint(content_of(fact)) == loaded, "as loaded again, so a deploy may bring it up to date"
    assert Source.objects.get(fact=fact).quote == "A line.\nAnother."
    assert FaqEntry.objects.get(pk=entry.pk).answer == "Because.\n\nIt won."
    assert FaqEntry.objects.get(pk=untouched.pk).answer == "Plainly.\n\nAs it was."
