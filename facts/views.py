from math import ceil

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject

from core.pagecache import cached_for_visitors, memory, not_cached, version_for
from facts.forms import MAX_QUERY_LENGTH, FactSearchForm
from facts.models import Category, Fact, FaqEntry
from facts.structured_data import claim_review


@cached_for_visitors(params=("q", "category", "page"))
def fact_list(request: HttpRequest) -> HttpResponse:
    """A member whose fragment is warm costs no query here: the categories (for the title) are kept in
    this process under the content version, and the page of facts is read only to render the fragment."""
    category_slug = request.GET.get("category", "")
    # PostgreSQL cannot compare text holding NUL characters, and no fact contains one.
    query = request.GET.get("q", "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]
    page_number = _page_number(request.GET.get("page"))
    categories = memory.value("categories", version_for(request), (), _categories)
    category = next((c for c in categories if c.slug == category_slug), None)
    total = sum(c.published_count for c in categories)

    def page():
        facts = Fact.objects.published().for_list()
        if category_slug:
            facts = facts.filter(category=category) if category else facts.none()
        if query:
            facts = facts.search(query)
        return Paginator(facts, settings.FACTS_PER_PAGE).get_page(page_number)

    # Only the pages the site links to are cached: no search, a category that exists, a page in range.
    listed = category.published_count if category else total
    cacheable = (
        not query
        and (category is not None or not category_slug)
        and page_number <= max(ceil(listed / settings.FACTS_PER_PAGE), 1)
    )
    context = {
        "page": SimpleLazyObject(page),
        "page_number": page_number,
        "categories": categories,
        "total": total,
        "category": category,
        "category_slug": category_slug,
        "query": query,
        "cacheable": cacheable,
        "search": SimpleLazyObject(lambda: FactSearchForm(query=query, category=category_slug, categories=categories)),
    }
    response = render(request, "facts/fact_list.html", context)
    return response if cacheable else not_cached(response)


def _categories() -> list[Category]:
    return list(Category.objects.with_published_counts())


def _page_number(value) -> int:
    try:
        return max(int(value), 1)
    except (TypeError, ValueError):
        return 1


@cached_for_visitors(params=("comments",))
def fact_detail(request: HttpRequest, slug: str) -> HttpResponse:
    fact, structured_data = memory.value("fact", version_for(request), (slug,), lambda: _fact_and_data(slug))
    # Read only when the page's fragment is rendered, not when it is warm.
    around = SimpleLazyObject(lambda: Fact.objects.published().for_list().around(fact))
    context = {"fact": fact, "around": around, "structured_data": structured_data}
    response = render(request, "facts/fact_detail.html", context)
    # Later pages of comments are rendered each time (strangers could ask for any number).
    return response if request.GET.get("comments", "1") == "1" else not_cached(response)


def _fact_and_data(slug: str) -> tuple[Fact, dict | None]:
    """The published fact at `slug` and its structured data, kept in this process under the content version
    (a slug no fact has raises Http404, which nothing keeps)."""
    fact = Fact.objects.published().select_related("category").filter(slug=slug).first()
    if fact is None:
        raise Http404("No published fact has this address.")
    return fact, claim_review(fact)


@cached_for_visitors
def faq(request: HttpRequest) -> HttpResponse:
    entries = FaqEntry.objects.published().prefetch_related(
        Prefetch("facts", queryset=Fact.objects.published().only("title", "slug"))
    )
    return render(request, "facts/faq.html", {"entries": entries})
