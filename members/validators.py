"""What a username, the member's public handle, may be: plain letters and digits that cannot pass for
someone else (an address, a look-alike letter from another alphabet, a closed account's placeholder)."""

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
