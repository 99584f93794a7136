import pytest
from django.urls import reverse

from facts.models import Fact

pytestmark = pytest.mark.django_db


def test_home_shows_the_film_and_featured_facts(client, make_fact):
    make_fact(title="Featured one", featured=True)
    make_fact(title="Not featured")
    response = client.get(reverse("home:index"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "The Cranes Are Flying" in content
    assert "Mikhail Kalatozov" in content
    assert "Sergei Urusevsky" in content
    assert "Featured one" in content
    assert "Not featured" not in content


def test_fact_list_paginates_all_published_facts(client, make_fact, settings):
    for _ in range(settings.FACTS_PER_PAGE + 3):
        make_fact()
    first = client.get(reverse("facts:list"))
    second = client.get(reverse("facts:list"), {"page": 2})
    assert len(first.context["page"]) == settings.FACTS_PER_PAGE
    assert len(second.context["page"]) == 3
    assert f"{settings.FACTS_PER_PAGE + 3} facts" in first.content.decode()


def test_search_finds_the_palme_dor_fact(client, fact, make_fact):
    make_fact(title="Moving Score")
    response = client.get(reverse("facts:list"), {"q": "palme"})
    assert [f.slug for f in response.context["page"]] == ["palme-dor-winner"]
    assert "1 fact matching" in response.content.decode()


def test_category_filter_narrows_the_list(client, make_fact, other_category):
    make_fact(title="An award")
    music = make_fact(title="A score", category=other_category)
    response = client.get(reverse("facts:list"), {"category": "music"})
    assert list(response.context["page"]) == [music]


def test_unknown_category_shows_an_empty_list_and_says_so(client, fact):
    response = client.get(reverse("facts:list"), {"category": "nonsense"})
    assert response.status_code == 200
    assert list(response.context["page"]) == []
    assert "no category called" in response.content.decode()


@pytest.mark.parametrize("page", ["99999", "abc", "-1", "0", ""])
def test_odd_page_numbers_still_answer(client, fact, page):
    assert client.get(reverse("facts:list"), {"page": page}).status_code == 200


def test_a_very_long_query_is_cut_not_refused(client, fact):
    response = client.get(reverse("facts:list"), {"q": "palme " + "x" * 5000})
    assert response.status_code == 200
    assert len(response.context["query"]) == 100


def test_user_text_in_the_query_is_escaped(client, fact):
    response = client.get(reverse("facts:list"), {"q": "<script>alert(1)</script>"})
    assert b"<script>alert(1)" not in response.content
    assert b"&lt;script&gt;" in response.content


def test_unpublished_facts_disappear_from_the_site(client, fact, make_fact):
    hidden = make_fact(title="Hidden fact", published=False)
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert "Hidden fact" not in client.get(reverse("facts:list")).content.decode()
    assert client.get(fact.get_absolute_url()).status_code == 200


def test_missing_fact_is_a_designed_404(client, db):
    response = client.get("/facts/no-such/")
    assert response.status_code == 404
    assert "This page has flown" in response.content.decode()


def test_fact_detail_shows_status_sources_neighbours_and_related(client, make_fact, fact):
    before = make_fact(title="Earlier", position=0)
    after = make_fact(title="Later")
    fact.claim = "It won at Cannes."
    fact.status_note = "The palmarès confirms it."
    fact.save()
    response = client.get(fact.get_absolute_url())
    content = response.content.decode()
    assert "status-verified" in content
    assert "Palmarès du Festival 1958" in content
    assert "It won at Cannes." in content and "The palmarès confirms it." in content
    assert response.context["around"].previous == before
    assert response.context["around"].next == after
    assert set(response.context["around"].related) == {before, after}


def test_spoiler_fact_renders_collapsed(client, make_fact):
    fact = make_fact(spoiler=True, body="Boris dies in the marsh.")
    content = client.get(fact.get_absolute_url()).content.decode()
    assert '<details class="spoiler">' in content
    assert content.index("<details") < content.index("Boris dies in the marsh.")


def test_faq_lists_entries_with_anchors_and_links_to_facts(client, faq_entry, fact):
    content = client.get(reverse("facts:faq")).content.decode()
    assert 'id="awards"' in content
    assert 'href="#awards"' in content
    assert f'href="{fact.get_absolute_url()}"' in content


def test_faq_does_not_link_to_unpublished_facts(client, faq_entry, fact):
    Fact.objects.filter(pk=fact.pk).update(published=False)
    assert fact.get_absolute_url() not in client.get(reverse("facts:faq")).content.decode()


def test_health_check_answers_when_the_database_does(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content.startswith(b"ok\nqueue: ")


def test_robots_txt_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert b"Disallow: /admin/" in response.content


def test_server_error_page_is_designed_and_needs_no_database(rf, django_assert_num_queries):
    from core.views import server_error

    with django_assert_num_queries(0):
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
