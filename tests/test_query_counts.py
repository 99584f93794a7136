"""Each page runs a fixed number of queries, however many facts there are."""

import pytest
from django.urls import reverse

from facts.models import FaqEntry, Source

pytestmark = pytest.mark.django_db


def make_many(make_fact, count):
    facts = [make_fact(featured=True) for _ in range(count)]
    for fact in facts:
        Source.objects.create(fact=fact, title="A source")
        entry = FaqEntry.objects.create(question=f"About {fact.slug}?", slug=fact.slug, answer="Yes.")
        entry.facts.add(fact)
    return facts


PAGES = {
    "home": (lambda facts: reverse("facts:home"), 1),
    "fact list": (lambda facts: reverse("facts:list"), 3),
    "fact search": (lambda facts: reverse("facts:list") + "?q=fact&category=awards", 3),
    "fact detail": (lambda facts: facts[len(facts) // 2].get_absolute_url(), 5),
    "faq": (lambda facts: reverse("facts:faq"), 2),
}


@pytest.mark.parametrize("count", [1, 50])
@pytest.mark.parametrize("page", PAGES)
def test_page_query_count_does_not_grow_with_facts(client, make_fact, django_assert_num_queries, page, count):
    url_for, expected = PAGES[page]
    url = url_for(make_many(make_fact, count))
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200
