import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse

from screenings import services
from screenings.models import Rsvp, RsvpStatus, Screening, ScreeningStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser_client(client, django_user_model):
    from django.contrib.auth.models import Group

    from tests.conftest import confirmed, log_in_with_two_factor, with_two_factor

    user = django_user_model.objects.create_user("organiser", "o@example.org", "pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Organisers"))
    with_two_factor(confirmed(user))
    log_in_with_two_factor(client, user)
    return client


def full_screening(screening, make_member, count=5):
    members = [make_member() for _ in range(count)]
    for m in members:
        services.rsvp(member=m, screening=screening)
    return members


def test_changelist_shows_seats_without_n_plus_one(
    organiser_client, make_screening, make_member, django_assert_max_num_queries
):
    for _ in range(10):
        full_screening(make_screening(), make_member, 4)
    with django_assert_max_num_queries(12):
        response = organiser_client.get(reverse("admin:screenings_screening_changelist"))
    assert response.status_code == 200


def test_the_cancel_action_asks_first_then_notifies_everyone_with_the_reason_and_new_date(
    organiser_client, screening, make_screening, make_member, mailoutbox, run_worker
):
    full_screening(screening, make_member)
    new_date = make_screening(title="The new date", slug="new-date", starts_at=screening.starts_at + timedelta(days=7))
    mailoutbox.clear()
    changelist = reverse("admin:screenings_screening_changelist")
    chosen = {"action": "cancel_screenings", "_selected_action": [screening.pk]}
    asked = organiser_client.post(changelist, chosen)
    assert asked.status_code == 200 and "5 members to tell" in asked.content.decode()
    assert Screening.objects.get(pk=screening.pk).status == ScreeningStatus.SCHEDULED  # nothing in one click

    reason = "The projector's lamp failed; we are sorry."
    done = organiser_client.post(changelist, {**chosen, "confirm": "1", "reason": reason, "replacement": new_date.pk})
    assert done.status_code == 302
    run_worker()
    screening.refresh_from_db()
    assert (screening.status, screening.cancellation_reason, screening.replacement) == (
        ScreeningStatus.CANCELLED,
        reason,
        new_date,
    )
    assert len(mailoutbox) == 5
    assert reason in mailoutbox[0].body and "https://cranes.example/screenings/new-date/" in mailoutbox[0].body


def test_export_attendees_csv(organiser_client, screening, make_member):
    members = full_screening(screening, make_member, 4)
    members[0].display_name = "=HYPERLINK(1)"
    members[0].save()
    response = organiser_client.post(
        reverse("admin:screenings_screening_changelist"),
        {"action": "export_attendees", "_selected_action": [screening.pk]},
    )
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:5] == ["screening", "starts (local)", "name", "member", "email"]
    assert len(rows) == 5
    assert rows[1][2] == "'=HYPERLINK(1)"


def edit_form(screening, **changes):
    data = {
        "title": screening.title,
        "slug": screening.slug,
        "status": screening.status,
        "description": screening.description,
        "starts_at_0": screening.starts_at.astimezone().strftime("%d/%m/%Y"),
        "starts_at_1": screening.starts_at.astimezone().strftime("%H:%M:%S"),
        "duration_minutes": screening.duration_minutes,
        "venue": screening.venue_id,
        "capacity": screening.capacity,
        "max_guests": screening.max_guests,
        "runtime_minutes": screening.runtime_minutes,
        "subtitles": screening.subtitles,
        "rsvps-TOTAL_FORMS": 0,
        "rsvps-INITIAL_FORMS": 0,
    }
    data.update(changes)
    return data


def test_raising_capacity_in_the_admin_offers_the_seats_to_the_waitlist(
    organiser_client, screening, make_member, settings
):
    settings.TIME_ZONE = "UTC"
    members = full_screening(screening, make_member)
    url = reverse("admin:screenings_screening_change", args=[screening.pk])
    response = organiser_client.post(url, edit_form(screening, capacity=5))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Rsvp.objects.get(member=members[3]).status == RsvpStatus.OFFERED
    assert Rsvp.objects.get(member=members[4]).status == RsvpStatus.OFFERED


def test_the_status_field_cannot_cancel_in_one_click_the_screenings_own_cancel_page_does(
    organiser_client, screening, make_member, mailoutbox, run_worker, settings
):
    settings.TIME_ZONE = "UTC"
    full_screening(screening, make_member, 2)
    mailoutbox.clear()
    url = reverse("admin:screenings_screening_change", args=[screening.pk])
    organiser_client.post(url, edit_form(screening, status="cancelled"))
    assert Screening.objects.get().status == ScreeningStatus.SCHEDULED
    page = organiser_client.get(url).content.decode()
    cancel = reverse("admin:screenings_screening_cancel", args=[screening.pk])
    assert cancel in page and "Cancel this screening" in page
    assert "2 members to tell" in organiser_client.get(cancel).content.decode()
    organiser_client.post(cancel, {"confirm": "1", "reason": ""})
    run_worker()
    assert Screening.objects.get().status == ScreeningStatus.CANCELLED
    assert [m.subject for m in mailoutbox] == ["Cancelled: Autumn screening"] * 2


