from urllib.parse import unquote

import pytest
from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse, set_script_prefix

from core.context_processors import site, svg_data_address


@pytest.fixture
def script_prefix():
    yield set_script_prefix
    set_script_prefix("/")


def test_every_page_links_the_layout_by_its_reversed_addresses(client, db):
    html = client.get(reverse("facts:faq")).content.decode()
    for name in (
        "home:index",
        "facts:list",
        "screenings:list",
        "discussion:latest",
        "fact_feed",
        "home:about",
        "home:contact",
        "home:privacy",
    ):
        assert f'href="{reverse(name)}"' in html, name
    for name in ("account_login", "account_signup"):  # with the page to come back to (tests/members/test_returning.py)
        assert f'href="{reverse(name)}?next=' in html, name
    assert f'href="{reverse("facts:faq")}" aria-current="page"' in html
    assert "<style>" in html and 'rel="stylesheet"' not in html  # the stylesheet is inlined (core.stylesheet)
    # The mark and the tab's icon travel in the page: it paints without asking the server for anything else.
    assert '<a class="wordmark" href="/">\n        <svg viewBox="0 0 60 40"' in html and "<img" not in html
    assert '<link rel="icon" href="data:image/svg+xml,%3Csvg' in html


def test_members_get_the_log_out_form(client, member):
    client.force_login(member)
    assert f'action="{reverse("account_logout")}"' in client.get(reverse("home:index")).content.decode()


def test_layout_links_follow_the_script_prefix(rf, script_prefix):
    script_prefix("/club/")
    context = site(rf.get("/"))
    assert context["nav"] == {key: reverse(name) for key, name in settings.LAYOUT_LINKS.items()}
    assert context["nav"]["faq"] == "/club/faq/"
    assert context["asset"] == {key: static(path) for key, path in settings.LAYOUT_ASSETS.items()}


def test_the_icon_is_the_static_svg_as_a_data_address():
    address = svg_data_address("img/favicon.svg")
    svg = (settings.BASE_DIR / "static" / "img" / "favicon.svg").read_text().strip()
    assert address.startswith("data:image/svg+xml,") and unquote(address.split(",", 1)[1]) == svg
    assert not set(address) & set(' "<>')  # nothing that ends or breaks the attribute it sits in


@pytest.mark.parametrize(
    ("path", "section"),
    [("/club/facts/", "facts"), ("/club/facts/palme-dor-winner/", "facts"), ("/club/faq/", "faq"),
     ("/club/screenings/past/", "screenings"), ("/club/discussion/", "discussion"), ("/club/", None),
     ("/club/members/veronika/", None)],
)  # fmt: skip
def test_the_menu_marks_the_section_of_the_page_under_a_script_prefix(rf, script_prefix, path, section):
    script_prefix("/club/")
    assert site(rf.get(path))["section"] == section


def test_a_fact_page_marks_facts_in_the_menu(client, fact):
    html = client.get(fact.get_absolute_url()).content.decode()
    assert f'href="{reverse("facts:list")}" aria-current="page"' in html
    assert f'href="{reverse("facts:faq")}" aria-current' not in html
