"""What the site holds about a member, gathered from every app: to hand it over, to erase it, and to say so.

Each app registers a section in its AppConfig.ready(): `export(member)` returns JSON-ready data,
`erase(member)` removes or anonymises what is the member's, through that app's own services, and `what` and
`kept` say in a reader's words what the section holds and for how long (the privacy page lists them).
Members' "Download my data" and "Delete my account" call every section; core names no app.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType


@dataclass(frozen=True)
class Section:
    export: Callable[[Any], Any]
    erase: Callable[[Any], None] | None = None
    what: str = ""
    kept: str = ""


_sections: dict[str, Section] = {}


def register(
    name: str,
    *,
    export: Callable[[Any], Any],
    erase: Callable[[Any], None] | None = None,
    what: str = "",
    kept: str = "",
) -> None:
    _sections[name] = Section(export, erase, what, kept)


def sections() -> dict[str, Section]:
    """Every section, in the order the apps registered them."""
    return dict(_sections)


def export(member) -> dict[str, Any]:
    return {name: section.export(member) for name, section in _sections.items()}


def erase(member) -> None:
    """Run every section's eraser; call inside the transaction that closes the account."""
    for section in _sections.values():
        if section.erase:
            section.erase(member)


def rename_in_admin_log(model, ids: Iterable, name: str) -> None:
    """The admin's log keeps each object's name as it was ("Suggestion on … by Veronika B."): the entries of
    `model`'s rows `ids` take `name` instead, one that names no member. Erasers call it for their rows."""
    entries = LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(model))
    entries.filter(object_id__in=[str(pk) for pk in ids]).update(object_repr=name)
