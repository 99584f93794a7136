from io import StringIO

import pytest
from django.core.management import call_command

from facts.catalogue import read_seed
from facts.models import Category, Fact, FaqEntry, Source, Status

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_the_seed_holds_39_facts_8_questions_and_at_least_5_categories():
    data = read_seed()
    assert len(data["facts"]) == 39
    assert len(data["faq"]) == 8
    assert len(data["categories"]) >= 5
    assert {fact["status"] for fact in data["facts"]} <= set(Status.values)


def test_loading_the_catalogue_twice_gives_39_facts_not_78():
    first = run("load_catalogue")
    second = run("load_catalogue")
    assert Fact.objects.count() == 39
    assert FaqEntry.objects.count() == 8
    assert "39" not in second.split("created")[0]
    assert "0 created, 0 updated, 0 kept" in second
    assert "created" in first


def test_loaded_facts_keep_the_article_order_and_carry_sources():
    run("load_catalogue")
    titles = list(Fact.objects.values_list("title", flat=True))
    assert titles[0] == "Groundbreaking Cinematography"
    assert titles[1] == "Palme d’Or Winner"
    assert titles[-1] == "Cultural Representation"
    assert Fact.objects.get(slug="palme-dor-winner").sources.exists()
    assert Category.objects.filter(facts__isnull=False).distinct().count() >= 5


def test_the_seed_corrects_the_articles_errors():
    run("load_catalogue")
    award = Fact.objects.get(slug="award-winning-performances")
    assert award.status == Status.REFUTED
    assert "special mention" in award.summary
    play = Fact.objects.get(slug="based-on-a-play")
    assert "Forever Alive" in play.summary
    assert play.status == Status.DISPUTED
    awards_answer = FaqEntry.objects.get(slug="awards").answer
    assert "did not win a Golden Globe" in awards_answer
    assert "special mention" in awards_answer
    assert Fact.objects.get(slug="iconic-poster").status == Status.UNVERIFIED


def test_dry_run_reports_and_saves_nothing():
    out = run("load_catalogue", "--dry-run")
    assert "created fact palme-dor-winner" in out
    assert "Dry run" in out
    assert Fact.objects.count() == 0


def test_curator_edits_survive_a_reload_unless_update_is_asked_for():
    run("load_catalogue")
    Fact.objects.filter(slug="iconic-poster").update(summary="A curator's wording.")
    Source.objects.filter(fact__slug="palme-dor-winner").delete()

    out = run("load_catalogue")
    assert "kept fact iconic-poster (edited by a curator since it was loaded" in out
    assert Fact.objects.get(slug="iconic-poster").summary == "A curator's wording."

    dry = run("load_catalogue", "--update", "--dry-run")
    assert "updated fact iconic-poster (summary)" in dry
    assert "updated fact palme-dor-winner (sources)" in dry
    assert Fact.objects.get(slug="iconic-poster").summary == "A curator's wording."

    run("load_catalogue", "--update")
    assert Fact.objects.get(slug="iconic-poster").summary != "A curator's wording."
    assert Source.objects.filter(fact__slug="palme-dor-winner").count() == 6
    assert "0 created, 0 updated, 0 kept" in run("load_catalogue")


def test_the_faq_answers_the_clubs_own_questions():
    """Besides the film, a newcomer asks how to join, what a screening is like and how the facts are checked."""
    run("load_catalogue")
    questions = dict(FaqEntry.objects.published().values_list("slug", "question"))
    assert questions["joining"] == "How do I join the club?"
    assert questions["screenings"] == "What is a club screening like?"
    assert questions["checking"] == "How does the club check its facts?"
