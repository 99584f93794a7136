"""A deploy (`make serve`) loads the catalogue again; it must not undo a single curator's edit."""

import re
import shlex
from pathlib import Path

import pytest
from django.core.management import call_command

from facts.models import Category, Fact, FaqEntry, SeedRecord, Source

pytestmark = pytest.mark.django_db

MAKEFILE = Path(__file__).resolve().parents[2] / "Makefile"


def deploy_steps() -> list[list[str]]:
    """The manage.py commands in the recipe of `make serve`, as argument lists."""
    recipe = re.search(r"^serve:.*\n((?:\t.*\n)+)", MAKEFILE.read_text(), re.M).group(1)
    return [shlex.split(line.split("manage.py", 1)[1]) for line in recipe.splitlines() if "manage.py" in line]


def test_make_serve_migrates_and_loads_the_catalogue():
    assert [step[0] for step in deploy_steps()] == ["migrate", "load_catalogue"]


def test_a_deploy_keeps_every_curators_edit():
    call_command("load_catalogue", verbosity=0)
    poster = Fact.objects.get(slug="iconic-poster")
    poster.title, poster.summary, poster.status, poster.published = "The poster", "Curator's words.", "disputed", False
    poster.save()
    palme = Fact.objects.get(slug="palme-dor-winner")
    palme.sources.first().delete()
    Source.objects.create(fact=palme, title="A source a curator found", url="https://example.org/found")
    edited_source = palme.sources.order_by("position").first()
    edited_source.quote = "A curator's quote."
    edited_source.save()
    category = Category.objects.first()
    category.name, category.description = "Renamed by a curator", "New description."
    category.save()
    awards = FaqEntry.objects.get(slug="awards")
    awards.answer = "A curator's answer."
    awards.save()
    awards.facts.set([poster])
    removed_link = FaqEntry.objects.get(slug="director")
    removed_link.facts.clear()
    before = {
        "facts": list(Fact.objects.values().order_by("pk")),
        "sources": list(Source.objects.values().order_by("pk")),
        "categories": list(Category.objects.values().order_by("pk")),
        "faq": list(FaqEntry.objects.values().order_by("pk")),
        "links": list(FaqEntry.facts.through.objects.values_list("faqentry_id", "fact_id").order_by("pk")),
    }

    deploy()

    assert list(Fact.objects.values().order_by("pk")) == before["facts"]
    assert list(Source.objects.values().order_by("pk")) == before["sources"]
    assert list(Category.objects.values().order_by("pk")) == before["categories"]
    assert list(FaqEntry.objects.values().order_by("pk")) == before["faq"]
    assert list(FaqEntry.facts.through.objects.values_list("faqentry_id", "fact_id").order_by("pk")) == before["links"]


def deploy() -> None:
    for step in deploy_steps():
        call_command(*step, verbosity=0)


def test_a_deploy_never_brings_back_what_a_curator_removed_or_renamed_but_update_does():
    call_command("load_catalogue", verbosity=0)
    Fact.objects.filter(slug="iconic-poster").delete()
    Fact.objects.filter(slug="palme-dor-winner").update(slug="golden-palm")
    Category.objects.filter(slug="awards").update(slug="prizes")
    deploy()
    assert not Fact.objects.filter(slug__in=["iconic-poster", "palme-dor-winner"]).exists()
    assert Fact.objects.filter(slug="golden-palm").count() == 1
    assert Category.objects.filter(slug="prizes").exists()
    assert not Category.objects.filter(slug="awards").exists()

    call_command("load_catalogue", "--update", verbosity=0)
    assert Fact.objects.get(slug="iconic-poster").sources.exists()


def test_a_deploy_creates_what_is_new_in_the_seed_with_its_sources_and_links():
    call_command("load_catalogue", verbosity=0)
    Fact.objects.filter(slug="palme-dor-winner").delete()
    FaqEntry.objects.filter(slug="awards").delete()
    SeedRecord.objects.filter(slug__in=["palme-dor-winner", "awards"]).delete()  # as if new in the file
    deploy()
    palme = Fact.objects.get(slug="palme-dor-winner")
    assert palme.sources.count() == 6
    assert palme in FaqEntry.objects.get(slug="awards").facts.all()
