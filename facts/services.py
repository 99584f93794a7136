"""Members' suggested corrections: made by members, decided by curators, told to the member."""

from django.db import transaction
from django.utils import timezone

from facts.models import Fact, Suggestion
from outbox.delivery import notify


def suggest(*, member, fact: Fact, problem: str, proposal: str, sources: list[str]) -> Suggestion:
    return Suggestion.objects.create(
        member=member, fact=fact, problem=problem, proposal=proposal, sources="\n".join(sources)
    )


@transaction.atomic
def accept(suggestion: Suggestion, *, by) -> None:
    """Record that the fact was corrected after `suggestion` (the caller saved the fact, crediting them)."""
    _decide(suggestion, Suggestion.State.ACCEPTED, by=by)


@transaction.atomic
def reject(suggestion: Suggestion, *, by, reason: str) -> None:
    suggestion.reason = reason
    _decide(suggestion, Suggestion.State.REJECTED, by=by)


def _decide(suggestion: Suggestion, state: str, *, by) -> None:
    suggestion.state, suggestion.decided_at, suggestion.decided_by = state, timezone.now(), by
    suggestion.save()
    notify("facts.suggestion", suggestion.pk)
