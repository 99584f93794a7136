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


@pytest.mark.parametrize("name", ["CLUB_OFFER_HOURS", "CLUB_DOOR_HOURS"])
@pytest.mark.parametrize("value", ["a day", "-1", "nan", "inf", "-inf", "1e12", "721", "0x10"])
def test_a_window_that_is_not_hours_is_refused_clearly_at_the_start(name, value):
    result = load_settings(PROBE, DJANGO_DEBUG="1", **{name: value})
    assert result.returncode != 0
    assert f"ImproperlyConfigured: {name} must be a number of hours from" in result.stderr
    assert f"got {value!r}" in result.stderr


@pytest.mark.parametrize("value", ["0", "0.1"])
def test_an_offer_window_too_short_to_claim_in_is_refused(value):
    result = load_settings(PROBE, DJANGO_DEBUG="1", CLUB_OFFER_HOURS=value)
    assert "CLUB_OFFER_HOURS must be a number of hours from 0.25 to 720" in result.stderr


def test_no_door_window_is_allowed():
    assert load_settings(PROBE, DJANGO_DEBUG="1", CLUB_DOOR_HOURS="0").stdout.strip() == "1 day, 0:00:00 0:00:00"
