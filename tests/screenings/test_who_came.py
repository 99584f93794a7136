"""Who came is private: the door sees it, each member sees their own, nobody else; leaving takes it away
but for anonymous counts. The archive of evenings shows counts only."""

import json
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from members.services import close_account
from screenings import services
from screenings.models import Reflection, ReflectionStatus, Rsvp

pytestmark = pytest.mark.django_db

RATINGS = {"print_rating": 4, "sound_rating": 4, "room_rating": 4, "discussion_rating": 4}


@pytest.fixture
def evening(make_screening, make_member, time_machine):
    """Last week's evening: Lena and Pavel checked in, Boris a no-show, a walk-in guest; Lena wrote."""
    time_machine.move_to(timezone.now(), tick=False)
    screening = make_screening(title="Last week", slug="last-week", capacity=10, programme_notes="The 2018 print.",
                               starts_at=timezone.now() + timedelta(hours=1))  # fmt: skip
    lena = make_member(username="lena", display_name="Lena Writes")
    pavel = make_member(username="pavel", display_name="Pavel Quiet")
    boris = make_member(username="borya", display_name="Boris Absent")
    for member in (lena, pavel, boris):
        services.rsvp(member=member, screening=screening)
    for member in (lena, pavel):
        services.check_in(screening=screening, rsvp_id=Rsvp.objects.get(member=member).pk)
    services.walk_in(screening=screening, name="Anna Walkin")
    time_machine.move_to(screening.ends_at + timedelta(days=2), tick=False)
    services.write_reflection(member=lena, screening=screening, ratings=RATINGS, noticed="The stairs.")
    return {"screening": screening, "lena": lena, "pavel": pavel, "boris": boris}


def test_nobody_but_the_door_sees_who_came(evening, other_member):
    member_client = Client()
    member_client.force_login(other_member)
    for client in (Client(), member_client):
        html = client.get(evening["screening"].get_absolute_url()).content.decode()
        assert "3 came" in html
        assert "Lena Writes" in html  # she chose to, by writing: marked was there
        for name in ("Pavel Quiet", "Boris Absent", "Anna Walkin"):
            assert name not in html, name
        archive = client.get(reverse("screenings:past")).content.decode()
        assert "Last week" in archive and "3 came" in archive
        assert not any(name in archive for name in ("Lena Writes", "Pavel Quiet", "Boris Absent", "Anna Walkin"))


def test_a_profile_never_shows_whether_its_member_came(evening, other_member):
    client = Client()
    client.force_login(other_member)
    shown = []
    for member in (evening["pavel"], evening["boris"]):  # one came, one did not
        member.show_past_screenings = True
        member.save()
        html = client.get(member.get_absolute_url()).content.decode()
        assert "Last week" in html  # they chose to show the seats they had
        assert "was there" not in html and "Seen with the club" not in html and "Arrived" not in html
        shown.append(html.split('id="member-screenings"')[1].split("</section>")[0])
    assert shown[0] == shown[1]


def test_walk_ins_are_never_listed_as_going(make_screening, make_member, other_member):
    screening = make_screening(capacity=5, starts_at=timezone.now() + timedelta(hours=1))
    services.walk_in(screening=screening, name="Anna Walkin")
    client = Client()
    client.force_login(other_member)
    assert "Anna Walkin" not in client.get(screening.get_absolute_url()).content.decode()


def test_a_member_sees_the_evenings_they_were_at_on_my_screenings(evening, client):
    client.force_login(evening["pavel"])
    html = client.get(reverse("screenings:mine")).content.decode()
    assert "Seen with the club: 1 time" in html and "Last week" in html and "write a reflection" in html
    client.force_login(evening["boris"])
    assert "Seen with the club: 0 times" in client.get(reverse("screenings:mine")).content.decode()


def test_download_my_data_has_the_members_attendance_and_reflections(evening, client):
    client.force_login(evening["lena"])
    data = json.loads(client.get(reverse("members:data")).content)
    (rsvp,) = data["rsvps"]
    assert rsvp["was_there"] is True and rsvp["arrived_at"] and rsvp["ticket_code"]
    assert data["screening_nights"]["seen_with_the_club"] == 1
    assert data["screening_nights"]["reflections"][0]["noticed"] == "The stairs."


def test_leaving_the_club_removes_the_members_attendance_but_not_the_counts(evening):
    lena = evening["lena"]
    close_account(member=get_user_model().objects.get(pk=lena.pk))
    assert not Rsvp.objects.filter(member=lena).exists()
    assert not Reflection.objects.filter(member=lena).exists()
    reflection = Reflection.objects.get()
    assert (reflection.member, reflection.noticed, reflection.status) == (None, "", ReflectionStatus.REMOVED)
    html = Client().get(evening["screening"].get_absolute_url()).content.decode()
    assert "3 came" in html and "1 reflection, rated 4 out of 5" in html
    assert "Lena" not in html and "The stairs." not in html and "was there" not in html


