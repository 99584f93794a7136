from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from screenings import services
from screenings.models import Rsvp, RsvpStatus

pytestmark = pytest.mark.django_db


def test_upcoming_list_groups_by_local_date_and_shows_seats(client, make_screening, time_machine, settings):
    settings.TIME_ZONE = "Europe/London"
    time_machine.move_to(datetime(2026, 6, 1, 9, 0, tzinfo=UTC))
    # 23:30 UTC on 10 June is 00:30 on 11 June in London (BST).
    make_screening(title="Late show", starts_at=datetime(2026, 6, 10, 23, 30, tzinfo=UTC))
    make_screening(title="Gone", starts_at=datetime(2026, 5, 1, 19, 0, tzinfo=UTC))
    content = Client().get(reverse("screenings:list")).content.decode()
    assert "Thursday 11 June 2026" in content
    assert "00:30 BST" in content
    assert "3 of 3 seats left" in content
    assert "Gone" not in content


def test_past_archive_lists_ended_screenings(client, make_screening):
    make_screening(title="Last spring", starts_at=timezone.now() - timedelta(days=30))
    make_screening(title="Next week")
    content = client.get(reverse("screenings:past")).content.decode()
    assert "Last spring" in content
    assert "Next week" not in content


def test_detail_shows_time_in_the_club_time_zone(client, make_screening, settings):
    settings.TIME_ZONE = "Europe/London"
    screening = make_screening(starts_at=timezone.now().replace(year=2030, month=1, day=15, hour=19, minute=30))
    content = client.get(screening.get_absolute_url()).content.decode()
    assert "Tuesday 15 January 2030, 19:30 GMT" in content


def test_visitors_see_a_login_prompt_and_a_count_not_names(client, screening, other_member):
    services.rsvp(member=other_member, screening=screening)
    content = client.get(screening.get_absolute_url()).content.decode()
    assert "Log in</a> or" in content and "join the club</a> to RSVP" in content
    assert "1 seat taken" in content
    assert "Boris" not in content


def test_members_see_who_is_going(client, screening, member, other_member):
    services.rsvp(member=other_member, screening=screening)
    client.force_login(member)
    content = client.get(screening.get_absolute_url()).content.decode()
    assert "Boris" in content
    assert 'action="/screenings/autumn/rsvp/"' in content


def test_member_rsvps_through_the_page(client, screening, member, mailoutbox, run_worker):
    client.force_login(member)
    response = client.post(reverse("screenings:rsvp", args=["autumn"]), {"guests": 1}, follow=True)
    run_worker()
    assert "You're going" in response.content.decode()
    assert Rsvp.objects.get().guests == 1
    assert mailoutbox[0].to == [member.email]


def test_replayed_post_keeps_one_rsvp(client, screening, member):
    client.force_login(member)
    for _ in range(3):
        client.post(reverse("screenings:rsvp", args=["autumn"]))
    assert Rsvp.objects.count() == 1


def test_waitlisted_member_sees_their_position_and_can_leave(client, screening, make_member, member):
    for _ in range(4):
        services.rsvp(member=make_member(), screening=screening)
    client.force_login(member)
    client.post(reverse("screenings:rsvp", args=["autumn"]))
    content = client.get(screening.get_absolute_url()).content.decode()
    assert "number 2 on the waitlist" in content
    client.post(reverse("screenings:cancel", args=["autumn"]))
    assert Rsvp.objects.get(member=member).status == RsvpStatus.CANCELLED


def test_anonymous_post_saves_nothing_and_redirects_to_login(client, screening):
    response = client.post(reverse("screenings:rsvp", args=["autumn"]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not Rsvp.objects.exists()


def test_get_on_rsvp_is_not_allowed(client, screening, member):
    client.force_login(member)
    assert client.get(reverse("screenings:rsvp", args=["autumn"])).status_code == 405


def test_post_without_csrf_token_is_refused(screening, member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    assert client.post(reverse("screenings:rsvp", args=["autumn"])).status_code == 403
    assert not Rsvp.objects.exists()


@pytest.mark.parametrize("guests", ["-1", "9", "lots"])
def test_bad_guest_counts_get_a_message_not_an_error(client, screening, member, guests):
    client.force_login(member)
    response = client.post(reverse("screenings:rsvp", args=["autumn"]), {"guests": guests}, follow=True)
    assert response.status_code == 200
    assert response.context["messages"]
    assert not Rsvp.objects.exists()


def test_rsvp_for_cancelled_screening_shows_a_message(client, screening, member):
    services.cancel_screening(screening=screening)
    client.force_login(member)
    response = client.post(reverse("screenings:rsvp", args=["autumn"]), follow=True)
    assert "has been cancelled" in response.content.decode()
    assert not Rsvp.objects.exists()


def test_rsvp_for_past_screening_shows_a_message(client, make_screening, member):
    past = make_screening(slug="old", starts_at=timezone.now() - timedelta(days=1))
    client.force_login(member)
    response = client.post(reverse("screenings:rsvp", args=["old"]), follow=True)
    assert "This screening is over." in response.content.decode()
    assert not Rsvp.objects.exists()
    assert past.get_absolute_url() in response.redirect_chain[-1][0]


def test_unknown_screening_is_404(client, member):
    client.force_login(member)
    assert client.get("/screenings/no-such/").status_code == 404
    assert client.post("/screenings/no-such/rsvp/").status_code == 404


def test_my_screenings_lists_only_my_upcoming_rsvps(client, screening, make_screening, member, other_member):
    services.rsvp(member=member, screening=screening)
    services.rsvp(member=other_member, screening=make_screening(title="Not mine"))
    client.force_login(member)
    content = client.get(reverse("screenings:mine")).content.decode()
    assert "Autumn screening" in content
    assert "Not mine" not in content


def test_home_shows_the_next_scheduled_screening(client, make_screening):
    cancelled = make_screening(title="Called off")
    services.cancel_screening(screening=cancelled)
    make_screening(title="The next one")
    content = client.get(reverse("home:index")).content.decode()
    assert "Next screening" in content
    assert "The next one" in content
    assert "Called off" not in content


def test_rsvp_button_without_a_guests_field_works(client, make_screening, member):
    # What the browser sends for a screening that allows no guests: the CSRF token and nothing else.
    screening = make_screening(slug="no-guests", max_guests=0)
    client.force_login(member)
    response = client.post(reverse("screenings:rsvp", args=["no-guests"]), {"csrfmiddlewaretoken": "x"}, follow=True)
    assert "You're going" in response.content.decode()
    assert Rsvp.objects.get(screening=screening).guests == 0


def test_the_waitlist_position_is_the_place_in_the_order_seats_are_given(client, make_screening, make_member, member):
    """A seated member's extra guests who began waiting first are ahead: the member is told so."""
    screening = make_screening(capacity=2, max_guests=1)
    host = make_member()
    services.rsvp(member=host, screening=screening)
    services.rsvp(member=make_member(), screening=screening)  # full
    services.change_guests(member=host, screening=screening, guests=1)  # the guest waits, first
    client.force_login(member)
    client.post(reverse("screenings:rsvp", args=[screening.slug]))
    assert [place.rsvp.member for place in services.seats.queue(screening)] == [host, member]
    assert "number 2 on the waitlist" in client.get(screening.get_absolute_url()).content.decode()
