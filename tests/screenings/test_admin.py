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


def test_cancel_action_notifies_everyone(organiser_client, screening, make_member, mailoutbox, run_worker):
    full_screening(screening, make_member)
    mailoutbox.clear()
    organiser_client.post(
        reverse("admin:screenings_screening_changelist"),
        {"action": "cancel_screenings", "_selected_action": [screening.pk]},
    )
    run_worker()
    assert Screening.objects.get().status == ScreeningStatus.CANCELLED
    assert len(mailoutbox) == 5


def test_export_attendees_csv(organiser_client, screening, make_member):
    members = full_screening(screening, make_member, 4)
    members[0].display_name = "=HYPERLINK(1)"
    members[0].save()
    response = organiser_client.post(
        reverse("admin:screenings_screening_changelist"),
        {"action": "export_attendees", "_selected_action": [screening.pk]},
    )
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["screening", "starts (local)", "member"]
    assert len(rows) == 5
    assert rows[1][3] == "'=HYPERLINK(1)"


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


def test_raising_capacity_in_the_admin_promotes(organiser_client, screening, make_member, settings):
    settings.TIME_ZONE = "UTC"
    members = full_screening(screening, make_member)
    url = reverse("admin:screenings_screening_change", args=[screening.pk])
    response = organiser_client.post(url, edit_form(screening, capacity=5))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert set(Rsvp.objects.values_list("status", flat=True)) == {RsvpStatus.GOING}
    assert Rsvp.objects.get(member=members[4]).status == RsvpStatus.GOING


def test_cancelling_via_the_status_field_notifies_too(
    organiser_client, screening, make_member, mailoutbox, run_worker, settings
):
    settings.TIME_ZONE = "UTC"
    full_screening(screening, make_member, 2)
    mailoutbox.clear()
    url = reverse("admin:screenings_screening_change", args=[screening.pk])
    organiser_client.post(url, edit_form(screening, status="cancelled"))
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
