"""Members suggest corrections; curators accept them beside the fact, or reject them with a reason; the
member is told by email, sees the outcome on their profile and is credited on the fact's Changes list."""

import pytest
from django.core import mail
from django.test import Client

from facts.models import Change, Fact, Suggestion

pytestmark = pytest.mark.django_db

PROPOSAL = {
    "problem": "It says the film won in 1957. <script>alert(1)</script>",
    "proposal": "The film won the Palme d'Or in 1958.",
    "sources": "https://fresques.ina.fr/festival-de-cannes-fr/fiche-media/Cannes00049/palmares-du-festival-1958.html\n",
}


@pytest.fixture
def member_client(member):
    client = Client()
    client.force_login(member)
    return client


def suggest_url(fact: Fact) -> str:
    return f"{fact.get_absolute_url()}suggest/"


@pytest.fixture
def suggestion(member_client, fact) -> Suggestion:
    assert member_client.post(suggest_url(fact), PROPOSAL).status_code == 302
    return Suggestion.objects.get()


def test_a_member_suggests_a_correction_and_it_waits_in_the_queue(member_client, member, fact):
    assert "Spotted an error? Suggest a correction" in member_client.get(fact.get_absolute_url()).content.decode()
    form = member_client.get(suggest_url(fact)).content.decode()
    assert 'name="problem"' in form and 'name="proposal"' in form and 'name="sources"' in form
    response = member_client.post(suggest_url(fact), PROPOSAL, follow=True)
    assert "your suggestion is with the curators" in response.content.decode()
    suggestion = Suggestion.objects.get()
    assert (suggestion.member, suggestion.fact, suggestion.state) == (member, fact, Suggestion.State.OPEN)
    assert suggestion.source_list == [PROPOSAL["sources"].strip()]


@pytest.mark.parametrize(
    ("sources", "message"),
    [
        ("", "This field is required"),
        ("   \n  ", "This field is required"),
        ("not a link", "is not a web address"),
        ("javascript:alert(1)", "is not a web address"),
        ("\n".join(f"https://example.org/{n}" for n in range(6)), "at most 5"),
    ],
)
def test_a_suggestion_needs_real_sources(member_client, fact, sources, message):
    response = member_client.post(suggest_url(fact), {**PROPOSAL, "sources": sources})
    assert response.status_code == 200 and message in response.content.decode()
    assert not Suggestion.objects.exists()


def test_visitors_and_unconfirmed_members_cannot_suggest(client, unconfirmed_member, fact):
    assert "/accounts/login/" in client.post(suggest_url(fact), PROPOSAL)["Location"]
    client.force_login(unconfirmed_member)
    assert client.post(suggest_url(fact), PROPOSAL)["Location"].endswith("/accounts/email/")
    assert not Suggestion.objects.exists()


def test_suggestions_are_throttled(member_client, fact):
    for _ in range(5):
        member_client.post(suggest_url(fact), PROPOSAL)
    response = member_client.post(suggest_url(fact), PROPOSAL, headers={"Accept": "text/plain"})
    assert response.status_code == 429
    assert Suggestion.objects.count() == 5


def test_curators_see_the_queue_oldest_first_and_the_text_escaped(suggestion, other_member, fact, curator_client):
    later = Suggestion.objects.create(
        fact=fact, member=other_member, problem="Later", proposal="x", sources="https://e.org"
    )
    queue = curator_client.get("/admin/facts/suggestion/?state__exact=open").content.decode()
    first, second = (queue.index(f"/admin/facts/suggestion/{s.pk}/change/") for s in (suggestion, later))
    assert first < second, "oldest first"
    page = curator_client.get(f"/admin/facts/suggestion/{suggestion.pk}/change/").content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    assert f"/admin/facts/fact/{fact.pk}/change/?suggestion={suggestion.pk}" in page


def test_accepting_opens_the_fact_with_the_proposal_beside_it_and_credits_the_member(
    suggestion, member, fact, curator_client, run_worker
):
    url = f"/admin/facts/fact/{fact.pk}/change/?suggestion={suggestion.pk}"
    form = curator_client.get(url).content.decode()
    assert "Accepting a suggestion by" in form and "The film won the Palme d&#x27;Or in 1958." in form
    data = admin_form_data(fact, summary="Corrected after a member's suggestion.", change_note="")
    assert curator_client.post(url, data).status_code == 302

    suggestion.refresh_from_db()
    assert suggestion.state == Suggestion.State.ACCEPTED and suggestion.decided_by.username == "curator"
    change = Change.objects.get(fact=fact)
    assert change.kind == Change.Kind.CORRECTION and change.credit == member
    page = Client().get(fact.get_absolute_url()).content.decode()
    assert f"Suggested by {member.public_name}." in page
    run_worker()
    assert [m.to for m in mail.outbox] == [[member.email]] and "accepted" in mail.outbox[0].subject
    profile = Client()
    profile.force_login(member)
    assert "accepted, and the fact corrected" in profile.get(member.get_absolute_url()).content.decode()