def test_moving_in_the_admin_bumps_revision(organiser_client, screening, settings):
    settings.TIME_ZONE = "UTC"
    later = screening.starts_at + timedelta(days=1)
    url = reverse("admin:screenings_screening_change", args=[screening.pk])
    organiser_client.post(url, edit_form(screening, starts_at_0=later.strftime("%d/%m/%Y")))
    assert Screening.objects.get().revision == 1


def test_members_cannot_reach_the_screening_admin(client, member):
    client.force_login(member)
    assert client.get(reverse("admin:screenings_screening_changelist")).status_code == 302


def test_a_screening_with_rsvps_can_be_cancelled_but_not_deleted(organiser_client, screening, member, make_screening):
    services.rsvp(member=member, screening=screening)
    change = organiser_client.get(reverse("admin:screenings_screening_change", args=[screening.pk]))
    assert "cannot be deleted: cancel it instead" in change.content.decode()
    assert (
        organiser_client.post(
            reverse("admin:screenings_screening_delete", args=[screening.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    organiser_client.post(
        reverse("admin:screenings_screening_changelist"),
        {"action": "delete_selected", "_selected_action": [screening.pk], "post": "yes"},
    )
    assert Screening.objects.filter(pk=screening.pk).exists()
    assert Rsvp.objects.filter(screening=screening).count() == 1

    empty = make_screening()
    organiser_client.post(reverse("admin:screenings_screening_delete", args=[empty.pk]), {"post": "yes"})
    assert not Screening.objects.filter(pk=empty.pk).exists()


def test_the_exported_title_email_and_username_are_kept_from_running_as_formulas(
    organiser_client, screening, make_member
):
    screening.title = "\t=1+1"
    screening.save()
    services.rsvp(member=make_member(email="-2+3@example.org", display_name="\rname"), screening=screening)
    response = organiser_client.post(
        reverse("admin:screenings_screening_changelist"),
        {"action": "export_attendees", "_selected_action": [screening.pk]},
    )
    row = list(csv.reader(io.StringIO(response.content.decode())))[1]
    assert (row[0], row[2], row[4]) == ("'\t=1+1", "'\rname", "'-2+3@example.org")


def test_reverting_a_cancelled_screening_to_an_older_version_keeps_it_cancelled(
    organiser_client, screening, member, settings
):
    settings.TIME_ZONE = "UTC"
    services.rsvp(member=member, screening=screening)
    before = screening.history.latest()
    services.cancel_screening(screening=screening, reason="The lamp failed.")
    url = reverse("admin:screenings_screening_simple_history", args=[screening.pk, before.history_id])
    page = organiser_client.post(url, edit_form(screening, description="Restored"), follow=True).content.decode()
    assert "This screening stays cancelled" in page
    screening.refresh_from_db()
    assert (screening.status, screening.cancellation_reason) == (ScreeningStatus.CANCELLED, "The lamp failed.")
    assert screening.description == "Restored"
    assert Rsvp.objects.get(member=member).status == RsvpStatus.GOING


def test_the_capacity_cannot_go_below_the_seats_held(organiser_client, make_screening, make_member, settings):
    settings.TIME_ZONE = "UTC"
    screening = make_screening(capacity=4, max_guests=1)
    first, second, third = make_member(), make_member(), make_member()
    services.rsvp(member=first, screening=screening, guests=1)
    services.rsvp(member=second, screening=screening, guests=1)
    services.rsvp(member=third, screening=screening)
    services.cancel_rsvp(member=first, screening=screening)  # the third is offered a seat: 3 held
    assert Rsvp.objects.get(member=third).status == RsvpStatus.OFFERED
    url = reverse("admin:screenings_screening_change", args=[screening.pk])
    response = organiser_client.post(url, edit_form(screening, capacity=2))
    assert response.status_code == 200
    assert "3 seats are held already" in response.content.decode()
    assert Screening.objects.get().capacity == 4
    assert organiser_client.post(url, edit_form(screening, capacity=3)).status_code == 302
    assert Screening.objects.get().capacity == 3


def test_save_screening_refuses_a_capacity_below_the_seats_held(make_screening, make_member):
    screening = make_screening(capacity=5)
    for _ in range(3):
        services.rsvp(member=make_member(), screening=screening)
    screening.capacity = 2
    with pytest.raises(services.Refused, match="3 seats are held already"):
        services.save_screening(screening=screening)
    assert Screening.objects.get().capacity == 5
