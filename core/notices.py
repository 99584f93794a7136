"""Every email the club sends is a Notice, delivered by one task with retries (core.tasks.deliver).

Apps register each kind of notice in their AppConfig.ready(): `compose(*ids, last=..., data=...)` reads
the database when the notice's turn comes and returns what to send (or None: nothing to say now);
`last` is the summary of the last notice of the same kind and ids that went out, so a notice that
would repeat it can be dropped. With `latest_only`, a newer notice of the same kind and ids makes an
older one still waiting redundant (it will tell the state as it is then). Club notices go only to
confirmed addresses of active members; account emails (the confirmation itself, a password reset,
"your email was changed") are registered with `account=True` and go to any.

Services call `notify()` or `announce()` inside their transaction: the notice and its task are rows
written with the change that caused them, so a crash between commit and send loses nothing. An
announcement is a notice too, which the worker expands into one notice per person in its audience.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone

from core.models import Notice, NoticeStatus

ANNOUNCE = "announce:"


@dataclass(frozen=True)
class Composed:
    summary: str
    message: EmailMessage | None


@dataclass(frozen=True)
class Kind:
    compose: Callable[..., Composed | None]
    audience: Callable[..., Iterable[tuple]] | None = None
    account: bool = False
    latest_only: bool = False


_kinds: dict[str, Kind] = {}


def register(
    kind: str, compose: Callable[..., Composed | None], *, audience=None, account=False, latest_only=False
) -> None:
    _kinds[kind] = Kind(compose, audience, account, latest_only)


def kind_of(notice: Notice) -> Kind:
    return _kinds[notice.kind.removeprefix(ANNOUNCE)]


def key_of(ids: tuple) -> str:
    return ":".join(str(part) for part in ids)


def ids_of(notice: Notice) -> list[int]:
    return [int(part) for part in notice.key.split(":") if part]


@transaction.atomic
def notify(
    kind: str, *ids: int, delay: timedelta | None = None, collapse: bool = False, data: dict | None = None
) -> Notice | None:
    """Owe one notice about `ids`. With `collapse`, a notice of the same kind and ids still waiting for its
    first try stands for this one (it will say what is true when it goes)."""
    from core.tasks import deliver

    if kind.removeprefix(ANNOUNCE) not in _kinds:
        raise LookupError(f"No notice kind {kind!r} is registered.")
    key = key_of(ids)
    if collapse and Notice.objects.pending().of(kind, key).filter(attempts=0).exists():
        return None
    now = timezone.now()
    run_at = now + delay if delay else now
    notice = Notice.objects.create(
        kind=kind,
        key=key,
        data=data or {},
        created=now,
        next_try_at=run_at,
        give_up_at=now + settings.CLUB_NOTICE_GIVE_UP,
    )
    deliver.using(run_after=run_at if delay else None).enqueue(notice.pk, 0)
    return notice


def announce(kind: str, *ids: int, delay: timedelta | None = None) -> Notice | None:
    """Owe a notice of `kind` to everyone in its audience of `ids`, found by the worker, not the request."""
    if _kinds[kind].audience is None:
        raise LookupError(f"Notice kind {kind!r} has no audience.")
    return notify(ANNOUNCE + kind, *ids, delay=delay)


def expand(announcement: Notice) -> int:
    """Turn an announcement into a notice per person; call in the transaction that closes the announcement."""
    kind = announcement.kind.removeprefix(ANNOUNCE)
    count = 0
    for ids in _kinds[kind].audience(*ids_of(announcement)):
        notify(kind, *ids)
        count += 1
    return count


def compose(notice: Notice) -> Composed | None:
    """What the notice should say now; None when nothing, or when a club notice's address is not confirmed."""
    kind = kind_of(notice)
    last = Notice.objects.of(notice.kind, notice.key).filter(status=NoticeStatus.SENT).order_by("-sent_at")
    composed = kind.compose(*ids_of(notice), last=last.values_list("summary", flat=True).first(), data=notice.data)
    if composed and composed.message and not kind.account and not _confirmed(composed.message.to[0]):
        return None
    return composed


def _confirmed(address: str) -> bool:
    return EmailAddress.objects.filter(email__iexact=address, verified=True, user__is_active=True).exists()


def backoff(attempt: int) -> timedelta:
    """How long to wait before try number `attempt + 1`: 30 s, 1, 2, 4, 8, 16 minutes, then every 30."""
    return min(timedelta(seconds=30) * 2 ** min(attempt - 1, 6), timedelta(minutes=30))


def sent_to(member) -> list[dict]:
    """The club's emails to a member, for "Download my data": to the addresses they have confirmed only,
    since mail to an address someone merely typed in may have been another person's."""
    confirmed = [
        e.lower() for e in EmailAddress.objects.filter(user=member, verified=True).values_list("email", flat=True)
    ]
    sent = (
        Notice.objects.alias(to=Lower("recipient")).filter(to__in=confirmed).exclude(recipient="").order_by("created")
    )
    return [{"subject": n.subject, "status": n.status, "created": n.created, "sent": n.sent_at} for n in sent]


def forget_recipient(member) -> None:
    """A notice keeps the address it went to; a member who leaves takes every address of theirs with them."""
    addresses = {member.email, *EmailAddress.objects.filter(user=member).values_list("email", flat=True)} - {""}
    addresses = [address.lower() for address in addresses]
    Notice.objects.alias(to=Lower("recipient")).filter(to__in=addresses).update(recipient="", subject="", last_error="")