def test_rejecting_needs_a_reason_which_the_member_is_told(suggestion, member, curator_client, run_worker):
    url = f"/admin/facts/suggestion/{suggestion.pk}/change/"
    response = curator_client.post(url, {"reason": "", "_reject": "Reject"})
    assert response.status_code == 200 and "Say why it is rejected" in response.content.decode()
    suggestion.refresh_from_db()
    assert suggestion.state == Suggestion.State.OPEN

    assert (
        curator_client.post(url, {"reason": "The palmarès says 1958 already.", "_reject": "Reject"}).status_code == 302
    )
    suggestion.refresh_from_db()
    assert suggestion.state == Suggestion.State.REJECTED
    run_worker()
    assert len(mail.outbox) == 1 and "The palmarès says 1958 already." in mail.outbox[0].body
    owner = Client()
    owner.force_login(member)
    assert "The palmarès says 1958 already." in owner.get(member.get_absolute_url()).content.decode()
    assert "My suggested corrections" not in Client().get(member.get_absolute_url()).content.decode()
    assert not Change.objects.exists()


def test_the_database_holds_a_rejection_to_its_reason_and_a_decision_to_its_time(suggestion):
    from django.db import IntegrityError, transaction

    for fields in (
        {"state": Suggestion.State.REJECTED, "reason": "", "decided_at": suggestion.created},
        {"state": Suggestion.State.ACCEPTED, "decided_at": None},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            Suggestion.objects.filter(pk=suggestion.pk).update(**fields)


def test_a_decided_suggestion_cannot_be_decided_again(suggestion, curator_client):
    url = f"/admin/facts/suggestion/{suggestion.pk}/change/"
    curator_client.post(url, {"reason": "No.", "_reject": "Reject"})
    curator_client.post(url, {"reason": "Changed my mind.", "_reject": "Reject"})
    suggestion.refresh_from_db()
    assert suggestion.reason == "No."
    fact_url = f"/admin/facts/fact/{suggestion.fact_id}/change/?suggestion={suggestion.pk}"
    assert "Accepting a suggestion" not in curator_client.get(fact_url).content.decode()


def test_closing_an_account_takes_the_suggestions_and_the_credit(suggestion, member, fact, curator_client):
    from core import personal_data

    Change.objects.create(fact=fact, kind=Change.Kind.CORRECTION, note="Fixed.", credit=member)
    assert personal_data.export(member)["suggestions"][0]["proposed_wording"] == PROPOSAL["proposal"]
    personal_data.erase(member)
    assert not Suggestion.objects.exists()
    assert Change.objects.get().credit is None


def admin_form_data(fact: Fact, **changes) -> dict:
    data = {
        "title": fact.title,
        "slug": fact.slug,
        "category": fact.category_id,
        "position": fact.position,
        "published": "on",
        "summary": fact.summary,
        "body": fact.body,
        "status": fact.status,
        "claim": fact.claim,
        "status_note": fact.status_note,
        "last_checked": "",
        "change_note": "",
        "image_alt": "",
        "image_credit": "",
        "image_licence": "",
        "sources-TOTAL_FORMS": "0",
        "sources-INITIAL_FORMS": "0",
        "sources-MIN_NUM_FORMS": "0",
        "sources-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_no_such_fact_has_no_suggestion_page(member_client):
    assert member_client.get("/facts/no-such-fact/suggest/").status_code == 404


def test_saving_the_fact_unchanged_does_not_accept_and_a_decided_suggestion_warns(suggestion, fact, curator_client):
    url = f"/admin/facts/fact/{fact.pk}/change/?suggestion={suggestion.pk}"
    response = curator_client.post(url, admin_form_data(fact), follow=True)
    assert "Nothing in the fact changed, so the suggestion is still open." in response.content.decode()
    suggestion.refresh_from_db()
    assert suggestion.state == Suggestion.State.OPEN and not Change.objects.exists()
    curator_client.post(f"/admin/facts/suggestion/{suggestion.pk}/change/", {"reason": "No.", "_reject": "Reject"})
    assert "no longer open" in curator_client.get(url).content.decode()
    assert curator_client.get(f"/admin/facts/fact/{fact.pk}/change/?suggestion=²").status_code == 200


def test_curators_who_may_not_decide_suggestions_cannot_accept_one(suggestion, fact, curator, curator_client):
    from django.contrib.auth.models import Permission

    curator.groups.first().permissions.remove(Permission.objects.get(codename="change_suggestion"))
    url = f"/admin/facts/fact/{fact.pk}/change/?suggestion={suggestion.pk}"
    assert "Accepting a suggestion" not in curator_client.get(url).content.decode()
    curator_client.post(url, admin_form_data(fact, summary="Changed anyway."))
    suggestion.refresh_from_db()
    assert suggestion.state == Suggestion.State.OPEN
