"""The kinds of notice the apps send, and what each says when its turn comes.

Apps register each kind in their AppConfig.ready(): `compose(*ids, last=..., data=...)` reads the
database when the notice's turn comes and returns what to send (or None: nothing to say now); `last`
is the summary of the last notice of the same kind and ids that went out, so a notice that would
repeat it can be dropped. With `latest_only`, a newer notice of the same kind and ids makes an older
one still waiting redundant (it will tell the state as it is then). An `audience` makes the kind one
that can be announced: the worker turns the announcement into a notice per person. A kind with `forget`
keeps nothing once its notice has gone (or was not needed): `forget(*ids)` deletes what the notice was
about, and the notice is deleted too.

Club notices go only to an address its member confirmed, by the rule members registers
(`confirmed_addresses_by`); account emails (the confirmation itself, a password reset, "your email was
changed") are registered with `account=True` and go to any. Sending is outbox.delivery's.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.mail import EmailMessage

from outbox.models import Notice, NoticeStatus

ANNOUNCE = "announce:"


@dataclass(frozen=True)
class Composed:
    """What a notice says now (`summary`, compared next time as `last`) and the email, if any; a club notice
    names the member it is for, whose confirmed address it must go to."""

    summary: str
    message: EmailMessage | None
    member: object = None


@dataclass(frozen=True)
class Kind:
    compose: Callable[..., Composed | None]
    audience: Callable[..., Iterable[tuple]] | None = None
    account: bool = False
    latest_only: bool = False
    forget: Callable[..., None] | None = None


_kinds: dict[str, Kind] = {}


def _nobody(address: str, member=None) -> bool:
    return False


# Whether club mail may go to an address (of the member, when the notice names one): members registers
# the rule; until then, to no one.
_is_confirmed: Callable[..., bool] = _nobody


def register(
    kind: str, compose: Callable[..., Composed | None], *, audience=None, account=False, latest_only=False, forget=None
) -> None:
    _kinds[kind] = Kind(compose, audience, account, latest_only, forget)


def confirmed_addresses_by(rule: Callable[..., bool]) -> None:
    """Members registers the one rule for club mail: `rule(address, member)` is true when the member confirmed
    the address (any active member, when the notice names none)."""
    global _is_confirmed
    _is_confirmed = rule


def registered(kind: str) -> Kind:
    """The kind by its name (an announcement's too); LookupError for one no app registered."""
    try:
        return _kinds[kind.removeprefix(ANNOUNCE)]
    except KeyError:
        raise LookupError(f"No notice kind {kind!r} is registered.") from None


def kind_of(notice: Notice) -> Kind:
    return registered(notice.kind)


def key_of(ids: tuple) -> str:
    return ":".join(str(part) for part in ids)


def ids_of(notice: Notice) -> list[int]:
    return [int(part) for part in notice.key.split(":") if part]


def audience_of(announcement: Notice) -> Iterable[tuple]:
    """The ids of a notice for each person an announcement goes to."""
    return kind_of(announcement).audience(*ids_of(announcement))


def compose(notice: Notice) -> Composed | None:
    """What the notice should say now; None when nothing, or when a club notice's address is not confirmed."""
    kind = kind_of(notice)
    last = Notice.objects.of(notice.kind, notice.key).filter(status=NoticeStatus.SENT).order_by("-sent_at")
    composed = kind.compose(*ids_of(notice), last=last.values_list("summary", flat=True).first(), data=notice.data)
    if (
        composed
        and composed.message
        and not kind.account
        and not _is_confirmed(composed.message.to[0], composed.member)
    ):
        return None
    return composed
