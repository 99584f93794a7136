"""The club writes only to an address its member confirmed: the one rule, for club mail (outbox, which
asks before it sends), for RSVPs and comments (verification), for account notifications and password
resets (the adapter, notices), for what "Download my data" lists (personal_data), and for which accounts
are removed unconfirmed (services)."""

from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.db.models import QuerySet
from django.db.models.functions import Lower

from members.models import User

# What signing up made, which an account never confirmed may hold and still be removed.
SIGN_UP = (EmailAddress, UserSession)


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
    """Open accounts, staff aside, that hold nothing but their sign-up (an address, a session), no address of
    which is confirmed, by them or by another account."""
    confirmed_addresses = EmailAddress.objects.filter(verified=True)
    accounts = User.objects.filter(left_at__isnull=True, is_active=True, is_staff=False, is_superuser=False)
    accounts = accounts.exclude(pk__in=confirmed_addresses.values("user"))
    taken = confirmed_addresses.annotate(lowered=Lower("email")).values("lowered")
    accounts = accounts.alias(lowered=Lower("email")).exclude(lowered__in=taken)
    for relation in User._meta.related_objects:
        if relation.related_model not in SIGN_UP:  # anything else of theirs (an RSVP, a suggestion) keeps them
            field = relation.field.name
            held = relation.related_model._base_manager.filter(**{f"{field}__isnull": False}).values(field)
            accounts = accounts.exclude(pk__in=held)
    return accounts
