from django.conf import settings
from django.contrib.sitemaps.views import sitemap as render_sitemap
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

import pagecache
from core import film, personal_data
from core.sitemaps import SECTIONS
from facts.models import Fact, Text
from home.structured_data import movie
from pagecache import cached_for_visitors, not_cached
from screenings.models import Screening

SYNOPSIS = "synopsis"  # the page text (facts.Text) that introduces the film
ABOUT = "about"  # the page text that introduces the club


@cached_for_visitors
def index(request: HttpRequest) -> HttpResponse:
    synopsis, featured, next_screening = pagecache.kept(request, "home", (), _synopsis_featured_and_next)
    context = {
        "film": film,
        "synopsis": synopsis,
        "featured": featured,
        "next_screening": next_screening,
        "structured_data": movie(),
    }
    return render(request, "home/index.html", context)


def _synopsis_featured_and_next() -> tuple[Text | None, list[Fact], Screening | None]:
    """Kept in this process under the content version, CLUB_PAGE_CACHE_SECONDS at most (the next screening
    changes with the clock too)."""
    synopsis = Text.objects.filter(slug=SYNOPSIS).first()
    featured = list(Fact.objects.published().featured().for_list()[:3])
    return synopsis, featured, Screening.objects.upcoming().scheduled().for_list().first()


@cached_for_visitors(params=("p",))
def sitemap(request: HttpRequest) -> HttpResponse:
    """Every app's public pages (core.sitemaps), for search engines."""
    response = render_sitemap(request, sitemaps=SECTIONS)
    # The site fits one page; `?p=1`, `?p=01`... are addresses no link leads to.
    return not_cached(response) if "p" in request.GET else response


@cached_for_visitors
def about(request: HttpRequest) -> HttpResponse:
    """The club in its own words (a page text curators edit), and where to go next."""
    text = pagecache.kept(request, "about", (), lambda: Text.objects.filter(slug=ABOUT).first())
    return render(request, "home/about.html", {"about": text})


@cached_for_visitors
def contact(request: HttpRequest) -> HttpResponse:
    return render(request, "home/contact.html", {"email": settings.CLUB_CONTACT_EMAIL})


@cached_for_visitors
def privacy(request: HttpRequest) -> HttpResponse:
    """What the club keeps about a member, for how long, and how to take it or delete it: every app's section of
    the personal-data registry, in its own words (core.personal_data)."""
    sections = [section for section in personal_data.sections().values() if section.what]
    context = {"sections": sections, "email": settings.CLUB_CONTACT_EMAIL, "days": settings.SESSION_COOKIE_AGE // 86400}
    return render(request, "home/privacy.html", context)
