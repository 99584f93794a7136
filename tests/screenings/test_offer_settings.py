"""The offer and door windows come from the environment, in hours, and refuse what is not a number."""

import pytest

from tests.site.test_settings import load_settings

PROBE = "import cranesclub.settings as s; print(s.CLUB_OFFER_WINDOW, s.CLUB_DOOR_WINDOW)"


@pytest.mark.parametrize(
    ("env", "expected"),
    [({}, "1 day, 0:00:00 2:00:00"), ({"CLUB_OFFER_HOURS": "12", "CLUB_DOOR_HOURS": "0.5"}, "12:00:00 0:30:00")],
)
def test_the_windows_are_hours_from_the_environment(env, expected):
    assert load_settings(PROBE, DJANGO_DEBUG="1", **env).stdout.strip() == expected


@pytest.mark.parametrize("value", ["a day", "-1"])
def test_a_window_that_is_not_hours_is_refused(value):
    result = load_settings(PROBE, DJANGO_DEBUG="1", CLUB_OFFER_HOURS=value)
    assert result.returncode != 0 and "CLUB_OFFER_HOURS must be a number of hours" in result.stderr