def test_leaving_the_club_ends_door_duties(evening, make_screening):
    upcoming = make_screening(slug="next")
    upcoming.door_volunteers.add(evening["pavel"])
    close_account(member=evening["pavel"])
    assert not upcoming.door_volunteers.exists()


def test_the_archive_lists_each_evening_with_its_notes_counts_and_rating(evening, make_screening):
    services.cancel_screening(
        screening=make_screening(title="Called off", starts_at=timezone.now() - timedelta(days=1))
    )
    html = Client().get(reverse("screenings:past")).content.decode()
    assert "Last week" in html and "The Small Hall" in html and "The 2018 print." in html
    assert "3 came" in html and "rated 4 of 5 in 1 reflection" in html
    assert "Called off" in html and "Cancelled" in html


def test_the_archive_runs_as_many_queries_for_50_evenings_as_for_1(make_screening, make_member, settings, time_machine):
    settings.CLUB_PAGE_CACHE_SECONDS = 0
    members = [make_member() for _ in range(4)]

    def evenings(count: int):
        for _ in range(count):
            screening = make_screening(starts_at=timezone.now() + timedelta(hours=1), capacity=10)
            for member in members:
                booking = services.rsvp(member=member, screening=screening)
                services.check_in(screening=screening, rsvp_id=booking.pk)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert Client().get(reverse("screenings:past")).status_code == 200
        return len(captured)

    start = timezone.now()
    evenings(1)
    time_machine.move_to(start + timedelta(days=1), tick=False)
    one = queries()
    evenings(49)
    time_machine.move_to(start + timedelta(days=2), tick=False)
    assert one == queries() == 3, "how many evenings; the page's, with counts and ratings; their comment counts"


def test_the_archive_pages_through_every_evening_newest_first(make_screening, settings):
    settings.CLUB_PAGE_CACHE_SECONDS = 0
    for days in range(1, 23):
        make_screening(title=f"Evening {days} days ago", starts_at=timezone.now() - timedelta(days=days))
    first = Client().get(reverse("screenings:past")).content.decode()
    assert "Evening 1 days ago" in first and "Evening 20 days ago" in first and "Evening 21 days ago" not in first
    assert "Page 1 of 2" in first and 'rel="next" href="?page=2"' in first
    second = Client().get(reverse("screenings:past"), {"page": 2}).content.decode()
    assert "Evening 21 days ago" in second and "Evening 22 days ago" in second and "Evening 1 days ago" not in second


@pytest.mark.parametrize("logged_in", [False, True])
def test_a_past_screenings_page_runs_as_many_queries_for_50_reflections_as_for_1(
    make_screening, make_member, settings, time_machine, logged_in
):
    settings.CLUB_PAGE_CACHE_SECONDS = 0
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"  # the same count with REDIS_URL set
    reader = make_member()

    def queries_for(writers: int) -> int:
        time_machine.move_to(timezone.now(), tick=False)
        screening = make_screening(starts_at=timezone.now() + timedelta(hours=1), capacity=60)
        members = [make_member() for _ in range(writers)]
        for member in members:
            services.check_in(screening=screening, rsvp_id=services.rsvp(member=member, screening=screening).pk)
        time_machine.move_to(screening.ends_at + timedelta(hours=12), tick=False)
        for member in members:
            services.write_reflection(member=member, screening=screening, ratings=RATINGS, noticed="Noticed.")
        client = Client()
        if logged_in:
            client.force_login(reader)
        with CaptureQueriesContext(connection) as captured:
            page = client.get(screening.get_absolute_url())
        assert page.status_code == 200 and page.content.decode().count("Noticed.") == writers
        return len(captured)

    # A visitor: the screening, its reflections, its comments. A member adds the session, themselves, their
    # RSVP, the door team, their own reflection and whether they were there.
    assert queries_for(1) == queries_for(50) == (9 if logged_in else 3)


def test_the_door_counts_as_used_in_one_way_for_the_archive_and_for_who_was_there(
    make_screening, make_member, time_machine
):
    """Lena was checked in early and then cancelled before the start: nobody going was checked in, so
    the door was not used, and Boris, going, was there, for the archive and for his own page alike."""
    time_machine.move_to(timezone.now(), tick=False)
    screening = make_screening(title="Early door", slug="early-door", starts_at=timezone.now() + timedelta(hours=1))
    lena, boris = make_member(), make_member()
    booking = services.rsvp(member=lena, screening=screening)
    services.rsvp(member=boris, screening=screening)
    services.check_in(screening=screening, rsvp_id=booking.pk)
    services.cancel_rsvp(member=lena, screening=screening)
    time_machine.move_to(screening.ends_at + timedelta(hours=1), tick=False)
    archive = Client().get(reverse("screenings:past")).content.decode()
    assert "1 had seats" in archive
    assert list(Rsvp.objects.filter(screening=screening).attended().values_list("member", flat=True)) == [boris.pk]
