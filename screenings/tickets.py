"""Ticket codes as QR images (segno): SVG for pages, PNG for emails.

The code holds the door page searched for the ticket, so a volunteer's phone camera opens the party's
row; the code is printed beside it, to read out or type.
"""

import io

import segno

from core.links import absolute_url
from screenings.models import Rsvp


def _qr(booking: Rsvp) -> segno.QRCode:
    return segno.make(absolute_url(booking.get_door_url()), error="m")


def qr_data_uri(booking: Rsvp) -> str:
    """An SVG data: URI for an <img> (the site's CSP allows data: images)."""
    return _qr(booking).svg_data_uri(scale=5, border=2, dark="#111", light="#fff")


def qr_png(booking: Rsvp) -> bytes:
    out = io.BytesIO()
    _qr(booking).save(out, kind="png", scale=6, border=2)
    return out.getvalue()


def spaced(code: str) -> str:
    """ABC234 as ABC 234: easier to read aloud."""
    return f"{code[:3]} {code[3:]}"
