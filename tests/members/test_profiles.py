"""A profile save writes the profile alone, and a display name cannot pass for the club's staff."""

import pytest
from django.contrib.auth.hashers import make_password
from django.urls import reverse

from members.forms import ProfileForm
from members.models import User

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name",
    [
        "Cranes Club curator",
        "CRANES CLUB",
        "Cranesclub team",
        "The Curator",
        "Club organiser Anna",
        "Moderator",
        "Ａｄｍｉｎ",  # full-width letters
        "cura\u200btor Vera",  # an invisible space inside the word
        "Cranes Club сurator",  # a Cyrillic с among Latin letters
    ],
)
def test_display_names_that_pass_for_staff_are_refused(client, member, name):
    client.force_login(member)
    response = client.post(reverse("members:edit"), {"display_name": name})
    assert response.status_code == 200 and "display_name" in response.context["form"].errors
    member.refresh_from_db()
    assert member.display_name == ""


@pytest.mark.parametrize("name", ["Вероника Б.", "Zoë Ashworth", "Ольга", "Staffordshire Sam", "Veronika B."])
def test_names_in_any_one_alphabet_are_welcome(client, member, name):
    client.force_login(member)
    assert client.post(reverse("members:edit"), {"display_name": name}).status_code == 302
    member.refresh_from_db()
    assert member.display_name == name


def test_a_profile_save_never_writes_back_a_password_changed_meanwhile(client, member, monkeypatch):
    client.force_login(member)
    clean = ProfileForm.clean

    def password_changed_on_another_device(form):
        User.objects.filter(pk=member.pk).update(password=make_password("New-Cranes-1958"))
        return clean(form)

    monkeypatch.setattr(ProfileForm, "clean", password_changed_on_another_device)
    assert client.post(reverse("members:edit"), {"display_name": "Veronika B.", "bio": "Cranes"}).status_code == 302
    member.refresh_from_db()
    assert member.check_password("New-Cranes-1958")
    assert (member.display_name, member.bio) == ("Veronika B.", "Cranes")
