import json
import re

import pytest
from django.urls import reverse

from facts.models import Status
from screenings import services
from tests.conftest import without_stylesheet

pytestmark = pytest.mark.django_db


LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def structured_data(html: str) -> list[dict]:
    return [json.loads(block) for block in LD_JSON.findall(html)]


def test_sitemap_lists_pages_published_facts_and_screenings(client, fact, make_fact, screening):
    hidden = make_fact(published=False)
    xml = client.get("/sitemap.xml").content.decode()
    assert f"{fact.get_absolute_url()}</loc>" in xml
    assert f"{screening.get_absolute_url()}</loc>" in xml
    assert f"{reverse('facts:faq')}</loc>" in xml
    assert hidden.get_absolute_url() not in xml


def test_robots_txt_points_to_the_sitemap(client):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: https://cranes.example/sitemap.xml" in text


@pytest.mark.parametrize("path", ["/feeds/facts/", "/feeds/facts/atom/"])
def test_fact_feeds_list_published_facts_without_spoilers(client, fact, make_fact, path):
    make_fact(title="Hidden", published=False)
    make_fact(title="The ending", summary="Boris dies.", spoiler=True)
    content = client.get(path).content.decode()
    assert "Palme d’Or Winner (verified)" in content
    assert "Hidden" not in content
    assert "Boris dies." not in content


def test_pages_carry_canonical_and_social_tags(client, fact):
    html = client.get(fact.get_absolute_url()).content.decode()
    assert f'<link rel="canonical" href="https://cranes.example{fact.get_absolute_url()}">' in html
    assert '<meta property="og:title" content="Palme d’Or Winner · Cranes Club">' in html
    assert '<meta property="og:image" content="https://cranes.example/static/img/og-cranes.png">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_fact_list_canonical_keeps_category_and_page_but_not_search(client, fact):
    html = client.get(reverse("facts:list"), {"category": "awards", "q": "palme"}).content.decode()
    assert '<link rel="canonical" href="https://cranes.example/facts/?category=awards">' in html


def test_home_describes_the_movie(client, db):
    (movie,) = structured_data(client.get("/").content.decode())
    assert movie["@type"] == "Movie"
    assert movie["director"]["name"] == "Mikhail Kalatozov"
    assert movie["name"] == "The Cranes Are Flying"


def test_screening_page_is_a_screening_event_with_its_status(client, screening):
    (event,) = structured_data(client.get(screening.get_absolute_url()).content.decode())
    assert event["@type"] == "ScreeningEvent"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    services.cancel_screening(screening=screening)
    (event,) = structured_data(client.get(screening.get_absolute_url()).content.decode())
    assert event["eventStatus"] == "https://schema.org/EventCancelled"


def test_refuted_facts_carry_a_claim_review_and_others_do_not(client, fact, make_fact):
    refuted = make_fact(status=Status.REFUTED, claim="She won </script><script>alert(1)</script> Best Actress.")
    html = client.get(refuted.get_absolute_url()).content.decode()
    (review,) = structured_data(html)
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == "She won </script><script>alert(1)</script> Best Actress."
    assert review["reviewRating"]["alternateName"] == "False"
    assert "<script>alert(1)" not in html
    assert structured_data(client.get(fact.get_absolute_url()).content.decode()) == []


@pytest.mark.parametrize(
    "path", ["/sitemap.xml", "/feeds/facts/", "/feeds/facts/atom/", "/feeds/screenings/", "/screenings/"]
)
def test_absolute_links_come_from_site_url_whatever_the_host(client, fact, screening, path):
    content = without_stylesheet(client.get(path, headers={"host": "127.0.0.1:6666"}).content.decode())
    assert "cranes.example" in content
    assert "6666" not in content
