"""The fact-check's corrections are on the pages and every status follows the rubric."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from facts.models import RUBRIC, Fact, Source, Status
from facts.structured_data import claim_review


@pytest.fixture
def catalogue(db):
    call_command("load_catalogue", stdout=StringIO())


def page(path: str) -> str:
    response = Client().get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def fact_page(slug: str) -> str:
    return page(Fact.objects.get(slug=slug).get_absolute_url())


def test_kalatozov_and_urusevsky_began_with_the_first_echelon_and_he_with_their_kingdom(catalogue):
    text = fact_page("cinematic-masterpiece")
    assert "The First Echelon" in text and "1955" in text
    assert "Their Kingdom (1928)" in text
    assert "start of a partnership" not in text and "had begun with the documentary" not in text


def test_statuses_follow_the_fact_check(catalogue):
    statuses = dict(Fact.objects.values_list("slug", "status"))
    assert statuses["based-on-a-play"] == Status.REFUTED
    for judgement in (
        "symbolism-of-cranes",
        "timeless-storytelling",
        "enduring-legacy",
        "deeply-moving-narrative",
        "emotional-rollercoaster",
        "cinematic-masterpiece",
    ):
        assert statuses[judgement] == Status.OPINION, judgement
    assert statuses["critically-reassessed"] == Status.UNVERIFIED
    assert statuses["influential-filmmaking-techniques"] == Status.DISPUTED
    assert '<span class="status status-refuted">Refuted</span>' in fact_page("based-on-a-play")
    assert '<span class="status status-opinion">Opinion</span>' in fact_page("symbolism-of-cranes")


def test_the_camera_was_not_new_to_soviet_cinema(catalogue):
    text = fact_page("influential-filmmaking-techniques")
    assert "new to Soviet cinema in 1957" not in Fact.objects.get(slug="influential-filmmaking-techniques").summary
    assert "Soviet silent film" in text and "already used a moving, expressive camera" in text


def test_the_awards_answer_has_the_bafta_nominations_and_the_palme_its_caveat(catalogue):
    faq = page("/faq/")
    assert "Best Film from any Source" in faq and "Best Foreign Actress" in faq
    assert "BAFTA&#x27;s own awards database" in faq or "BAFTA's own awards database" in faq
    assert "first given in 1955" in faq
    palme = fact_page("palme-dor-winner")
    assert "The Turning Point" in palme and "1946" in palme and "shared it with ten other films" in palme
    recognition = Fact.objects.get(slug="international-recognition")
    assert "secondary sources only" not in recognition.status_note
    assert recognition.sources.filter(publisher__icontains="British Academy").exclude(url="").exists()
    assert "Order of Honour" in fact_page("international-recognition")


def test_citations_are_mended(catalogue):
    assert not Source.objects.filter(url="https://www.bostonglobe.com/2019/12/15/arts/").exists()
    assert not Source.objects.filter(publisher__icontains="kraft-media").exists()
    assert not Source.objects.filter(publisher__icontains="spinningimage").exists()
    assert Source.objects.filter(publisher="The Times").exclude(url="").exists()


def test_every_verified_fact_cites_a_source_with_a_link(catalogue):
    for fact in Fact.objects.filter(status=Status.VERIFIED):
        assert fact.sources.exclude(url="").exists(), f"{fact.slug} is verified but cites no source with a link"


def test_a_curator_cannot_mark_a_fact_verified_without_a_source_with_a_link(fact, curator_client):
    from tests.facts.test_suggestions import admin_form_data

    fact.sources.all().delete()
    url = f"/admin/facts/fact/{fact.pk}/change/"
    response = curator_client.post(url, admin_form_data(fact, status=Status.VERIFIED))
    assert response.status_code == 200 and "cites at least one source with a link" in response.content.decode()
    sourced = admin_form_data(
        fact,
        status=Status.VERIFIED,
        **{
            "sources-TOTAL_FORMS": "1",
            "sources-0-title": "The palmarès",
            "sources-0-url": "https://example.org/p",
            "sources-0-position": "1",
        },
    )
    assert curator_client.post(url, sourced).status_code == 302
    assert fact.sources.get().url == "https://example.org/p"


def test_every_status_has_its_rule_in_the_admin_and_opinions_get_no_claim_review(catalogue):
    help_text = Fact._meta.get_field("status").help_text
    assert set(RUBRIC) == set(Status)
    for status in Status:
        assert status.label in help_text
    for fact in Fact.objects.filter(status=Status.OPINION):
        assert claim_review(fact) is None
    assert claim_review(Fact.objects.get(slug="based-on-a-play"))["reviewRating"]["alternateName"] == "False"


def test_the_catalogue_filters_by_status(catalogue):
    text = page("/facts/?status=opinion")
    assert "11 facts" in text and ", marked opinion" in text
    assert "Palme d’Or Winner" not in text
    assert "no status called" in page("/facts/?status=nonsense")
