from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_POST

import pagecache
from core.throttle import throttled
from members.verification import confirmed_email_required
from pagecache import cached_for_visitors, not_cached
from screenings import attendance, calendars, services
from screenings.forms import RsvpForm
from screenings.models import Rsvp, RsvpStatus, Screening
from screenings.structured_data import screening_event


@cached_for_visitors
def screening_list(request: HttpRequest) -> HttpResponse:
    return _list(request, lambda: Screening.objects.upcoming().for_list(), archive=False)


@cached_for_visitors
def past_list(request: HttpRequest) -> HttpResponse:
    return _list(request, lambda: Screening.objects.past().for_list()[:100], archive=True)


def _list(request: HttpRequest, screenings, *, archive: bool) -> HttpResponse:
    """`screenings` makes the query, built only when the page's fragment is rendered, not when it is warm."""
    context = {
        "screenings": SimpleLazyObject(screenings),
        "archive": archive,
        "subscribe_url": calendars.subscribe_url(),
    }
    return render(request, "screenings/screening_list.html", context)


@cached_for_visitors(params=("comments",))
def screening_detail(request: HttpRequest, slug: str) -> HttpResponse:
    screening, structured_data = pagecache.kept(request, "screening", (slug,), lambda: _screening(slug))
    context = {
        "screening": screening,
        "closed_reason": screening.rsvp_closed_reason(),
        "structured_data": structured_data,
    }
    if request.user.is_authenticated:
        booking = Rsvp.objects.filter(screening=screening, member=request.user).with_waitlist_position().first()
        context.update(
            booking=booking,
            waitlist_position=booking.waitlist_position if booking else None,
            attendees=attendance.going_to(screening, request.user),  # a lazy query: read in a fragment
            form=RsvpForm(screening=screening),
        )
    response = render(request, "screenings/screening_detail.html", context)
    # Later pages of comments are rendered each time (strangers could ask for any number).
    return response if request.GET.get("comments", "1") == "1" else not_cached(response)


def _screening(slug: str) -> tuple[Screening, dict]:
    """The screening at `slug` and its structured data, kept in this process under the content version
    (a slug no screening has raises Http404, which nothing keeps)."""
    screening = Screening.objects.for_list().filter(slug=slug).first()
    if screening is None:
        raise Http404("No screening has this address.")
    return screening, screening_event(screening)


@require_POST
@confirmed_email_required
@throttled("rsvp")
def rsvp(request: HttpRequest, slug: str) -> HttpResponse:
    screening = get_object_or_404(Screening, slug=slug)
    form = RsvpForm(request.POST, screening=screening)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("guests", ["Please check the number of guests."])))
        return redirect(screening)
    try:
        booking = services.rsvp(member=request.user, screening=screening, guests=form.cleaned_data["guests"])
    except services.RsvpRefused as refusal:
        messages.error(request, str(refusal))
    else:
        if booking.status == RsvpStatus.GOING:
            messages.success(request, "You're going. A confirmation is on its way by email.")
        else:
            messages.info(
                request, "The screening is full: you're on the waitlist and will be emailed if a seat frees up."
            )
    return redirect(screening)


@require_POST
@login_required
@throttled("rsvp")
def cancel(request: HttpRequest, slug: str) -> HttpResponse:
    screening = get_object_or_404(Screening, slug=slug)
    booking = services.cancel_rsvp(member=request.user, screening=screening)
    if booking is None:
        messages.info(request, "You had no RSVP for this screening.")
    else:
        messages.success(request, "Your RSVP is cancelled. Thank you for freeing the seat.")
    return redirect(screening)


@login_required
def my_screenings(request: HttpRequest) -> HttpResponse:
    bookings = Rsvp.objects.upcoming_for(request.user)
    return render(request, "screenings/my_screenings.html", {"bookings": bookings})


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
