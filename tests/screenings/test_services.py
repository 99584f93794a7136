from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from members.services import close_account
from screenings import services
from screenings.models import Rsvp, RsvpStatus, Screening, ScreeningStatus

pytestmark = pytest.mark.django_db


def statuses(screening):
    return list(Rsvp.objects.filter(screening=screening).order_by("queued_at", "pk").values_list("status", flat=True))


def test_five_members_for_three_seats_three_go_two_wait_in_order(screening, make_member, run_worker, mailoutbox):
    members = [make_member() for _ in range(5)]
    bookings = [services.rsvp(member=m, screening=screening) for m in members]
    run_worker()
    assert [b.status for b in bookings] == ["going"] * 3 + ["waitlisted"] * 2
    assert [m.subject for m in mailoutbox] == ["You're going: Autumn screening"] * 3 + [
        "You're on the waitlist: Autumn screening"
    ] * 2

    mailoutbox.clear()
    services.cancel_rsvp(member=members[1], screening=screening)
    run_worker()
    assert Rsvp.objects.get(member=members[3]).status == RsvpStatus.OFFERED
    assert Rsvp.objects.get(member=members[4]).status == RsvpStatus.WAITLISTED
    assert sorted((m.subject, m.to) for m in mailoutbox) == [
        ("A seat is yours to claim: Autumn screening", [members[3].email]),
        ("Your RSVP is cancelled: Autumn screening", [members[1].email]),
    ]


def test_rsvp_twice_keeps_one_rsvp(screening, member):
    first = services.rsvp(member=member, screening=screening)
    second = services.rsvp(member=member, screening=screening)
    assert first.pk == second.pk
    assert Rsvp.objects.count() == 1


def test_guests_take_seats(screening, member, make_member):
    services.rsvp(member=member, screening=screening, guests=2)
    assert services.rsvp(member=make_member(), screening=screening).status == RsvpStatus.WAITLISTED
    assert Screening.objects.with_seats_taken().get().seats_taken == 3


def test_too_many_guests_is_refused(screening, member):
    with pytest.raises(services.RsvpRefused, match="up to 2 guest"):
        services.rsvp(member=member, screening=screening, guests=3)
    assert not Rsvp.objects.exists()


def test_a_party_that_does_not_fit_is_skipped_until_one_does(make_screening, make_member):
    screening = make_screening(capacity=4, max_guests=2)
    first, second, big, small = (make_member() for _ in range(4))
    services.rsvp(member=first, screening=screening)
    services.rsvp(member=second, screening=screening, guests=1)
    services.rsvp(member=big, screening=screening, guests=2, short=services.Short.WAIT_TOGETHER)  # needs 3
    services.rsvp(member=small, screening=screening)  # fits the last seat
    assert Rsvp.objects.get(member=small).status == RsvpStatus.GOING

    services.cancel_rsvp(member=second, screening=screening)  # frees 2: big still needs 3
    assert Rsvp.objects.get(member=big).status == RsvpStatus.WAITLISTED
    services.cancel_rsvp(member=first, screening=screening)  # frees 3 in all
    assert Rsvp.objects.get(member=big).status == RsvpStatus.OFFERED


def test_leaving_the_waitlist_promotes_nobody(screening, make_member):
    members = [make_member() for _ in range(5)]
    for m in members:
        services.rsvp(member=m, screening=screening)
    services.cancel_rsvp(member=members[3], screening=screening)
    assert statuses(screening) == ["going", "going", "going", "cancelled", "waitlisted"]


def test_a_cancelled_rsvp_can_be_renewed_and_queues_again(screening, make_member):
    members = [make_member() for _ in range(4)]
    for m in members:
        services.rsvp(member=m, screening=screening)
    services.cancel_rsvp(member=members[0], screening=screening)
    renewed = services.rsvp(member=members[0], screening=screening)
    assert renewed.status == RsvpStatus.WAITLISTED
    assert Rsvp.objects.filter(member=members[0]).count() == 1


def test_cancelling_without_an_rsvp_returns_none(screening, member):
    assert services.cancel_rsvp(member=member, screening=screening) is None


def test_rsvp_for_a_cancelled_screening_is_refused(screening, member):
    services.cancel_screening(screening=screening)
    with pytest.raises(services.RsvpRefused, match="cancelled"):
        services.rsvp(member=member, screening=screening)
    assert not Rsvp.objects.exists()


def test_rsvp_for_a_past_screening_is_refused(make_screening, member):
    past = make_screening(starts_at=timezone.now() - timedelta(hours=1))
    with pytest.raises(services.RsvpRefused, match="already started"):
        services.rsvp(member=member, screening=past)


def test_rsvp_window_is_respected(make_screening, member, time_machine):
    now = timezone.now()
    screening = make_screening(
        starts_at=now + timedelta(days=10),
        rsvp_opens_at=now + timedelta(days=1),
        rsvp_closes_at=now + timedelta(days=9),
    )
    with pytest.raises(services.RsvpRefused, match="RSVPs open on"):
        services.rsvp(member=member, screening=screening)
    time_machine.move_to(now + timedelta(days=1, seconds=1))
    assert services.rsvp(member=member, screening=screening).status == RsvpStatus.GOING
    services.cancel_rsvp(member=member, screening=screening)
    time_machine.move_to(now + timedelta(days=9))
    with pytest.raises(services.RsvpRefused, match="closed"):
        services.rsvp(member=member, screening=screening)


