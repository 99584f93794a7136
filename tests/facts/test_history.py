"""Every change to a fact, its sources and the FAQ is kept; curators read it with a diff and revert it;
readers see Last checked, each fact's Changes, /facts/changes/ and its feed."""

import pytest
from django.test import Client

from facts.models import Change, FaqEntry, Source, Status
from tests.facts.test_suggestions import admin_form_data

pytestmark = pytest.mark.django_db


def test_an_edit_in_the_admin_is_kept_with_who_made_it_and_shown_as_a_diff(fact, curator, curator_client):
    url = f"/admin/facts/fact/{fact.pk}/change/"
    assert curator_client.post(url, admin_form_data(fact, summary="A new summary.")).status_code == 302
    latest = fact.history.first()
    assert latest.summary == "A new summary." and latest.history_user == curator
    history = curator_client.get(f"{url.removesuffix('change/')}history/").content.decode()
    assert "A new summary." in history and "summary" in history.lower()


def test_a_curator_reverts_an_edit_and_the_revert_is_in_the_history_too(fact, curator_client):
    url = f"/admin/facts/fact/{fact.pk}/change/"
    original_title = fact.title
    curator_client.post(url, admin_form_data(fact, title="A Wrong Title"))
    first = fact.history.order_by("history_date", "history_id").first()
    assert first.title == original_title
    revert_url = f"/admin/facts/fact/{fact.pk}/history/{first.history_id}/"
    assert original_title in curator_client.get(revert_url).content.decode()
    fact.refresh_from_db()
    response = curator_client.post(revert_url, admin_form_data(fact, title=original_title))
    assert response.status_code == 302
    fact.refresh_from_db()
    assert fact.title == original_title
    assert [h.title for h in fact.history.order_by("history_date", "history_id")][-2:] == [
        "A Wrong Title",
        original_title,
    ]


def test_sources_and_faq_entries_keep_their_history(fact):
    source = Source.objects.create(fact=fact, title="A book", url="https://example.org/book")
    source.title = "A better book"
    source.save()
    assert [h.title for h in source.history.order_by("history_id")] == ["A book", "A better book"]
    entry = FaqEntry.objects.create(question="Why?", slug="why", answer="Because.")
    entry.answer = "Because it won."
    entry.save()
    entry.facts.add(fact)
    assert entry.history.count() >= 2 and entry.history.first().answer == "Because it won."


def test_a_new_status_with_a_note_is_on_the_changes_list_the_page_and_the_feed(fact, curator_client):
    url = f"/admin/facts/fact/{fact.pk}/change/"
    note = "The palmarès was rechecked; the claim holds only in part."
    data = admin_form_data(fact, status=Status.DISPUTED, change_note=note, last_checked="2026-11-20")
    assert curator_client.post(url, data).status_code == 302
    change = Change.objects.get()
    assert (change.kind, change.old_status, change.new_status, change.note) == ("status", "verified", "disputed", note)
    page = Client().get(fact.get_absolute_url()).content.decode()
    assert note in page and "Last checked against the sources on 20 November 2026" in page
    assert "status changed from" in page and f'id="change-{change.pk}"' in page
    listing = Client().get("/facts/changes/").content.decode()
    assert note in listing and fact.title in listing
    feed = Client().get("/feeds/changes/").content.decode()
    assert note in feed and f"https://cranes.example{fact.get_absolute_url()}#change-{change.pk}" in feed


def test_other_edits_are_listed_only_with_a_note(fact, curator_client):
    url = f"/admin/facts/fact/{fact.pk}/change/"
    curator_client.post(url, admin_form_data(fact, body="Reworded, nothing corrected."))
    assert not Change.objects.exists()
    curator_client.post(url, admin_form_data(fact, body="The year was wrong.", change_note="Corrected the year."))
    assert Change.objects.get().kind == Change.Kind.CORRECTION


def test_a_bulk_status_change_is_kept_and_listed(fact, make_fact, curator_client):
    other = make_fact()
    response = curator_client.post(
        "/admin/facts/fact/", {"action": "mark_opinion", "_selected_action": [fact.pk, other.pk]}
    )
    assert response.status_code == 302
    assert Change.objects.filter(new_status=Status.OPINION).count() == 2
    fact.refresh_from_db()
    assert fact.status == Status.OPINION and fact.history.first().status == Status.OPINION


def test_a_fact_never_rechecked_says_so_and_unpublished_facts_changes_stay_hidden(fact, make_fact):
    assert "Not rechecked since it was first published." in Client().get(fact.get_absolute_url()).content.decode()
    hidden = make_fact(published=False)
    Change.objects.create(fact=hidden, kind=Change.Kind.CORRECTION, note="A hidden correction.")
    assert "A hidden correction." not in Client().get("/facts/changes/").content.decode()
    assert "A hidden correction." not in Client().get("/feeds/changes/").content.decode()


def test_reverting_a_status_puts_it_on_the_changes_list(fact, curator_client):
    url = f"/admin/facts/fact/{fact.pk}/change/"
    curator_client.post(url, admin_form_data(fact, status=Status.DISPUTED, change_note="Rechecked."))
    verified = fact.history.filter(status=Status.VERIFIED).order_by("history_id").first()
    fact.refresh_from_db()
    revert = f"/admin/facts/fact/{fact.pk}/history/{verified.history_id}/"
    assert curator_client.post(revert, admin_form_data(fact, status=Status.VERIFIED)).status_code == 302
    latest = Change.objects.first()
    assert (latest.old_status, latest.new_status) == (Status.DISPUTED, Status.VERIFIED)
    assert Change.objects.count() == 2


def test_saving_twice_after_a_refresh_lists_a_status_change_once(fact):
    fact.status = Status.DISPUTED
    fact.save()
    fact.refresh_from_db()
    fact.save()
    assert Change.objects.count() == 1


def test_a_source_edited_on_its_facts_page_is_in_history_with_who_edited_it(fact, curator, curator_client):
    source = fact.sources.first()
    data = admin_form_data(
        fact,
        **{
            "sources-TOTAL_FORMS": "1",
            "sources-INITIAL_FORMS": "1",
            "sources-0-id": source.pk,
            "sources-0-fact": fact.pk,
            "sources-0-title": "A better title",
            "sources-0-url": source.url,
            "sources-0-position": "1",
        },
    )
    assert curator_client.post(f"/admin/facts/fact/{fact.pk}/change/", data).status_code == 302
    latest = source.history.first()
    assert latest.title == "A better title" and latest.history_user == curator


def test_staff_who_may_only_view_cannot_revert_and_odd_addresses_are_404(fact, client, django_user_model):
    from django.contrib.auth.models import Permission

    from tests.conftest import log_in_with_two_factor, with_two_factor

    viewer = django_user_model.objects.create_user("viewer", "viewer@example.org", "pw-viewer-1957", is_staff=True)
    viewer.user_permissions.set(Permission.objects.filter(codename__in=["view_fact", "view_historicalfact"]))
    with_two_factor(viewer)
    log_in_with_two_factor(client, viewer)
    record = fact.history.first()
    revert = f"/admin/facts/fact/{fact.pk}/history/{record.history_id}/"
    assert client.post(revert, admin_form_data(fact, title="HACKED", published="")).status_code == 403
    fact.refresh_from_db()
    assert fact.title != "HACKED" and fact.published
    for odd in (f"/admin/facts/fact/{fact.pk}/history/abc/", "/admin/facts/fact/abc/history/"):
        assert client.get(odd).status_code == 404
