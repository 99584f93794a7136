"""What a username, the member's public handle, may be: plain letters and digits that cannot pass for
someone else (an address, a look-alike letter from another alphabet, a closed account's placeholder); and
what a display name may be: any alphabet, but not the club's staff, nor look-alike letters mixed in."""

import re
import unicodedata

from confusable_homoglyphs import confusables
from django.conf import settings
from django.contrib.auth.validators import ASCIIUsernameValidator
from django.core.exceptions import ValidationError

CLOSED_PREFIX = "former-member-"


def not_a_closed_accounts_name(value: str) -> None:
    if value.lower().startswith(CLOSED_PREFIX):
        raise ValidationError("Usernames starting with “former-member-” are kept for closed accounts.")


class HandleValidator(ASCIIUsernameValidator):
    regex = r"^[A-Za-z0-9_.-]+\Z"
    message = "Use letters (a to z), digits, and . - _ only."


USERNAME_VALIDATORS = [HandleValidator(), not_a_closed_accounts_name]

# Besides the usernames kept (ACCOUNT_USERNAME_BLACKLIST), words that would make a name pass for the club's.
STAFF_WORDS = ("moderator", "moderators", "organisers", "organizer", "organizers", "official", "webmaster")


def not_passing_for_staff(value: str) -> None:
    """Refuse a display name that says it is the club's ("Cranes Club curator"), in any case or width, with
    invisible characters between its letters, or with look-alike letters of another alphabet mixed in."""
    plain = "".join(c for c in unicodedata.normalize("NFKC", value) if unicodedata.category(c) != "Cf").casefold()
    if confusables.is_dangerous(plain):
        raise ValidationError(
            "Please write your name in one alphabet: letters that look alike could pass for someone else."
        )
    kept = [word for word in settings.ACCOUNT_USERNAME_BLACKLIST if len(word) > 2]
    words = "|".join(re.escape(word) for word in (*kept, *STAFF_WORDS))
    if re.search(rf"\b({words})\b|cranes\W*club", plain):
        raise ValidationError("Display names cannot say they are the club's (curator, organiser, staff and the like).")
