from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from core.pagecache import cached_for_visitors
from facts.forms import MAX_QUERY_LENGTH, FactSearchForm
from facts.models import Category, Fact, FaqEntry
from facts.structured_data import claim_review


@cached_for_visitors
def fact_list(request: HttpRequest) -> HttpResponse:
    categories = list(Category.objects.with_published_counts())
    facts = Fact.objects.published().for_list()

    category = None
    category_slug = request.GET.get("category", "")
    if category_slug:
        category = next((c for c in categories if c.slug == category_slug), None)
        facts = facts.filter(category=category) if category else facts.none()

    # PostgreSQL cannot compare text holding NUL characters, and no fact contains one.
    query = request.GET.get("q", "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]
    if query:
        facts = facts.search(query)

    paginator = Paginator(facts, settings.FACTS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "facts/fact_list.html",
        {
            "page": page,
            "categories": categories,
            "search": FactSearchForm(query=query, category=category_slug, categories=categories),
            "total": sum(c.published_count for c in categories),
            "category": category,
            "category_slug": category_slug,
            "query": query,
        },
    )


@cached_for_visitors
def fact_detail(request: HttpRequest, slug: str) -> HttpResponse:
    facts = Fact.objects.published().select_related("category").prefetch_related("sources")
    fact = get_object_or_404(facts, slug=slug)
    around = Fact.objects.published().for_list().around(fact)
    context = {
        "fact": fact,
        "previous": around.previous,
        "next": around.next,
        "related": around.related,
        "structured_data": claim_review(fact),
    }
    return render(request, "facts/fact_detail.html", context)


@cached_for_visitors
def faq(request: HttpRequest) -> HttpResponse:
    entries = FaqEntry.objects.published().prefetch_related(
        Prefetch("facts", queryset=Fact.objects.published().only("title", "slug"))
    )
    return render(request, "facts/faq.html", {"entries": entries})
