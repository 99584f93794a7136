"""Closing an account: what the member wrote stays in threads without its words, nothing of theirs stays readable.
And removing the accounts nobody confirmed."""

import secrets
from datetime import UTC, datetime, timedelta

from django.db import transaction
from django.utils import timezone

from core import personal_data, variants
from members import addresses
from members.models import User
from members.validators import CLOSED_PREFIX

# An account whose address nobody confirmed in this long is removed (`manage.py remove_unconfirmed_accounts`),
# counted from this rule's start for accounts older than it: they were never told.
UNCONFIRMED_FOR = timedelta(days=7)
UNCONFIRMED_SINCE = datetime(2026, 12, 7, tzinfo=UTC)


@transaction.atomic
def close_account(*, member: User) -> None:
    """Cancel the member's RSVPs, erase their words (through each app's services), blank their profile, lock the login,
    end their sessions everywhere and take their names out of the admin's log.

    The row stays, anonymised, so threads and attendance counts keep their shape; the avatar file is
    removed once the transaction has committed.
    """
    member = User.objects.select_for_update().get(pk=member.pk)
    if member.left_at:
        return
    personal_data.erase(member)
    avatar = member.avatar.name
    member.username = f"{CLOSED_PREFIX}{secrets.token_hex(8)}"
    member.email = member.first_name = member.last_name = member.display_name = member.bio = ""
    member.avatar = ""
    member.show_past_screenings = False
    member.is_active = member.is_staff = member.is_superuser = False
    member.set_unusable_password()
    member.left_at = timezone.now()
    member.save()
    member.groups.clear()
    member.user_permissions.clear()
    if avatar:
        forget_file(member.avatar.storage, avatar)
        variants.refresh(member.avatar, avatar, variants.AVATAR_WIDTHS)


def forget_file(storage, name: str) -> None:
    """Delete an uploaded file once the transaction that let go of it has committed; a failure is only logged."""
    transaction.on_commit(lambda: storage.delete(name), robust=True)


def remove_unconfirmed(*, now=None) -> int:
    """Delete the accounts whose address nobody confirmed within UNCONFIRMED_FOR of signing up (or of the rule's
    start, for accounts older than it), that hold nothing but their sign-up, and whose address no other account
    has confirmed (one such shares an address from before confirmation was asked, and cannot confirm it). They
    could not RSVP, comment or report: nothing of theirs is anyone else's. Returns how many went."""
    deadline = (now or timezone.now()) - UNCONFIRMED_FOR
    if deadline <= UNCONFIRMED_SINCE:
        return 0
    removed = 0
    for pk in list(addresses.never_confirmed().filter(date_joined__lt=deadline).values_list("pk", flat=True)):
        with transaction.atomic():
            member = addresses.never_confirmed().select_for_update().filter(pk=pk).first()  # confirmed meanwhile?
            if member is not None:
                personal_data.erase(member)
                member.delete()
                removed += 1
    return removed
