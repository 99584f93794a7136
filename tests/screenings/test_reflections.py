"""What members thought: reflections by those who were there, the morning's email, moderation, the evening."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from screenings import services
from screenings.models import Reflection, ReflectionReport, ReflectionStatus

pytestmark = pytest.mark.django_db

GOOD = {"print_rating": 5, "sound_rating": 4, "room_rating": 3, "discussion_rating": 5}


@pytest.fixture
def evening(make_screening, make_member, time_machine):
    """Last night's screening: Lena (checked in) and Boris (going, never came) of three going; the door was used."""
    time_machine.move_to(timezone.now(), tick=False)
    screening = make_screening(title="Last night", slug="last-night", capacity=5,
                               starts_at=timezone.now() + timedelta(hours=3))  # fmt: skip
    lena, boris, vera = make_member(username="lena", display_name="Lena"), make_member(username="borya"), make_member()
    for member in (lena, boris, vera):
        services.rsvp(member=member, screening=screening)
    for member in (lena, vera):
        services.check_in(screening=screening, rsvp_id=screening.rsvps.get(member=member).pk)
    time_machine.move_to(screening.ends_at + timedelta(minutes=5), tick=False)
    return {"screening": screening, "lena": lena, "boris": boris, "vera": vera}


def test_a_member_who_was_there_writes_one_reflection(evening):
    reflection = services.write_reflection(
        member=evening["lena"], screening=evening["screening"], ratings=GOOD, noticed="The rain on the window."
    )
    assert reflection.rating == 4.25
    again = services.write_reflection(member=evening["lena"], screening=evening["screening"], ratings=GOOD)
    assert again.pk == reflection.pk and again.edited_at and Reflection.objects.count() == 1


def test_a_member_going_when_the_door_was_not_used_was_there(make_screening, member, time_machine):
    screening = make_screening(starts_at=timezone.now() + timedelta(hours=1))
    services.rsvp(member=member, screening=screening)
    time_machine.move_to(screening.ends_at + timedelta(minutes=1), tick=False)
    assert services.why_not_reflect(member, screening) == ""


def test_a_reflection_before_the_screening_is_over_is_refused(make_screening, member):
    screening = make_screening()
    services.rsvp(member=member, screening=screening)
    with pytest.raises(services.ReflectionRefused, match="once the screening is over"):
        services.write_reflection(member=member, screening=screening, ratings=GOOD)
    assert not Reflection.objects.exists()


@pytest.mark.parametrize("who", ["boris", "stranger"])
def test_a_reflection_from_someone_not_there_is_refused(evening, other_member, who):
    member = evening["boris"] if who == "boris" else other_member
    with pytest.raises(services.ReflectionRefused, match="Only members who were there"):
        services.write_reflection(member=member, screening=evening["screening"], ratings=GOOD)
    assert not Reflection.objects.exists()


def test_ratings_must_each_be_one_to_five(evening):
    with pytest.raises(services.ReflectionRefused, match="from 1 to 5"):
        services.write_reflection(
            member=evening["lena"], screening=evening["screening"], ratings={**GOOD, "room_rating": 6}
        )


def test_a_reflection_can_be_changed_for_a_week(evening, time_machine):
    services.write_reflection(member=evening["lena"], screening=evening["screening"], ratings=GOOD)
    time_machine.move_to(timezone.now() + timedelta(days=7, minutes=1), tick=False)
    with pytest.raises(services.ReflectionRefused, match="for a week"):
        services.write_reflection(member=evening["lena"], screening=evening["screening"], ratings=GOOD, noticed="Late")
    assert Reflection.objects.get().noticed == ""


def test_moderators_hide_and_the_author_cannot_undo_it(evening):
    reflection = services.write_reflection(member=evening["lena"], screening=evening["screening"], ratings=GOOD)
    services.report_reflection(reflection=reflection, reporter=evening["vera"], reason="spam")
    assert services.hide_reflections(Reflection.objects.all()) == 1
    assert ReflectionReport.objects.get().dismissed
    with pytest.raises(services.ReflectionRefused, match="hidden"):
        services.write_reflection(member=evening["lena"], screening=evening["screening"], ratings=GOOD, noticed="x")
    assert services.restore_reflections(Reflection.objects.all()) == 1


def test_a_hide_landing_while_the_author_edits_stays_and_the_edit_is_refused(evening, monkeypatch):
    reflection = services.write_reflection(member=evening["lena"], screening=evening["screening"], ratings=GOOD)
    can_edit = Reflection.can_edit

    def hidden_meanwhile(self, member, now=None):
        # The moderator's hide commits after the author's edit has read the reflection as published.
        Reflection.objects.filter(pk=self.pk).update(status=ReflectionStatus.HIDDEN)
        return can_edit(self, member, now)

    monkeypatch.setattr(Reflection, "can_edit", hidden_meanwhile)
    with pytest.raises(services.ReflectionRefused, match="hidden"):
        services.write_reflection(member=evening["lena"], screening=evening["screening"], ratings=GOOD, noticed="Edit")
    # (The simulated hide is undone with the refused edit's transaction; a real one commits on its own.)
    reflection.refresh_from_db()
    assert (reflection.noticed, reflection.edited_at) == ("", None)


