"""Closing an account: what the member wrote stays in threads without its words, nothing of theirs stays readable.
And removing the accounts nobody confirmed."""

import secrets
from datetime import timedelta

from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils import timezone

from core import personal_data
from members import addresses
from members import personal_data as mine
from members.models import User
from members.validators import CLOSED_PREFIX

# An account whose address nobody confirmed in this long is removed (`manage.py remove_unconfirmed_accounts`).
UNCONFIRMED_FOR = timedelta(days=7)


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
    names = [member.username, member.display_name, member.get_full_name(), member.email]
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
    mine.forget_in_admin_log(member, names)
    if avatar:
        forget_file(member.avatar.storage, avatar)


def forget_file(storage, name: str) -> None:
    """Delete an uploaded file once the transaction that let go of it has committed; a failure is only logged."""
    transaction.on_commit(lambda: storage.delete(name), robust=True)


def remove_unconfirmed(*, now=None) -> tuple[int, int]:
    """Delete the accounts whose address nobody confirmed within UNCONFIRMED_FOR of signing up: they could not
    RSVP, comment or report, so nothing of theirs is anyone else's. One the database will not let go (an
    account from before confirmation was asked, with RSVPs or comments) is kept. Returns (removed, kept)."""
    joined_before = (now or timezone.now()) - UNCONFIRMED_FOR
    removed = kept = 0
    for member in addresses.never_confirmed().filter(date_joined__lt=joined_before).iterator():
        try:
            with transaction.atomic():
                personal_data.erase(member)
                member.delete()
        except (ProtectedError, RestrictedError):
            kept += 1
        else:
            removed += 1
    return removed, kept
