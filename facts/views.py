from collections import Counter
from math import ceil

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import SimpleLazyObject

import pagecache
from core.throttle import throttled
from facts import services
from facts.forms import MAX_QUERY_LENGTH, FactSearchForm, SuggestionForm
from facts.models import EXAMPLES, RUBRIC, Category, Change, Fact, FaqEntry, Status
from facts.structured_data import claim_review
from members.verification import confirmed_email_required
from pagecache import cached_for_visitors, not_cached, not_cached_unless_linked


@cached_for_visitors(params=("q", "category", "status", "page"))
def fact_list(request: HttpRequest) -> HttpResponse:
    """A member whose fragment is warm costs no query here: the categories (for the title) are kept in
    this process under the content version, and the page of facts is read only to render the fragment."""
    category_slug = request.GET.get("category", "")
    # PostgreSQL cannot compare text holding NUL characters, and no fact contains one.
    query = request.GET.get("q", "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]
    status = request.GET.get("status", "")
    page_number = _page_number(request.GET.get("page"))
    categories = pagecache.kept(request, "categories", (), _categories)
    category = next((c for c in categories if c.slug == category_slug), None)
    total = sum(c.published_count for c in categories)

    def page():
        facts = Fact.objects.published().for_list()
        if category_slug:
            facts = facts.filter(category=category) if category else facts.none()
        if status:
            facts = facts.filter(status=status) if status in Status.values else facts.none()
        if query:
            facts = facts.search(query)
        return Paginator(facts, settings.FACTS_PER_PAGE).get_page(page_number)

    # Only the pages the site links to are cached: no search, a category and a status that exist, a page
    # number as the site writes it and in range (a status narrows the count further).
    listed = category.published_count if category else total
    given = request.GET
    cacheable = (
        "q" not in given
        and ("category" not in given or category is not None)
        and ("status" not in given or status in Status.values)
        and given.get("page", "1") == str(page_number)
        and page_number <= max(ceil(listed / settings.FACTS_PER_PAGE), 1)
    )
    context = {
        "page": SimpleLazyObject(page),
        "page_number": page_number,
        "categories": categories,
        "total": total,
        "category": category,
        "category_slug": category_slug,
        "status": status,
        "status_label": Status(status).label if status in Status.values else "",
        "query": query,
        "cacheable": cacheable,
        "search": SimpleLazyObject(
            lambda: FactSearchForm(query=query, category=category_slug, status=status, categories=categories)
        ),
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
    fact, structured_data = pagecache.kept(request, "fact", (slug,), lambda: _fact_and_data(slug))
    # Read only when the page's fragment is rendered, not when it is warm.
    around = SimpleLazyObject(lambda: Fact.objects.published().for_list().around(fact))
    changes = SimpleLazyObject(lambda: list(fact.changes.select_related("credit")))
    context = {"fact": fact, "around": around, "changes": changes, "structured_data": structured_data}
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


@cached_for_visitors
def statuses(request: HttpRequest) -> HttpResponse:
    """The rubric in public: where the facts come from, what each status means with an example from the
    catalogue, and how many facts have each (one query; none for a member once this worker keeps it)."""
    facts = pagecache.kept(request, "statuses", (), lambda: list(Fact.objects.for_rubric()))
    counts = Counter(fact.status for fact in facts)
    rows = [
        {"status": status, "rule": RUBRIC[status], "count": counts[status], "example": _example(facts, status)}
        for status in Status
    ]
    wrong = {status: [f for f in facts if f.status == status] for status in (Status.REFUTED, Status.DISPUTED)}
    context = {"rows": rows, "total": len(facts), "refuted": wrong[Status.REFUTED], "disputed": wrong[Status.DISPUTED]}
    return render(request, "facts/statuses.html", context)


def _example(facts: list[Fact], status: Status) -> Fact | None:
    """The fact chosen to show `status` (EXAMPLES) while it has it, else the first that has it."""
    having = [fact for fact in facts if fact.status == status]
    return next((fact for fact in having if fact.slug == EXAMPLES[status]), having[0] if having else None)


CHANGES_PER_PAGE = 50


@cached_for_visitors(params=("page",))
def changes(request: HttpRequest) -> HttpResponse:
    """Every status change and correction readers were told about, newest first."""
    page = Paginator(Change.objects.published(), CHANGES_PER_PAGE).get_page(_page_number(request.GET.get("page")))
    return not_cached_unless_linked(render(request, "facts/changes.html", {"page": page}), request, page)


@confirmed_email_required(offer="Send to the curators")
@throttled("suggest")
def suggest(request: HttpRequest, slug: str) -> HttpResponse:
    fact = get_object_or_404(Fact.objects.published(), slug=slug)
    form = SuggestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.suggest(member=request.user, fact=fact, **form.cleaned_data)
        messages.success(
            request,
            "Thank you: your suggestion is with the curators. You will get an email when they have decided, "
            "and your profile shows what became of it.",
        )
        return redirect(fact)
    return render(request, "facts/suggest.html", {"fact": fact, "form": form})
