import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from facts.models import Fact, FaqEntry, Status

pytestmark = pytest.mark.django_db


def test_curators_group_holds_fact_source_and_faq_permissions():
    codenames = set(Group.objects.get(name="Curators").permissions.values_list("codename", flat=True))
    for model in ("fact", "source", "faqentry", "category"):
        assert {f"add_{model}", f"change_{model}", f"delete_{model}", f"view_{model}"} <= codenames


def test_curator_sees_the_fact_changelist_with_filters(curator_client, fact):
    response = curator_client.get(reverse("admin:facts_fact_changelist"))
    assert response.status_code == 200
    assert "Palme d’Or Winner" in response.content.decode()
    filtered = curator_client.get(reverse("admin:facts_fact_changelist"), {"status__exact": "refuted"})
    assert "Palme d’Or Winner" not in filtered.content.decode()


def test_curator_adds_a_fact_with_a_source(curator_client, category):
    response = curator_client.post(
        reverse("admin:facts_fact_add"),
        {
            "title": "Moving Score",
            "slug": "moving-score",
            "category": category.pk,
            "position": 33,
            "published": "on",
            "summary": "Weinberg wrote it.",
            "body": "More about the score.",
            "status": Status.VERIFIED,
            "sources-TOTAL_FORMS": 1,
            "sources-INITIAL_FORMS": 0,
            "sources-0-title": "Credits",
            "sources-0-url": "https://example.org/credits",
            "sources-0-position": 1,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    fact = Fact.objects.get(slug="moving-score")
    assert fact.sources.get().title == "Credits"


def test_curator_reorders_and_unpublishes_from_the_list(curator_client, fact):
    response = curator_client.post(
        reverse("admin:facts_fact_changelist"),
        {
            "form-TOTAL_FORMS": 1,
            "form-INITIAL_FORMS": 1,
            "form-0-id": fact.pk,
            "form-0-position": 7,
            "_save": "Save",
        },
    )
    assert response.status_code == 302
    fact.refresh_from_db()
    assert fact.position == 7
    assert fact.published is False
    assert Client().get(fact.get_absolute_url()).status_code == 404


def test_bulk_actions_publish_and_set_status(curator_client, make_fact):
    facts = [make_fact(published=False), make_fact(published=False)]
    url = reverse("admin:facts_fact_changelist")
    ids = [f.pk for f in facts]
    curator_client.post(url, {"action": "publish", "_selected_action": ids})
    curator_client.post(url, {"action": "mark_disputed", "_selected_action": ids})
    assert set(Fact.objects.values_list("published", "status")) == {(True, Status.DISPUTED)}


def test_curator_edits_and_unpublishes_a_faq_entry(curator_client, faq_entry):
    response = curator_client.post(
        reverse("admin:facts_faqentry_change", args=[faq_entry.pk]),
        {"question": "Which prizes?", "slug": "awards", "answer": "The Palme d'Or.", "position": 1},
    )
    assert response.status_code == 302
    faq_entry.refresh_from_db()
    assert faq_entry.question == "Which prizes?"
    assert faq_entry.published is False
    assert "Which prizes?" not in Client().get(reverse("facts:faq")).content.decode()


def test_admin_links_to_the_fact_on_the_site(curator_client, fact):
    content = curator_client.get(reverse("admin:facts_fact_change", args=[fact.pk])).content.decode()
    assert "View on site" in content


def test_staff_outside_the_group_cannot_change_facts(client, django_user_model, fact):
    from tests.conftest import log_in_with_two_factor, with_two_factor

    staff = django_user_model.objects.create_user("helper", password="x", is_staff=True)
    with_two_factor(staff)
    log_in_with_two_factor(client, staff)
    assert client.get(reverse("admin:facts_fact_changelist")).status_code == 403
    assert client.post(reverse("admin:facts_fact_change", args=[fact.pk]), {"title": "Hacked"}).status_code == 403
    fact.refresh_from_db()
    assert fact.title == "Palme d’Or Winner"


def test_members_and_visitors_are_sent_to_the_admin_login(client, member, fact):
    url = reverse("admin:facts_fact_changelist")
    assert client.get(url).status_code == 302
    client.force_login(member)
    response = client.get(url)
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_curator_cannot_manage_users(curator_client):
    assert curator_client.get(reverse("admin:members_user_changelist")).status_code == 403


def test_faq_entries_keep_their_order(faq_entry):
    faq_entry.position = 5
    faq_entry.save()
    FaqEntry.objects.create(question="First?", slug="first", answer="Yes.", position=1)
    assert list(FaqEntry.objects.values_list("slug", flat=True)) == ["first", "awards"]
