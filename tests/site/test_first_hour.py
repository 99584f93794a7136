"""A fresh site does not look empty, and a visitor finds the pages they look for: about the club, how to reach it,
and what it keeps about its members (from the personal-data registry, every section in its own words)."""

import pytest
from django.urls import reverse

from core import personal_data

pytestmark = pytest.mark.django_db


def test_an_empty_discussion_says_what_will_appear_and_how_to_start(client):
    page = client.get(reverse("discussion:latest")).content.decode()
    assert "comments on the facts and the screenings will appear here" in page
    assert f'href="{reverse("facts:list")}">fact</a>' in page
    assert f'href="{reverse("account_signup")}">join the club</a>' in page


def test_an_empty_list_of_changes_says_what_will_appear_and_how_to_start(client):
    page = client.get(reverse("facts:changes")).content.decode()
    assert "When one is, it will appear here with the date" in page
    assert "suggest a correction" in page


@pytest.mark.parametrize("name", ["home:about", "home:contact", "home:privacy"])
def test_the_footer_links_about_contact_and_privacy_and_each_page_answers(client, name):
    home = client.get(reverse("home:index")).content.decode()
    footer = home.split('<footer class="site-footer">', 1)[1]
    assert f'href="{reverse(name)}"' in footer
    assert client.get(reverse(name)).status_code == 200


def test_tell_a_curator_is_a_link_to_how_to_tell_one(client):
    footer = client.get(reverse("home:index")).content.decode().split('<footer class="site-footer">', 1)[1]
    assert f'<a href="{reverse("home:contact")}#corrections">Tell a curator</a>' in footer
    contact = client.get(reverse("home:contact")).content.decode()
    assert 'id="corrections"' in contact and "Suggest a correction" in contact


def test_the_about_page_shows_the_clubs_own_words_from_the_catalogue(client):
    from django.core.management import call_command

    call_command("load_catalogue", verbosity=0)
    page = client.get(reverse("home:about")).content.decode()
    assert "Cranes Club is a film society devoted to one film" in page
    assert f'href="{reverse("facts:statuses")}"' in page


def test_the_contact_page_gives_the_clubs_address(client, settings):
    settings.CLUB_CONTACT_EMAIL = "curators@cranes.example"
    page = client.get(reverse("home:contact")).content.decode()
    assert '<a href="mailto:curators@cranes.example">curators@cranes.example</a>' in page


def test_the_privacy_page_says_what_each_section_of_a_members_data_is_and_how_long_it_is_kept(client):
    page = client.get(reverse("home:privacy")).content.decode()
    described = {name: s for name, s in personal_data.sections().items() if s.what}
    for name in (
        "profile", "emails", "sessions", "suggestions", "credited_corrections", "comments", "reports", "rsvps",
        "screening_nights",
    ):  # fmt: skip
        assert name in described, f"{name} does not say what it keeps"
        section = described[name]
        assert section.kept, f"{name} does not say how long"
        assert section.what.replace("'", "&#x27;") in page, name
        assert section.kept.replace("'", "&#x27;") in page, name
    assert f'href="{reverse("members:data")}">Download my data</a>' in page
    assert f'href="{reverse("members:close")}">Delete my account</a>' in page


def test_the_privacy_page_says_a_sessions_town_is_not_stored(client):
    page = client.get(reverse("home:privacy")).content.decode()
    assert "the town is not stored" in page


def test_search_engines_find_the_clubs_own_pages(client):
    xml = client.get("/sitemap.xml").content.decode()
    for name in ("home:about", "home:contact", "home:privacy"):
        assert f"<loc>https://cranes.example{reverse(name)}</loc>" in xml, name


def test_past_screenings_say_what_will_appear_and_how_to_start_before_there_are_any(client):
    page = client.get(reverse("screenings:past")).content.decode()
    assert "will be listed here once the first has taken place" in page
    assert f'href="{reverse("screenings:list")}"' in page


def test_the_screenings_list_says_london_time_not_europe_london(client):
    page = client.get(reverse("screenings:list")).content.decode()
    assert "Times are in London time." in page and "Europe/London" not in page
