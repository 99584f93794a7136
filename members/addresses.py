"""The club writes only to an address its member confirmed: the one rule, for club mail (outbox, which
asks before it sends), for RSVPs and comments (verification), for account notifications and password
resets (the adapter, notices), for what "Download my data" lists (personal_data), and for which accounts
are removed unconfirmed (services)."""

from allauth.account.models import EmailAddress
from django.db.models import QuerySet

from members.models import User


def confirmed(member=None) -> QuerySet:
    """Addresses their members confirmed (by following the link sent there), of accounts still open."""
    addresses = EmailAddress.objects.filter(verified=True, user__is_active=True)
    return addresses if member is None else addresses.filter(user=member)


def is_confirmed(address: str, member=None) -> bool:
    """True when `address` is confirmed (by `member`, when given), whatever the case of its letters."""
    return bool(address) and confirmed(member).filter(email__iexact=address).exists()


def has_confirmed_email(member) -> bool:
    """The member's own address, the one club mail goes to, is confirmed."""
    return is_confirmed(member.email, member)


def never_confirmed() -> QuerySet:
    """Open accounts no address of which is confirmed, staff aside."""
    confirming = EmailAddress.objects.filter(verified=True).values("user")
    return User.objects.filter(left_at__isnull=True, is_staff=False, is_superuser=False).exclude(pk__in=confirming)
