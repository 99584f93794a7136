import pytest
from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse, set_script_prefix

from core.context_processors import site


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
    assert f'src="{static("img/crane-mark.svg")}"' in html


def test_members_get_the_log_out_form(client, member):
    client.force_login(member)
    assert f'action="{reverse("account_logout")}"' in client.get(reverse("home:index")).content.decode()


def test_layout_links_follow_the_script_prefix(rf, script_prefix):
    script_prefix("/club/")
    context = site(rf.get("/"))
    assert context["nav"] == {key: reverse(name) for key, name in settings.LAYOUT_LINKS.items()}
    assert context["nav"]["faq"] == "/club/faq/"
    assert context["asset"] == {key: static(path) for key, path in settings.LAYOUT_ASSETS.items()}


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
