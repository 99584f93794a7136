"""A member's own place at a screening: RSVP (with the choice when seats run short), guests, claiming an
offer, cancelling. Each is a POST that calls one service and says what happened."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.throttle import throttled
from members.verification import confirmed_email_required
from screenings import services
from screenings.forms import GuestsForm, RsvpForm
from screenings.models import Rsvp, RsvpStatus, Screening


def _party(booking: Rsvp) -> str:
    seated = f" with {booking.guests} guest{'s' if booking.guests != 1 else ''}" if booking.guests else ""
    waiting = f"; {booking.waiting_guests} more on the waitlist" if booking.waiting_guests else ""
    return seated + waiting


@require_POST
@confirmed_email_required(offer="RSVP")
@throttled("rsvp")
def rsvp(request: HttpRequest, slug: str) -> HttpResponse:
    screening = get_object_or_404(Screening, slug=slug)
    form = RsvpForm(request.POST, screening=screening)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("guests", ["Please check the number of guests."])))
        return redirect(screening)
    guests, short = form.cleaned_data["guests"], form.cleaned_data["short"]
    try:
        booking = services.rsvp(member=request.user, screening=screening, guests=guests, short=short)
    except services.PartyDoesNotFit as shortfall:
        # Nothing is decided for the member: they choose, and the choice is tried again under the lock.
        context = {"screening": screening, "free": shortfall.free, "guests": guests, "choices": _choices(shortfall)}
        return render(request, "screenings/rsvp_short.html", context)
    except services.RsvpRefused as refusal:
        messages.error(request, str(refusal))
    else:
        if booking.status == RsvpStatus.GOING:
            waiting = f"; {booking.waiting_guests} more on the waitlist" if booking.waiting_guests else ""
            messages.success(request, f"You're going{waiting}. A confirmation is on its way by email.")
        else:
            messages.info(request, f"The screening is full: you're on the waitlist. {screening.if_a_seat_frees}")
    return redirect(screening)


def _choices(shortfall: services.PartyDoesNotFit) -> list[tuple[str, str]]:
    seated = shortfall.free - 1
    guests = "your guest waits" if shortfall.guests - seated == 1 else f"{shortfall.guests - seated} guests wait"
    alone = "Come alone" if seated == 0 else f"Come with {seated} guest{'s' if seated != 1 else ''}"
    take = "Take your seat now" if seated == 0 else f"Take {shortfall.free} seats now"
    return [
        (services.Short.GUESTS_WAIT, f"{take}; {guests} for a seat on the waitlist"),
        (services.Short.FEWER, f"{alone}: take {'the seat' if seated == 0 else 'the seats'} now"),
        (services.Short.WAIT_TOGETHER, "Put your whole party on the waitlist together"),
    ]


@require_POST
@login_required
@throttled("rsvp")
def change_guests(request: HttpRequest, slug: str) -> HttpResponse:
    screening = get_object_or_404(Screening, slug=slug)
    form = GuestsForm(request.POST, screening=screening)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("guests", ["Please check the number of guests."])))
        return redirect(screening)
    try:
        booking = services.change_guests(member=request.user, screening=screening, guests=form.cleaned_data["guests"])
    except services.RsvpRefused as refusal:
        messages.error(request, str(refusal))
    else:
        where = {"going": "You're going", "offered": "A seat is offered to you", "waitlisted": "You're on the waitlist"}
        messages.success(request, f"{where.get(booking.status, 'Saved')}{_party(booking) or ', alone'}.")
    return redirect(screening)


@login_required
@throttled("rsvp")
def claim(request: HttpRequest, slug: str) -> HttpResponse:
    """The link in the offer's email: a page with one button (GET never claims)."""
    screening = get_object_or_404(Screening.objects.select_related("venue"), slug=slug)
    booking = Rsvp.objects.filter(screening=screening, member=request.user).first()
    if booking and booking.status == RsvpStatus.OFFERED and booking.offer_expires_at <= timezone.now():
        services.expire_offers(screening=screening)  # as any request that touches the screening does
        booking.refresh_from_db()
    if request.method != "POST":
        return render(request, "screenings/claim.html", {"screening": screening, "booking": booking})
    try:
        booking = services.claim_offer(member=request.user, screening=screening)
    except services.RsvpRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, f"The seat is yours: you're going{_party(booking)}. Your ticket is on its way.")
    return redirect(screening)


@require_POST
@login_required
@throttled("rsvp")
def cancel(request: HttpRequest, slug: str) -> HttpResponse:
    screening = get_object_or_404(Screening, slug=slug)
    try:
        booking = services.cancel_rsvp(member=request.user, screening=screening)
    except services.RsvpRefused as refusal:
        messages.error(request, str(refusal))
    else:
        if booking is None:
            messages.info(request, "You had no RSVP for this screening.")
        else:
            messages.success(request, "Your RSVP is cancelled. Thank you for freeing the seat.")
    return redirect(screening)
