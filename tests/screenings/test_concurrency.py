"""Many members RSVP at the same moment: the screening's lock must keep the count exact."""

import threading

import pytest
from django.db import connection

from screenings import services
from screenings.models import Rsvp, RsvpStatus


def rsvp_all_at_once(members, screening, seats_each=0):
    start = threading.Barrier(len(members))
    errors = []

    def attempt(member):
        try:
            start.wait()
            services.rsvp(member=member, screening=screening, guests=seats_each)
        except Exception as error:  # collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(m,)) for m in members]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("run", range(5))
def test_forty_concurrent_rsvps_for_ten_seats_give_ten_going_and_thirty_waiting(make_screening, make_member, run):
    screening = make_screening(capacity=10)
    members = [make_member() for _ in range(40)]

    assert rsvp_all_at_once(members, screening) == []

    rsvps = Rsvp.objects.filter(screening=screening)
    assert rsvps.filter(status=RsvpStatus.GOING).count() == 10
    assert rsvps.filter(status=RsvpStatus.WAITLISTED).count() == 30


@pytest.mark.django_db(transaction=True)
def test_a_double_click_from_many_threads_makes_one_rsvp(make_screening, member):
    screening = make_screening(capacity=10)
    assert rsvp_all_at_once([member] * 8, screening) == []
    assert Rsvp.objects.filter(member=member).count() == 1
