import pytest
from django.db.models import ProtectedError

from facts.models import Fact, FaqEntry, Status

pytestmark = pytest.mark.django_db


def test_published_hides_unpublished_facts(make_fact):
    shown = make_fact()
    make_fact(published=False)
    assert list(Fact.objects.published()) == [shown]


def test_search_matches_every_word_in_title_or_text(make_fact):
    palme = make_fact(title="Palme d’Or Winner", body="The jury of Cannes gave the award.")
    make_fact(title="Moving Score", body="Weinberg wrote the music.")
    assert list(Fact.objects.search("palme cannes")) == [palme]
    assert list(Fact.objects.search("PALME")) == [palme]
    assert list(Fact.objects.search("palme weinberg")) == []


def test_neighbours_follow_position_and_break_ties_by_id(make_fact):
    first = make_fact(position=1)
    tie_a = make_fact(position=2)
    tie_b = make_fact(position=2)
    last = make_fact(position=3)
    facts = Fact.objects.all()
    assert facts.before(tie_b).first() == tie_a
    assert facts.after(tie_a).first() == tie_b
    assert facts.before(first).first() is None
    assert facts.after(last).first() is None


def test_related_to_keeps_the_category_and_leaves_out_the_fact(make_fact, other_category):
    fact = make_fact()
    same = make_fact()
    make_fact(category=other_category)
    assert list(Fact.objects.related_to(fact)) == [same]


def test_paragraphs_split_on_blank_lines(make_fact):
    fact = make_fact(body="First.\n\nSecond,\nwith a break.\n\n\n")
    assert fact.paragraphs == ["First.", "Second,\nwith a break."]


def test_urls(fact, faq_entry):
    assert fact.get_absolute_url() == "/facts/palme-dor-winner/"
    assert fact.category.get_absolute_url() == "/facts/?category=awards"
    assert faq_entry.get_absolute_url() == "/faq/#awards"


def test_a_category_with_facts_cannot_be_deleted(fact):
    with pytest.raises(ProtectedError):
        fact.category.delete()


def test_status_defaults_to_unverified(make_fact):
    assert make_fact().status == Status.UNVERIFIED


def test_faq_published(faq_entry):
    FaqEntry.objects.create(question="Hidden?", slug="hidden", answer="Yes.", published=False)
    assert list(FaqEntry.objects.published()) == [faq_entry]