def test_cancel_screening_notifies_going_and_waiting_and_bumps_the_revision(
    screening, make_member, run_worker, mailoutbox
):
    members = [make_member() for _ in range(4)]
    for m in members:
        services.rsvp(member=m, screening=screening)
    services.cancel_rsvp(member=members[0], screening=screening)
    mailoutbox.clear()
    notified = services.cancel_screening(screening=screening)
    run_worker()
    screening.refresh_from_db()
    assert notified == 3
    assert screening.status == ScreeningStatus.CANCELLED
    assert screening.revision == 1
    assert sorted(m.to[0] for m in mailoutbox) == sorted(m.email for m in members[1:])
    assert all(m.subject == "Cancelled: Autumn screening" for m in mailoutbox)
    assert services.cancel_screening(screening=screening) == 0


def test_notices_are_rows_of_the_same_transaction_as_the_change(screening, member, mailoutbox, run_worker):
    from django.db import transaction

    from outbox.models import Notice

    with transaction.atomic():
        services.rsvp(member=member, screening=screening)
        transaction.set_rollback(True)
    assert not Notice.objects.exists() and not Rsvp.objects.exists()
    services.rsvp(member=member, screening=screening)
    assert mailoutbox == [] and Notice.objects.count() == 1
    run_worker()
    assert [m.to for m in mailoutbox] == [[member.email]]


def test_raising_capacity_promotes_the_waitlist(screening, make_member, run_worker, mailoutbox):
    members = [make_member() for _ in range(5)]
    for m in members:
        services.rsvp(member=m, screening=screening)
    run_worker()
    screening.capacity = 4
    services.save_screening(screening=screening)
    run_worker()
    assert statuses(screening) == ["going"] * 3 + ["offered", "waitlisted"]
    assert [m.to for m in mailoutbox if m.subject.startswith("A seat")] == [[members[3].email]]


def test_moving_a_screening_bumps_revision_and_tells_members(screening, member, run_worker, mailoutbox):
    services.rsvp(member=member, screening=screening)
    run_worker()
    mailoutbox.clear()
    screening.refresh_from_db()
    screening.starts_at += timedelta(hours=2)
    services.save_screening(screening=screening)
    run_worker()
    screening.refresh_from_db()
    assert screening.revision == 1
    assert [m.subject for m in mailoutbox] == ["New time or place: Autumn screening"]


def test_editing_the_description_changes_no_revision(screening):
    screening = Screening.objects.get(pk=screening.pk)
    screening.description = "New words."
    services.save_screening(screening=screening)
    screening.refresh_from_db()
    assert screening.revision == 0


def test_reminders_go_once_to_going_members_of_tomorrows_screenings(
    make_screening, make_member, run_worker, mailoutbox, time_machine
):
    time_machine.move_to(timezone.make_aware(timezone.datetime(2026, 12, 1, 10, 0)))
    tomorrow = make_screening(starts_at=timezone.make_aware(timezone.datetime(2026, 12, 2, 19, 30)), capacity=1)
    later = make_screening(starts_at=timezone.make_aware(timezone.datetime(2026, 12, 5, 19, 30)))
    going, waiting, elsewhere = make_member(), make_member(), make_member()
    services.rsvp(member=going, screening=tomorrow)
    services.rsvp(member=waiting, screening=tomorrow)
    services.rsvp(member=elsewhere, screening=later)
    run_worker()
    mailoutbox.clear()

    assert services.queue_reminders() == 1
    run_worker()
    assert services.queue_reminders() == 0
    run_worker()
    assert [(m.subject, m.to) for m in mailoutbox] == [(f"Tomorrow: {tomorrow.title}", [going.email])]


def test_reminders_skip_cancelled_screenings(make_screening, member, time_machine):
    screening = make_screening(starts_at=timezone.now() + timedelta(hours=20))
    services.rsvp(member=member, screening=screening)
    services.cancel_screening(screening=screening)
    assert services.queue_reminders() == 0


def test_an_rsvp_cannot_be_cancelled_once_the_screening_has_started(make_screening, member, other_member):
    screening = make_screening(capacity=1, starts_at=timezone.now() + timedelta(hours=1))
    services.rsvp(member=member, screening=screening)
    services.rsvp(member=other_member, screening=screening)
    started = time_machine.travel(screening.starts_at + timedelta(minutes=5), tick=False)
    with started, pytest.raises(services.RsvpRefused, match="already started. Your RSVP stays as it is."):
        services.cancel_rsvp(member=member, screening=screening)
    assert statuses(screening) == ["going", "waitlisted"]


def test_cancelling_after_the_start_on_the_page_says_why_and_changes_nothing(client, make_screening, member):
    screening = make_screening(starts_at=timezone.now() + timedelta(hours=1))
    services.rsvp(member=member, screening=screening)
    client.force_login(member)
    with time_machine.travel(screening.starts_at + timedelta(minutes=5), tick=False):
        response = client.post(reverse("screenings:cancel", args=[screening.slug]), follow=True)
    assert response.status_code == 200
    assert "This screening has already started. Your RSVP stays as it is." in response.content.decode()
    assert Rsvp.objects.get(member=member).status == RsvpStatus.GOING


def test_a_member_leaving_during_a_screening_keeps_its_seat_as_an_anonymous_one(make_screening, member):
    screening = make_screening(starts_at=timezone.now() + timedelta(hours=1))
    services.rsvp(member=member, screening=screening)
    with time_machine.travel(screening.starts_at + timedelta(minutes=5), tick=False):
        close_account(member=member)
    booking = Rsvp.objects.get(screening=screening)
    assert booking.member is None and booking.status == RsvpStatus.GOING