def test_members_report_once_each_and_never_their_own(evening):
    reflection = services.write_reflection(member=evening["lena"], screening=evening["screening"], ratings=GOOD)
    assert services.report_reflection(reflection=reflection, reporter=evening["vera"], reason="spam") is True
    assert services.report_reflection(reflection=reflection, reporter=evening["vera"], reason="abuse") is False
    with pytest.raises(services.ReflectionRefused, match="your own"):
        services.report_reflection(reflection=reflection, reporter=evening["lena"], reason="spam")


def test_the_morning_after_those_who_were_there_are_invited_once(evening, run_worker, mailoutbox, time_machine):
    screening = evening["screening"]
    assert services.queue_reflection_invitations() == 0  # the same night: not yet
    next_morning = timezone.localtime(screening.ends_at).replace(hour=9, minute=0) + timedelta(days=1)
    time_machine.move_to(next_morning, tick=False)
    run_worker()
    mailoutbox.clear()
    assert services.queue_reflection_invitations() == 1
    assert services.queue_reflection_invitations() == 0
    run_worker()
    assert sorted(m.to[0] for m in mailoutbox) == sorted([evening["lena"].email, evening["vera"].email])
    assert mailoutbox[0].subject == "What did you think: Last night"
    assert "https://cranes.example/screenings/last-night/reflection/" in mailoutbox[0].body


def test_the_emails_link_leads_to_a_form_that_posts(evening, client, run_worker, mailoutbox, time_machine):
    time_machine.move_to(timezone.now() + timedelta(days=1), tick=False)
    services.queue_reflection_invitations()
    run_worker()
    email = next(m for m in mailoutbox if m.to == [evening["lena"].email] and "What did you think" in m.subject)
    path = re.search(r"https://cranes.example(\S+/reflection/)", email.body).group(1)
    client.force_login(evening["lena"])
    form = client.get(path)
    assert form.status_code == 200 and "The discussion" in form.content.decode()
    response = client.post(path, {**GOOD, "noticed": "<b>Veronika</b> on the stairs."}, follow=True)
    assert "your reflection is on the screening" in response.content.decode()
    page = response.content.decode()
    assert "&lt;b&gt;Veronika&lt;/b&gt; on the stairs." in page and "<b>Veronika</b>" not in page
    assert "was there" in page


def test_the_form_refuses_someone_not_there_with_a_message(evening, client):
    client.force_login(evening["boris"])
    response = client.get(reverse("screenings:reflect", args=["last-night"]), follow=True)
    assert "Only members who were there can write about the evening." in response.content.decode()
    assert client.post(reverse("screenings:reflect", args=["last-night"]), GOOD).status_code == 302
    assert not Reflection.objects.exists()


def test_a_bad_rating_is_shown_on_the_form_not_a_500(evening, client):
    client.force_login(evening["lena"])
    response = client.post(reverse("screenings:reflect", args=["last-night"]), {**GOOD, "sound_rating": "9"})
    assert response.status_code == 400 and "Select a valid choice" in response.content.decode()


def test_the_past_screening_shows_the_count_the_average_and_the_notes_marked_was_there(evening):
    screening = evening["screening"]
    services.write_reflection(member=evening["lena"], screening=screening, ratings=GOOD, noticed="The rain.")
    hidden = services.write_reflection(
        member=evening["vera"], screening=screening, ratings=dict.fromkeys(GOOD, 1), noticed="Rude words."
    )
    services.hide_reflections(Reflection.objects.filter(pk=hidden.pk))
    page = Client().get(screening.get_absolute_url()).content.decode()
    assert "2 came" in page  # those checked in: the door was used
    assert "1 reflection, rated 4.2 out of 5 on average" in page  # 4.25, what moderators hid not counted
    assert "The rain." in page and "Rude words." not in page
    assert page.count("was there") == 1


def test_a_member_reports_a_reflection_through_its_page(evening, client):
    reflection = services.write_reflection(member=evening["lena"], screening=evening["screening"], ratings=GOOD)
    client.force_login(evening["vera"])
    url = reverse("screenings:report_reflection", args=["last-night", reflection.pk])
    assert url in client.get(evening["screening"].get_absolute_url()).content.decode()
    response = client.post(url, {"reason": "spam", "note": "An advert"}, follow=True)
    assert "A moderator will look at it." in response.content.decode()
    assert ReflectionReport.objects.get().note == "An advert"


def test_the_moderation_queue_puts_reported_reflections_first_and_hides(evening, curator_client):
    quiet = services.write_reflection(member=evening["vera"], screening=evening["screening"], ratings=GOOD)
    reported = services.write_reflection(member=evening["lena"], screening=evening["screening"], ratings=GOOD)
    services.report_reflection(reflection=reported, reporter=evening["vera"], reason="abuse")
    changelist = reverse("admin:screenings_reflection_changelist")
    listed = curator_client.get(changelist).context["cl"].result_list
    assert list(listed) == [reported, quiet]
    curator_client.post(changelist, {"action": "hide", "_selected_action": [reported.pk]})
    assert Reflection.objects.get(pk=reported.pk).status == ReflectionStatus.HIDDEN
