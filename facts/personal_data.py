"""A member's suggested corrections, for "Download my data" and "Delete my account" (see core.personal_data)."""

from core import personal_data
from core.links import absolute_url
from facts.models import Change, Suggestion

# What each section holds and for how long, for the privacy page (core.personal_data).
SUGGESTIONS = (
    "The corrections you suggest: the fact, what is wrong, the wording and sources you propose, and what the "
    "curators decided and why."
)
SUGGESTIONS_KEPT = "Until you delete your account, which deletes them; corrections made from them stay on the facts."
CREDITS = "Your name on a fact's Changes list, beside a correction that came from your suggestion."
CREDITS_KEPT = "Until you delete your account: the correction stays, credited to nobody."


def suggestions(member) -> list[dict]:
    return [
        {
            "fact": suggestion.fact.title,
            "url": absolute_url(suggestion.fact.get_absolute_url()),
            "what_is_wrong": suggestion.problem,
            "proposed_wording": suggestion.proposal,
            "sources": suggestion.source_list,
            "state": suggestion.state,
            "reason": suggestion.reason,
            "created": suggestion.created,
            "decided": suggestion.decided_at,
        }
        for suggestion in Suggestion.objects.filter(member=member).select_related("fact")
    ]


def credits(member) -> list[dict]:
    return [
        {"fact": change.fact.title, "date": change.date, "note": change.note}
        for change in Change.objects.filter(credit=member).select_related("fact")
    ]


def erase(member) -> None:
    """Their suggestions go (and their names from the admin's log); the corrections made from them stay, no
    longer credited to anyone."""
    theirs = Suggestion.objects.filter(member=member)
    personal_data.rename_in_admin_log(Suggestion, theirs.values_list("pk", flat=True), "Suggestion by a former member")
    theirs.delete()
    Change.objects.filter(credit=member).update(credit=None)
