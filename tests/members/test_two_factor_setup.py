"""A new curator sets up two-factor on the way to the admin: the log-in a minute ago counts as recent (no password
asked again), and the last page of the set-up leads on to the admin, which opens."""

from datetime import timedelta

import pytest
import time_machine
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from tests.conftest import confirmed
from tests.members.test_two_factor import committed, log_in, secret_of, totp_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def new_curator(django_user_model):
    from django.contrib.auth.models import Permission

    group, _ = Group.objects.get_or_create(name="Curators")  # transactional tests flush the data migrations' rows
    group.permissions.set(Permission.objects.filter(content_type__app_label="facts"))
    user = django_user_model.objects.create_user("editor", "editor@example.org", "cranes-1957", is_staff=True)
    user.groups.add(group)
    return confirmed(user)


# Transactions commit as in production, so allauth's signals (sent on commit) run inside the request.
@pytest.mark.django_db(transaction=True)
def test_a_new_curator_goes_from_log_in_to_the_admin_without_the_password_again(client, new_curator):
    log_in(client, "editor", "cranes-1957")
    sent = client.get(reverse("admin:facts_fact_changelist"), follow=True)
    assert sent.redirect_chain[-1][0].startswith(reverse("mfa_index"))

    activate = client.get(reverse("mfa_activate_totp"))
    assert activate.status_code == 200  # not the reauthentication page: the log-in is recent
    secret = client.session["mfa.totp.secret"]
    done = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert done["Location"] == reverse("mfa_view_recovery_codes")

    end = client.get(done["Location"]).content.decode()
    assert f'href="{reverse("admin:facts_fact_changelist")}">Open the admin</a>' in end
    assert client.get(reverse("admin:facts_fact_changelist")).status_code == 200  # the code just given counts


def test_a_log_in_more_than_five_minutes_old_is_asked_again(client, new_curator):
    log_in(client, "editor", "cranes-1957")
    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))


def test_with_two_factor_on_a_fresh_log_in_counts_only_with_a_code_from_the_app(client, curator):
    log_in(client, "curator", "cranes-1957")
    client.post(reverse("mfa_authenticate"), {"code": totp_code(secret_of(curator))})
    assert client.get(reverse("mfa_generate_recovery_codes")).status_code == 200

    other = client.__class__()
    code = RecoveryCodes.activate(curator).get_unused_codes()[0]
    log_in(other, "curator", "cranes-1957")
    other.post(reverse("mfa_authenticate"), {"code": code})
    response = other.get(reverse("mfa_generate_recovery_codes"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("mfa_reauthenticate"))


def test_a_password_alone_is_not_a_fresh_log_in_for_an_account_with_two_factor(client, curator):
    client.force_login(curator)
    session = client.session
    session["account_authentication_methods"] = [{"method": "password", "at": timezone.now().timestamp()}]
    session["account_authentication_methods_user"] = str(curator.pk)
    session.save()
    response = client.get(reverse("mfa_generate_recovery_codes"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("mfa_reauthenticate"))


def test_the_set_up_page_keeps_only_a_next_on_this_site(client, new_curator):
    log_in(client, "editor", "cranes-1957")
    client.get(reverse("mfa_index"), {"next": "https://evil.example/admin/"})
    secret = client.get(reverse("mfa_activate_totp")) and client.session["mfa.totp.secret"]
    done = committed(client, reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert "evil.example" not in client.get(done["Location"]).content.decode()


def test_a_fresh_log_in_counts_on_the_two_factor_pages_only(client, new_curator):
    log_in(client, "editor", "cranes-1957")
    assert client.get(reverse("mfa_activate_totp")).status_code == 200
    response = client.post(reverse("account_email"), {"action_add": "", "email": "thief@example.org"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_reauthenticate"))
