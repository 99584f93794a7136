"""One rule for attendance: visitors see no one's; members see who is going to a screening; a member's
profile shows their screenings to them alone, and past ones to others only if they choose."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from screenings import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def going(member, make_screening, time_machine):
    past = make_screening(title="The spring screening", starts_at=timezone.now() + timedelta(hours=1))
    services.rsvp(member=member, screening=past)
    time_machine.move_to(timezone.now() + timedelta(days=1))
    upcoming = make_screening(title="The winter screening")
    services.rsvp(member=member, screening=upcoming)
    return past, upcoming


def profile(client, member) -> str:
    return client.get(member.get_absolute_url()).content.decode()


def test_visitors_and_other_members_see_no_ones_screenings_on_profiles(member, other_member, going):
    client = Client()
    client.force_login(other_member)
    for html in (profile(Client(), member), profile(client, member)):
        assert "The spring screening" not in html and "The winter screening" not in html
        assert "Screenings attended" not in html


def test_members_see_their_own_screenings_on_their_profile(client, member, going):
    client.force_login(member)
    html = profile(client, member)
    assert "The spring screening" in html and "The winter screening" in html
    assert "Only you see this list" in html


def test_a_member_may_show_their_past_screenings(member, going):
    member.show_past_screenings = True
    member.save()
    html = profile(Client(), member)
    assert "The spring screening" in html
    assert "The winter screening" not in html


def test_visitors_see_seats_but_not_who_is_going(screening, member, other_member):
    services.rsvp(member=member, screening=screening)
    assert "Veronika" not in Client().get(screening.get_absolute_url()).content.decode()
    assert member.public_name not in Client().get(screening.get_absolute_url()).content.decode()
    client = Client()
    client.force_login(other_member)
    assert member.public_name in client.get(screening.get_absolute_url()).content.decode()
