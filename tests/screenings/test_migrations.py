"""The screenings app's data migrations take back, when undone, what they gave and nothing more."""

from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth.models import Group

pytestmark = pytest.mark.django_db

door_rights = import_module("screenings.migrations.0009_unique_ticket_codes_and_door_rights")


def codenames(group: str) -> set[str]:
    return set(Group.objects.get(name=group).permissions.values_list("codename", flat=True))


@pytest.mark.parametrize("group", ["Curators", "Organisers"])
def test_undoing_the_door_rights_takes_back_only_what_0009_granted(group):
    assert {"run_door", "view_reflection", "change_screening", "change_rsvp", "view_venue"} <= codenames(group)
    undo = door_rights.Migration.operations[-1].reverse_code
    undo(apps, None)
    kept = codenames(group)
    assert not kept & set(door_rights.CODENAMES)
    assert {"add_screening", "change_screening", "view_rsvp", "change_rsvp", "view_venue"} <= kept
    door_rights.Migration.operations[-1].code(apps, None)
    assert set(door_rights.CODENAMES) <= codenames(group)
