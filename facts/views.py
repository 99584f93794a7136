from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.functional import SimpleLazyObject

from core.pagecache import cached_for_visitors
from facts.forms import MAX_QUERY_LENGTH, FactSearchForm
from facts.models import Category, Fact, FaqEntry
from facts.structured_data import claim_review


@cached_for_visitors(params=("q", "category", "page"))
def fact_list(request: HttpRequest) -> HttpResponse:
    """Lazy all through: a member whose fragment is warm costs the categories query (for the title), no more."""
    category_slug = request.GET.get("category", "")
    # PostgreSQL cannot compare text holding NUL characters, and no fact contains one.
    query = request.GET.get("q", "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]
    categories = SimpleLazyObject(lambda: list(Category.objects.with_published_counts()))
    category = SimpleLazyObject(lambda: next((c for c in categories if c.slug == category_slug), None))

    def page():
        facts = Fact.objects.published().for_list()
        if category_slug:
            facts = facts.filter(category=category) if category else facts.none()
        if query:
            facts = facts.search(query)
        return Paginator(facts, settings.FACTS_PER_PAGE).get_page(request.GET.get("page"))

    context = {
        "page": SimpleLazyObject(page),
        "page_number": _page_number(request.GET.get("page")),
        "categories": categories,
        "total": SimpleLazyObject(lambda: sum(c.published_count for c in categories)),
        "category": category,
        "category_slug": category_slug,
        "query": query,
        "search": SimpleLazyObject(lambda: FactSearchForm(query=query, category=category_slug, categories=categories)),
    }
    return render(request, "facts/fact_list.html", context)


def _page_number(value) -> int:
    try:
        return max(int(value), 1)
    except (TypeError, ValueError):
        return 1


@cached_for_visitors(params=("comments",))
def fact_detail(request: HttpRequest, slug: str) -> HttpResponse:
    fact = get_object_or_404(Fact.objects.published().select_related("category"), slug=slug)
    # Read only when the page's fragment is rendered, not when it is warm.
    around = SimpleLazyObject(lambda: Fact.objects.published().for_list().around(fact))
    context = {"fact": fact, "around": around, "structured_data": claim_review(fact)}
    return render(request, "facts/fact_detail.html", context)


@cached_for_visitors
def faq(request: HttpRequest) -> HttpResponse:
    entries = FaqEntry.objects.published().prefetch_related(
        Prefetch("facts", queryset=Fact.objects.published().only("title", "slug"))
    )
    return render(request, "facts/faq.html", {"entries": entries})
