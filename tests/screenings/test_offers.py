"""Offers that expire: a freed seat is offered to the first party waiting, to claim by a deadline."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from outbox.models import Notice
from screenings import services
from screenings.models import Rsvp, RsvpStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_house(make_screening, make_member, time_machine):
    """One seat, five days ahead: the first member going, three waiting."""
    time_machine.move_to(timezone.now(), tick=False)
    screening = make_screening(title="Full house", slug="full-house", capacity=1, max_guests=1,
                               starts_at=timezone.now() + timedelta(days=5))  # fmt: skip
    going, *waiting = (make_member() for _ in range(4))
    services.rsvp(member=going, screening=screening)
    for member in waiting:
        services.rsvp(member=member, screening=screening)
    return screening, going, waiting


def status_of(member, screening):
    return Rsvp.objects.get(member=member, screening=screening).status


def test_a_freed_seat_is_offered_to_the_first_in_line_for_a_day_and_held_for_them(full_house, make_member):
    screening, going, (first, second, third) = full_house
    services.cancel_rsvp(member=going, screening=screening)
    offer = Rsvp.objects.get(member=first)
    assert offer.status == RsvpStatus.OFFERED
    assert offer.offer_expires_at == timezone.now() + timedelta(hours=24)
    assert [status_of(m, screening) for m in (second, third)] == [RsvpStatus.WAITLISTED] * 2
    # The seat is held: a newcomer cannot take it.
    assert services.rsvp(member=make_member(), screening=screening).status == RsvpStatus.WAITLISTED
    assert services.seats_held(screening) == 1


def test_the_deadline_is_never_later_than_two_hours_before_the_start(full_house, settings):
    screening, going, (first, *_) = full_house
    screening.starts_at = timezone.now() + timedelta(hours=10)
    services.save_screening(screening=screening)
    services.cancel_rsvp(member=going, screening=screening)
    assert Rsvp.objects.get(member=first).offer_expires_at == screening.starts_at - timedelta(hours=2)


def test_both_windows_are_settings(full_house, settings):
    settings.CLUB_OFFER_WINDOW, settings.CLUB_DOOR_WINDOW = timedelta(hours=6), timedelta(hours=1)
    screening, going, (first, *_) = full_house
    services.cancel_rsvp(member=going, screening=screening)
    assert Rsvp.objects.get(member=first).offer_expires_at == timezone.now() + timedelta(hours=6)


def test_in_the_last_two_hours_freed_seats_go_to_the_door(full_house, make_member, time_machine):
    screening, going, (first, second, third) = full_house
    time_machine.move_to(screening.starts_at - timedelta(hours=1), tick=False)
    services.cancel_rsvp(member=going, screening=screening)
    assert status_of(first, screening) == RsvpStatus.WAITLISTED
    assert services.free_seats(screening) == 1
    # Nobody online jumps the queue the door is serving.
    assert services.rsvp(member=make_member(), screening=screening).status == RsvpStatus.WAITLISTED
    assert services.give_seat_to_next(screening=screening).member == first
    assert status_of(first, screening) == RsvpStatus.GOING


def test_claiming_before_the_deadline_seats_the_party_and_sends_the_ticket(full_house, run_worker, mailoutbox):
    screening, going, (first, *_) = full_house
    services.cancel_rsvp(member=going, screening=screening)
    run_worker()
    mailoutbox.clear()
    assert services.claim_offer(member=first, screening=screening).status == RsvpStatus.GOING
    assert services.claim_offer(member=first, screening=screening).status == RsvpStatus.GOING  # a double click
    run_worker()
    (email,) = mailoutbox
    assert email.subject == "You're going: Full house"
    code = Rsvp.objects.get(member=first).code
    assert f"{code[:3]} {code[3:]}" in email.body
    assert email.attachments[0][0] == f"ticket-{code}.png" and email.attachments[0][2] == "image/png"


def test_a_claim_after_the_deadline_is_refused_and_changes_nothing(full_house, time_machine):
    screening, going, (first, second, _) = full_house
    services.cancel_rsvp(member=going, screening=screening)
    time_machine.move_to(timezone.now() + timedelta(hours=24, seconds=1), tick=False)
    with pytest.raises(services.RsvpRefused, match="The offer ran out at"):
        services.claim_offer(member=first, screening=screening)
    assert (status_of(first, screening), status_of(second, screening)) == (RsvpStatus.OFFERED, RsvpStatus.WAITLISTED)


def test_the_worker_lapses_an_unclaimed_offer_at_its_deadline_and_offers_the_seat_to_the_next(
    full_house, run_worker, mailoutbox
):
    screening, going, (first, second, third) = full_house
    services.cancel_rsvp(member=going, screening=screening)
    run_worker()
    mailoutbox.clear()
    run_worker(later=timedelta(hours=24, minutes=1))  # the scheduled check runs once its time has come
    run_worker(later=timedelta(hours=24, minutes=3))  # and the notices it owed, a minute later
    assert [status_of(m, screening) for m in (first, second, third)] == [
        RsvpStatus.LAPSED, RsvpStatus.OFFERED, RsvpStatus.WAITLISTED
    ]  # fmt: skip
    assert sorted((m.subject, m.to[0]) for m in mailoutbox) == [
        ("A seat is yours to claim: Full house", second.email),
        ("Your offer has passed on: Full house", first.email),
    ]


def test_each_offer_enqueues_its_own_check_at_its_deadline(full_house):
    from django_tasks_db.models import DBTaskResult

    screening, going, (first, *_) = full_house
    services.cancel_rsvp(member=going, screening=screening)
    check = DBTaskResult.objects.get(task_path="screenings.services.seats.check_offers")
    assert check.run_after == Rsvp.objects.get(member=first).offer_expires_at
    assert check.args_kwargs["args"] == [screening.pk]


def test_any_request_that_touches_the_screening_lapses_a_due_offer(client, full_house, time_machine):
    screening, going, (first, second, _) = full_house
    services.cancel_rsvp(member=going, screening=screening)
    time_machine.move_to(timezone.now() + timedelta(hours=24, seconds=30), tick=False)
    assert client.get(screening.get_absolute_url()).status_code == 200
    assert (status_of(first, screening), status_of(second, screening)) == (RsvpStatus.LAPSED, RsvpStatus.OFFERED)


def test_the_command_lapses_what_is_due_for_cron(full_house, time_machine):
    screening, going, (first, second, _) = full_house
    services.cancel_rsvp(member=going, screening=screening)
    call_command("expire_offers", verbosity=0)
    assert status_of(first, screening) == RsvpStatus.OFFERED
    time_machine.move_to(timezone.now() + timedelta(days=2), tick=False)
    call_command("expire_offers", verbosity=0)
    assert (status_of(first, screening), status_of(second, screening)) == (RsvpStatus.LAPSED, RsvpStatus.OFFERED)


def test_passing_an_offer_on_offers_the_seat_to_the_next_at_once(full_house):
    screening, going, (first, second, _) = full_house
    services.cancel_rsvp(member=going, screening=screening)
    services.cancel_rsvp(member=first, screening=screening)
    assert (status_of(first, screening), status_of(second, screening)) == (RsvpStatus.CANCELLED, RsvpStatus.OFFERED)


def test_a_party_too_big_for_the_freed_seat_keeps_its_place_while_a_smaller_one_is_offered(make_screening, make_member):
    screening = make_screening(capacity=2, max_guests=1, starts_at=timezone.now() + timedelta(days=5))
    going, pair, single = make_member(), make_member(), make_member()
    services.rsvp(member=going, screening=screening, guests=1)
    services.rsvp(member=pair, screening=screening, guests=1)
    services.rsvp(member=single, screening=screening)
    services.change_guests(member=going, screening=screening, guests=0)  # one seat frees up
    assert (status_of(pair, screening), status_of(single, screening)) == (RsvpStatus.WAITLISTED, RsvpStatus.OFFERED)


def test_a_member_whose_offer_lapsed_may_join_the_waitlist_again_at_the_end(full_house, time_machine):
    screening, going, (first, second, third) = full_house
    services.cancel_rsvp(member=going, screening=screening)
    time_machine.move_to(timezone.now() + timedelta(hours=25), tick=False)
    services.expire_offers()
    again = services.rsvp(member=first, screening=screening)
    assert again.status == RsvpStatus.WAITLISTED
    assert Rsvp.objects.waitlisted().filter(screening=screening).last() == again


def test_an_offer_for_a_cancelled_screening_cannot_be_claimed(full_house):
    screening, going, (first, *_) = full_house
    services.cancel_rsvp(member=going, screening=screening)
    services.cancel_screening(screening=screening)
    with pytest.raises(services.RsvpRefused, match="cancelled"):
        services.claim_offer(member=first, screening=screening)


def test_a_claim_without_an_offer_is_refused(full_house):
    screening, going, (first, *_) = full_house
    with pytest.raises(services.RsvpRefused, match="No seat is offered"):
        services.claim_offer(member=first, screening=screening)


def test_moving_a_screening_earlier_brings_open_deadlines_before_its_door(full_house):
    screening, going, (first, *_) = full_house
    services.cancel_rsvp(member=going, screening=screening)
    screening.starts_at = timezone.now() + timedelta(hours=12)
    services.save_screening(screening=screening)
    assert Rsvp.objects.get(member=first).offer_expires_at == screening.starts_at - timedelta(hours=2)


def test_the_claim_link_opens_a_page_with_one_button_and_only_a_post_claims(client, full_house):
    screening, going, (first, *_) = full_house
    services.cancel_rsvp(member=going, screening=screening)
    client.force_login(first)
    url = reverse("screenings:claim", args=[screening.slug])
    page = client.get(url).content.decode()
    assert "Claim my seat" in page and "pass it on" in page
    assert status_of(first, screening) == RsvpStatus.OFFERED
    response = client.post(url, follow=True)
    assert "The seat is yours" in response.content.decode()
    assert status_of(first, screening) == RsvpStatus.GOING


def test_the_offer_email_has_the_claim_link_and_the_deadline(full_house, run_worker, mailoutbox):
    screening, going, (first, *_) = full_house
    services.cancel_rsvp(member=going, screening=screening)
    run_worker()
    (offer,) = [m for m in mailoutbox if m.to == [first.email] and "claim" in m.subject]
    assert "https://cranes.example/screenings/full-house/claim/" in offer.body
    deadline = timezone.localtime(Rsvp.objects.get(member=first).offer_expires_at)
    assert f"Claim it by {deadline:%H:%M}" in offer.body


def test_my_screenings_shows_an_offer_with_its_claim_button(client, full_house):
    screening, going, (first, *_) = full_house
    services.cancel_rsvp(member=going, screening=screening)
    client.force_login(first)
    page = client.get(reverse("screenings:mine")).content.decode()
    assert "A seat is yours to claim" in page
    assert f'action="{reverse("screenings:claim", args=[screening.slug])}"' in page


def test_offers_are_notices_in_the_queue_not_emails_sent_by_the_request(full_house, mailoutbox):
    screening, going, (first, *_) = full_house
    services.cancel_rsvp(member=going, screening=screening)
    assert mailoutbox == []
    assert Notice.objects.filter(kind="screenings.rsvp").exists()


def test_the_claim_link_after_the_deadline_says_it_ran_out_and_passes_the_seat_on(client, full_house, time_machine):
    screening, going, (first, second, _) = full_house
    services.cancel_rsvp(member=going, screening=screening)
    time_machine.move_to(timezone.now() + timedelta(hours=24, seconds=5), tick=False)
    client.force_login(first)
    deadline = timezone.localtime(Rsvp.objects.get(member=first).offer_expires_at)
    said = f"The offer ran out at {deadline:%H:%M} on {deadline:%-d %B}: the seat has gone to the next in line."
    page = client.get(reverse("screenings:claim", args=[screening.slug])).content.decode()
    assert said in page and "join the waitlist again" in page
    response = client.post(reverse("screenings:claim", args=[screening.slug]), follow=True)
    assert response.status_code == 200 and said in response.content.decode()
    assert (status_of(first, screening), status_of(second, screening)) == (RsvpStatus.LAPSED, RsvpStatus.OFFERED)


def test_what_the_waitlisted_are_told_names_the_windows_of_the_settings(
    client, full_house, make_member, settings, run_worker, mailoutbox
):
    settings.CLUB_OFFER_WINDOW, settings.CLUB_DOOR_WINDOW = timedelta(hours=6), timedelta(minutes=90)
    screening, *_ = full_house
    late = make_member()
    client.force_login(late)
    told = client.post(reverse("screenings:rsvp", args=[screening.slug]), follow=True).content.decode()
    promise = "to claim within 6 hours (and by 90 minutes before the start at the latest)"
    assert promise in told
    assert promise in client.get(reverse("screenings:mine")).content.decode()
    run_worker()
    email = next(m for m in mailoutbox if m.to == [late.email])
    assert email.subject.startswith("You're on the waitlist") and promise in email.body
    assert "24 hours" not in email.body + told and "a day" not in email.body + told


def test_in_the_door_window_nobody_on_the_waitlist_is_promised_an_offer(
    client, make_screening, make_member, run_worker, mailoutbox
):
    screening = make_screening(capacity=1, starts_at=timezone.now() + timedelta(hours=1))
    services.rsvp(member=make_member(), screening=screening)
    late = make_member()
    client.force_login(late)
    told = client.post(reverse("screenings:rsvp", args=[screening.slug]), follow=True).content.decode()
    page = client.get(screening.get_absolute_url()).content.decode()
    run_worker()
    email = next(m for m in mailoutbox if m.to == [late.email]).body
    for text in (told, page, email):
        assert "offered to you" not in text and "to claim" not in text
        assert "Seats that free up from now on are given at the door" in text
