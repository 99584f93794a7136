from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from core import film
from core.pagecache import cached_for_visitors
from facts.models import Fact
from home.structured_data import movie
from screenings.models import Screening


@cached_for_visitors
def index(request: HttpRequest) -> HttpResponse:
    context = {
        "film": film,
        "featured": Fact.objects.published().featured().for_list()[:3],
        "next_screening": Screening.objects.upcoming().scheduled().for_list().first(),
        "structured_data": movie(),
    }
    return render(request, "home/index.html", context)
