import pytest
from django.template import Context, Template
from django.utils import timezone


@pytest.mark.parametrize(
    ("zone", "said"),
    [
        ("Europe/London", "London"),
        ("America/New_York", "New York"),
        ("America/Argentina/Buenos_Aires", "Buenos Aires"),
        ("UTC", "UTC"),
    ],
)
def test_a_time_zone_is_said_as_its_place(zone, said):
    assert Template("{% load club_time %}{{ zone|place_name }}").render(Context({"zone": zone})) == said


def test_the_clubs_time_zone_reads_as_london_time(settings):
    """What the screenings list says under its heading ("Times are in London time.")."""
    settings.TIME_ZONE = "Europe/London"
    template = Template(
        "{% load tz club_time %}{% get_current_timezone as club_tz %}Times are in {{ club_tz|place_name }} time."
    )
    with timezone.override("Europe/London"):
        assert template.render(Context()) == "Times are in London time."
