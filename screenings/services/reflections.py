"""What members thought: reflections by those who were there, the morning invitation, reports and moderation.

Moderated as comments are: members report, moderators hide and restore, and an author cannot undo a hide.
"""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from core import moderation
from outbox.delivery import announce
from screenings.models import ASPECTS, Reflection, ReflectionReport, ReflectionStatus, Rsvp, Screening
from screenings.services.seats import Refused, lock

# How far back the morning's run looks for evenings not yet invited (a missed cron day is caught up).
INVITE_WITHIN = timedelta(days=3)
OWN_REFLECTION_NOTE = "You cannot report your own reflection; you can change it instead."
HIDDEN_NOTE = "A moderator has hidden your reflection, so it cannot be changed."


class ReflectionRefused(Refused):
    """A reflection that cannot be written, changed or reported; the message is for the member."""


def why_not_reflect(member, screening: Screening, now: datetime | None = None) -> str:
    """Why this member may not write about this evening, or "" when they may."""
    now = now or timezone.now()
    if screening.is_cancelled:
        return "This screening was cancelled."
    if screening.ends_at > now:
        return "Reflections open once the screening is over."
    if not Rsvp.objects.filter(screening=screening, member=member).attended().exists():
        return "Only members who were there can write about the evening."
    return ""


@transaction.atomic
def write_reflection(*, member, screening: Screening, ratings: dict[str, int], noticed: str = "") -> Reflection:
    """Write the member's reflection, or change it within REFLECTION_EDIT_WINDOW; one per member and evening.

    Under the screening's lock, so an undone check-in and a reflection do not cross.
    """
    now = timezone.now()
    screening = lock(screening)
    if reason := why_not_reflect(member, screening, now):
        raise ReflectionRefused(reason)
    if sorted(ratings) != sorted(name for name, _ in ASPECTS) or not all(1 <= v <= 5 for v in ratings.values()):
        raise ReflectionRefused("Rate each of the print, the sound, the room and the discussion from 1 to 5.")
    reflection = Reflection.objects.select_for_update().filter(screening=screening, member=member).first()
    if reflection is None:
        return Reflection.objects.create(screening=screening, member=member, noticed=noticed, created=now, **ratings)
    if reflection.status == ReflectionStatus.HIDDEN:
        raise ReflectionRefused(HIDDEN_NOTE)
    if not reflection.can_edit(member, now):
        raise ReflectionRefused("A reflection can be changed for a week after it is written.")
    # Only the words and ratings, and only while it is published: a hide that lands meanwhile is kept
    # (the author cannot undo one), and the edit is refused.
    changes = {**ratings, "noticed": noticed, "edited_at": now}
    if not Reflection.objects.filter(pk=reflection.pk).published().update(**changes):
        raise ReflectionRefused(HIDDEN_NOTE)
    reflection.refresh_from_db()
    return reflection


def report_reflection(*, reflection: Reflection, reporter, reason: str, note: str = "") -> bool:
    """Record a report; False when this member has reported the reflection before."""
    if reflection.member_id == reporter.pk:
        raise ReflectionRefused(OWN_REFLECTION_NOTE)
    _, created = ReflectionReport.objects.get_or_create(
        reflection=reflection, reporter=reporter, defaults={"reason": reason, "note": note}
    )
    return created


# Moderated as comments are (core.moderation): a reflection whose author left stays removed.
hide_reflections, restore_reflections = moderation.hide, moderation.restore
dismiss_reflection_reports = moderation.dismiss


def queue_reflection_invitations(*, now: datetime | None = None) -> int:
    """The morning after: invite everyone who was there to write a reflection, once for each evening.

    Takes the screenings that ended before today began (club time) and not longer than INVITE_WITHIN
    before; run it each morning from cron. Returns how many evenings were announced.
    """
    now = now or timezone.now()
    today = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    due = Screening.objects.scheduled().filter(
        reflections_invited_at__isnull=True, ends_at__lt=today, ends_at__gte=today - INVITE_WITHIN
    )
    invited = 0
    for screening_id in due.values_list("pk", flat=True):
        with transaction.atomic():
            # Claimed first, so two overlapping runs cannot both invite.
            if Screening.objects.filter(pk=screening_id, reflections_invited_at__isnull=True).update(
                reflections_invited_at=now
            ):
                announce("screenings.reflection_invite", screening_id)
                invited += 1
    return invited
