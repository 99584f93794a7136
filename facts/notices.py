"""The email a member gets when curators decide on their suggested correction, composed when it goes."""

from core import mail
from core.links import absolute_url
from facts.models import Suggestion
from outbox.kinds import Composed, register


def decided(suggestion_id: int, *, last: str | None, data: dict) -> Composed | None:
    suggestion = Suggestion.objects.select_related("fact", "member").filter(pk=suggestion_id).first()
    if suggestion is None or suggestion.state == Suggestion.State.OPEN or not suggestion.member.email:
        return None
    outcome = suggestion.get_state_display().lower()
    message = mail.message(
        to=suggestion.member.email,
        subject=f"Your suggestion was {outcome}: {suggestion.fact.title}",
        template="facts/email/suggestion_decided.txt",
        context={
            "suggestion": suggestion,
            "member": suggestion.member,
            "fact_url": absolute_url(suggestion.fact.get_absolute_url()),
            "profile_url": absolute_url(suggestion.member.get_absolute_url()),
        },
    )
    return Composed(suggestion.state, message, suggestion.member)


def register_kinds() -> None:
    register("facts.suggestion", decided, latest_only=True)
