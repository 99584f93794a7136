from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from core import film
from core.pagecache import cached_for_visitors, memory, version_for
from facts.models import Fact
from home.structured_data import movie
from screenings.models import Screening


@cached_for_visitors
def index(request: HttpRequest) -> HttpResponse:
    featured, next_screening = memory.value("home", version_for(request), (), _featured_and_next)
    context = {"film": film, "featured": featured, "next_screening": next_screening, "structured_data": movie()}
    return render(request, "home/index.html", context)


def _featured_and_next() -> tuple[list[Fact], Screening | None]:
    """Kept in this process under the content version, CLUB_PAGE_CACHE_SECONDS at most (the next screening
    changes with the clock too)."""
    featured = list(Fact.objects.published().featured().for_list()[:3])
    return featured, Screening.objects.upcoming().scheduled().for_list().first()
