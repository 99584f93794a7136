"""The door page on the night, for organisers, curators and the screening's door volunteers.

One read of the screening and one of its RSVPs, whatever their number: the list, the search, the
counts and the queue are worked out from them. Every change is a POST through the door's services
under the screening's lock; none of them waits for the mail relay.
"""

import csv
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from screenings import attendance, services
from screenings.door_list import csv_header, csv_row, door_list, safe_cell
from screenings.forms import DoorSearchForm, WalkInForm
from screenings.models import Rsvp, Screening, normalise_ticket_code
from screenings.views import screening_or_404


def door_screening(request: HttpRequest, slug: str) -> Screening:
    """The screening, if this person may run its door: visitors are asked to log in; staff in a session
    without its second factor are sent to give it (the admin's own log-in does that); others get 403."""
    screening, _ = screening_or_404(slug)
    volunteers = attendance.door_team(screening)
    if attendance.may_run_the_door(request, screening, volunteers):
        return screening
    user = request.user
    if user.is_authenticated and user.is_staff and user.has_perm("screenings.run_door"):
        raise _SecondFactorFirst(request.get_full_path())
    if user.pk in volunteers:
        raise _NotTonight(screening)
    raise PermissionDenied("Only organisers and this screening's door volunteers can open its door page.")


class _SecondFactorFirst(Exception):
    def __init__(self, next_url: str):
        self.next_url = next_url


class _NotTonight(Exception):
    """A door volunteer outside the hours of the screening's evening."""

    def __init__(self, screening: Screening):
        self.screening = screening


def _not_tonight(request: HttpRequest, screening: Screening) -> HttpResponse:
    opens, closes = (timezone.localtime(moment) for moment in attendance.volunteers_window(screening))
    if timezone.now() < opens:
        when = f"It opens to you at {opens:%H:%M} on {opens:%A %-d %B}, on the day of the screening."
    else:
        when = f"It closed to you at {closes:%H:%M} on {closes:%A %-d %B}; an organiser can still open it."
    context = {"screening": screening, "when": when}
    return render(request, "screenings/door_closed.html", context, status=403)


def door_view(view):
    """Log-in, the door check and no caching for every door view; the view gets the screening."""

    @never_cache
    @login_required
    def wrapper(request: HttpRequest, slug: str) -> HttpResponse:
        try:
            screening = door_screening(request, slug)
        except _SecondFactorFirst as asked:
            return redirect_to_login(asked.next_url, reverse("admin:login"))
        except _NotTonight as closed:
            return _not_tonight(request, closed.screening)
        return view(request, screening)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def _elsewhere(text: str, screening: Screening) -> str:
    """When a code belongs to another screening, say which (one query, only when the search found nothing)."""
    code = normalise_ticket_code(text)
    other = Rsvp.objects.filter(code=code).exclude(screening=screening).select_related("screening").first()
    if other is None:
        return ""
    when = timezone.localtime(other.screening.starts_at)
    return f"Ticket {code} is for another screening: {other.screening.title}, {when:%-d %B %Y}."


@door_view
def door(request: HttpRequest, screening: Screening) -> HttpResponse:
    if screening.next_offer_expiry and screening.next_offer_expiry <= timezone.now():
        services.expire_offers(screening=screening)
    doors = door_list(screening)
    search = DoorSearchForm(request.GET or None)
    query = search.cleaned_data["q"].strip() if search.is_valid() else ""
    found = doors.search(query) if query else None
    context = {
        "screening": screening,
        "door": doors,
        "search": search,
        "query": query,
        "found": found,
        "elsewhere": _elsewhere(query, screening) if query and not found else "",
        "walk_in_form": WalkInForm(screening=screening),
        "staff": attendance.runs_the_door_as_staff(request),
    }
    return render(request, "screenings/door.html", context)


def _back(screening: Screening, query: str) -> HttpResponse:
    url = reverse("screenings:door", kwargs={"slug": screening.slug})
    return redirect(f"{url}?{urlencode({'q': query})}#found" if query else url)


@require_POST
@door_view
def check_in(request: HttpRequest, screening: Screening) -> HttpResponse:
    """Check a party in, or with `undo`, take it back. The search stays, so the row is seen to change."""
    undo, staff = request.POST.get("undo") == "1", attendance.runs_the_door_as_staff(request)
    ticket = _id(request.POST.get("rsvp"))
    try:
        if undo:
            booking, changed = services.undo_check_in(screening=screening, rsvp_id=ticket, staff=staff)
        else:
            booking, changed = services.check_in(screening=screening, rsvp_id=ticket, by=request.user, staff=staff)
    except services.DoorRefused as refusal:
        messages.error(request, str(refusal))
    else:
        party = f" (party of {booking.party_size})" if booking.guests else ""
        if undo:
            messages.info(request, f"{booking.name}: check-in undone." if changed else f"{booking.name} was not in.")
        elif changed:
            messages.success(request, f"Checked in: {booking.name}{party}.")
        else:
            arrived = timezone.localtime(booking.checked_in_at)
            messages.info(request, f"{booking.name} was already checked in, at {arrived:%H:%M}.")
    return _back(screening, request.POST.get("q", "")[:120])


def _id(value) -> int | None:
    """The RSVP's id as posted, or None (no such ticket) for anything but plain ASCII digits: "²" is a digit
    to str.isdigit() and not to int()."""
    value = str(value or "")
    return int(value) if value.isascii() and value.isdigit() and len(value) <= 18 else None


@require_POST
@door_view
def walk_in(request: HttpRequest, screening: Screening) -> HttpResponse:
    form = WalkInForm(request.POST, screening=screening)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return _back(screening, "")
    data = form.cleaned_data
    try:
        booking = services.walk_in(
            screening=screening, name=data["name"], member=data["member"], guests=data["guests"], by=request.user
        )
    except services.DoorRefused as refusal:
        messages.error(request, str(refusal))
    else:
        party = f", party of {booking.party_size}" if booking.guests else ""
        messages.success(request, f"Seated and checked in: {booking.name}{party}.")
    return _back(screening, "")


@require_POST
@door_view
def next_in_line(request: HttpRequest, screening: Screening) -> HttpResponse:
    try:
        booking = services.give_seat_to_next(screening=screening)
    except services.DoorRefused as refusal:
        messages.error(request, str(refusal))
        return _back(screening, "")
    messages.success(request, f"Seat given to {booking.name}, now going (and told by email); check them in.")
    return _back(screening, booking.code)


@door_view
def door_csv(request: HttpRequest, screening: Screening) -> HttpResponse:
    """The door list as a spreadsheet: everyone going or waiting, who arrived and who did not."""
    doors = door_list(screening)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="door-{screening.slug}.csv"'
    writer = csv.writer(response)
    writer.writerow(["screening", safe_cell(screening.title), "expected", doors.expected, "arrived", doors.arrived,
                     "no-shows", doors.no_shows])  # fmt: skip
    writer.writerow(csv_header(emails=False))
    for booking in doors.rows:
        writer.writerow(csv_row(booking, started=doors.started, emails=False))
    return response
