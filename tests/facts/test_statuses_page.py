"""The rubric in public: /facts/statuses/ says where the facts come from and what the club changed, explains
each status with an example from the catalogue, counts the facts of each, and every status badge links to it."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from facts.models import EXAMPLES, RUBRIC, Change, Fact, Status

pytestmark = pytest.mark.django_db
URL = "/facts/statuses/"


@pytest.fixture
def catalogue(db):
    call_command("load_catalogue", stdout=StringIO())


def visitor_sees(path: str) -> str:
    response = Client().get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def count_shown(page: str, status: Status) -> int:
    row = re.search(rf'\?status={status.value}">{status.label}</a></th><td class="text-end">(\d+)</td>', page)
    return int(row.group(1))


def test_the_page_explains_each_status_with_an_example_and_counts_the_facts(catalogue):
    page = visitor_sees(reverse("facts:statuses"))
    assert reverse("facts:statuses") == URL
    for status in Status:
        assert f'id="status-{status.value}"' in page
        assert f"{RUBRIC[status][0].upper()}{RUBRIC[status][1:]}." in page.replace("&#x27;", "'")
        example = Fact.objects.get(slug=EXAMPLES[status])
        assert f'<a href="{example.get_absolute_url()}">{example.title}</a>' in page
        assert count_shown(page, status) == Fact.objects.filter(status=status).count()
    assert sum(count_shown(page, status) for status in Status) == 39
    assert "39 fascinating facts" in page and "names no publisher" in page


def test_the_page_says_what_the_club_changed_naming_where_the_article_was_wrong(catalogue):
    page = visitor_sees(URL)
    for fact in Fact.objects.filter(status__in=[Status.REFUTED, Status.DISPUTED]):
        assert f'<a href="{fact.get_absolute_url()}">{fact.title}</a>' in page
    assert reverse("facts:changes") in page and reverse("facts:faq") in page


def test_an_example_that_changes_status_gives_way_and_the_counts_follow(catalogue):
    cranes = Fact.objects.get(slug=EXAMPLES[Status.OPINION])
    cranes.status = Status.DISPUTED
    cranes.save()
    page = visitor_sees(URL)
    first_opinion = Fact.objects.filter(status=Status.OPINION).first()
    opinion = page[page.index('id="status-opinion"') :]
    assert f'For example:</strong> <a href="{first_opinion.get_absolute_url()}">' in opinion
    assert count_shown(page, Status.DISPUTED) == 4 and count_shown(page, Status.OPINION) == 20


def test_a_status_without_facts_shows_no_example_and_unpublished_facts_are_not_counted(fact, make_fact):
    make_fact(status=Status.REFUTED, published=False)
    page = visitor_sees(URL)
    assert count_shown(page, Status.VERIFIED) == 1 and count_shown(page, Status.REFUTED) == 0
    refuted = page[page.index('id="status-refuted"') : page.index('id="status-opinion"')]
    assert "For example" not in refuted


def test_every_status_badge_links_to_its_rule(fact):
    fact.featured = True
    fact.save()
    Change.objects.create(fact=fact, kind=Change.Kind.STATUS, old_status=Status.REFUTED, new_status=Status.VERIFIED)
    badge = f'<a class="status status-verified" href="{URL}#status-verified"'
    for path in (reverse("facts:list"), fact.get_absolute_url(), reverse("facts:changes"), reverse("home:index")):
        assert badge in visitor_sees(path), path
    assert f'href="{URL}#status-refuted"' in visitor_sees(reverse("facts:changes"))


def test_the_catalogue_and_the_sitemap_link_to_it(fact):
    assert f'href="{URL}"' in visitor_sees(reverse("facts:list"))
    assert f"https://cranes.example{URL}</loc>" in visitor_sees("/sitemap.xml")


def test_visitors_get_it_from_the_cache_and_a_change_of_status_retires_it(fact, django_assert_num_queries):
    assert count_shown(visitor_sees(URL), Status.VERIFIED) == 1
    with django_assert_num_queries(0):
        visitor_sees(URL)
    fact.status = Status.OPINION
    fact.save()
    assert count_shown(visitor_sees(URL), Status.OPINION) == 1


@pytest.mark.parametrize("query", ["?status=nonsense", "?page=9999", "?x=%00", "?status=verified&status=opinion"])
def test_odd_addresses_still_answer(fact, query):
    assert "What the statuses mean" in visitor_sees(URL + query)
