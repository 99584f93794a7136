from datetime import timedelta

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

import pagecache
from core import film
from pagecache import cached_for_visitors, not_cached, not_cached_unless_linked
from screenings import attendance, calendars, services, tickets
from screenings.forms import GuestsForm, RsvpForm
from screenings.models import Reflection, ReflectionStatus, Rsvp, RsvpStatus, Screening
from screenings.structured_data import screening_event

PAST_PER_PAGE = 20


@cached_for_visitors
def screening_list(request: HttpRequest) -> HttpResponse:
    context = {
        "screenings": SimpleLazyObject(lambda: Screening.objects.upcoming().for_list()),
        "subscribe_url": calendars.subscribe_url(),
    }
    return render(request, "screenings/screening_list.html", context)


@cached_for_visitors(params=("page",))
def past_list(request: HttpRequest) -> HttpResponse:
    """The archive of evenings, newest first, PAST_PER_PAGE a page: what was shown, how many came, what
    members made of it. Counts only. (The page's evenings are read when its fragment is rendered.)"""
    paginator = Paginator(Screening.objects.past().for_archive(), PAST_PER_PAGE)
    # Counted once per content version, as the fragment is kept: a warm archive reads nothing.
    paginator.count = pagecache.kept(request, "past-count", (), lambda: Screening.objects.past().count())
    page = paginator.get_page(request.GET.get("page"))
    context = {"page": page, "subscribe_url": calendars.subscribe_url()}
    return not_cached_unless_linked(render(request, "screenings/archive.html", context), request, page)


def screening_or_404(slug: str) -> tuple[Screening, dict]:
    """The screening at `slug`, with its seats and counts, and its structured data (a slug no screening has
    raises Http404, which nothing keeps)."""
    screening = Screening.objects.for_list().with_attendance().select_related("replacement").filter(slug=slug).first()
    if screening is None:
        raise Http404("No screening has this address.")
    return screening, screening_event(screening)


def touched(request: HttpRequest, slug: str) -> tuple[Screening, dict]:
    """The screening, kept under the content version; an offer past its deadline is lapsed first (any
    request that touches the screening does it, so none outlives its deadline waiting for the worker)."""
    screening, structured_data = pagecache.kept(request, "screening", (slug,), lambda: screening_or_404(slug))
    if screening.next_offer_expiry and screening.next_offer_expiry <= timezone.now():
        services.expire_offers(screening=screening)
        screening, structured_data = screening_or_404(slug)
    return screening, structured_data


@cached_for_visitors(params=("comments",))
def screening_detail(request: HttpRequest, slug: str) -> HttpResponse:
    screening, structured_data = touched(request, slug)
    now = timezone.now()
    phase = screening.phase(now)
    context = {
        "screening": screening,
        "phase": phase,
        "closed_reason": screening.rsvp_closed_reason(now),
        "structured_data": structured_data,
    }
    if phase == "ended":
        context["reflections"] = pagecache.kept(
            request, "reflections", (screening.pk,), lambda: _reflections(screening)
        )
    if request.user.is_authenticated:
        context.update(_members_part(request, screening, context.get("reflections")))
    response = render(request, "screenings/screening_detail.html", context)
    # Later pages of comments are rendered each time (strangers could ask for any number), and so is a
    # page about to change by the clock alone: the start or the end is nearer than a cached page's life.
    if request.GET.get("comments", "1") != "1" or _turning(screening, now):
        return not_cached(response)
    return response


def _turning(screening: Screening, now) -> bool:
    soon = timedelta(seconds=settings.CLUB_PAGE_CACHE_SECONDS)
    return any(now <= moment <= now + soon for moment in (screening.starts_at, screening.ends_at))


def _reflections(screening: Screening) -> dict:
    """What members thought: the count and average take in all but what moderators hid; the published
    notes are listed."""
    counted = list(Reflection.objects.filter(screening=screening).counted().select_related("member"))
    ratings = [r.rating for r in counted]
    return {
        "count": len(counted),
        "average": sum(ratings) / len(ratings) if ratings else None,
        "published": [r for r in counted if r.status == ReflectionStatus.PUBLISHED],
    }


def _members_part(request: HttpRequest, screening: Screening, reflections: dict | None) -> dict:
    """What depends on the member looking: their place, their reflection, the door link."""
    user = request.user
    booking = Rsvp.objects.filter(screening=screening, member=user).select_related("screening").first()
    volunteers = pagecache.kept(request, "door-team", (screening.pk,), lambda: attendance.door_team(screening))
    part = {
        "booking": booking,
        "waitlist_position": services.place_in_queue(booking) if booking else None,
        "attendees": attendance.going_to(screening, user),  # a lazy query: read in a fragment
        "form": RsvpForm(screening=screening),
        "guests_form": GuestsForm(screening=screening, initial={"guests": _all_guests(booking)}),
        "may_run_door": attendance.may_run_the_door(request, screening, volunteers),
    }
    if reflections is not None:
        mine = Reflection.objects.filter(screening=screening, member=user).first()
        part.update(
            my_reflection=mine,
            reflection_editable=bool(mine and mine.can_edit(user)),
            why_not_reflect="" if mine else services.why_not_reflect(user, screening),
        )
    return part


def _all_guests(booking: Rsvp | None) -> int:
    return booking.guests + booking.waiting_guests if booking else 0


@cached_for_visitors
def programme(request: HttpRequest, slug: str) -> HttpResponse:
    """The one-page printed programme: the film's credits, the notes, time and place, the next screening."""
    screening, _ = pagecache.kept(request, "screening", (slug,), lambda: screening_or_404(slug))
    following = pagecache.kept(request, "following", (screening.pk,), lambda: _following(screening))
    context = {"screening": screening, "film": film, "following": following}
    return render(request, "screenings/programme.html", context)


def _following(screening: Screening) -> Screening | None:
    later = Screening.objects.scheduled().filter(starts_at__gt=max(screening.starts_at, timezone.now()))
    return later.select_related("venue").order_by("starts_at").first()


@login_required
def my_screenings(request: HttpRequest) -> HttpResponse:
    """The member's own: seats to come (with tickets), offers to claim, and the evenings they were at."""
    bookings = list(Rsvp.objects.upcoming_for(request.user))
    if any(b.status == RsvpStatus.OFFERED and b.offer_expires_at <= timezone.now() for b in bookings):
        services.expire_offers()
        bookings = list(Rsvp.objects.upcoming_for(request.user))
    for booking in bookings:
        if booking.status == RsvpStatus.GOING and not booking.screening.is_cancelled:
            booking.qr = tickets.qr_data_uri(booking)
    seen = attendance.seen_with_the_club(request.user).select_related("screening__venue")
    seen = list(seen.order_by("-screening__starts_at"))
    written = set(Reflection.objects.filter(member=request.user).values_list("screening", flat=True))
    context = {"bookings": bookings, "seen": seen, "written": written}
    return render(request, "screenings/my_screenings.html", context)


def screening_ics(request: HttpRequest, slug: str) -> HttpResponse:
    screening = get_object_or_404(Screening.objects.select_related("venue"), slug=slug)
    return _ics(calendars.calendar([screening], name=screening.title), f"{screening.slug}.ics")


def calendar_feed(request: HttpRequest) -> HttpResponse:
    # Past screenings stay for a while so subscribed calendars keep their history.
    since = timezone.now() - timedelta(days=90)
    screenings = Screening.objects.filter(ends_at__gte=since).select_related("venue")
    return _ics(calendars.calendar(screenings, name="Cranes Club screenings"), "cranesclub-screenings.ics")


def _ics(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
