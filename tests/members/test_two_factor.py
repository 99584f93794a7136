"""A second factor that is one: a password alone never opens the admin, nor reads or makes recovery codes;
turning two-factor on or off ends the account's other sessions."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from allauth.mfa.utils import decrypt
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def totp_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def secret_of(user) -> str:
    return decrypt(Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP).data["secret"])


def log_in(client: Client, login: str, password: str):
    return client.post(reverse("account_login"), {"login": login, "password": password})


def test_the_attack_with_a_password_alone_ends_without_the_admin(client, curator):
    """The chain from the issue: a password session reauthenticates by password, makes and reads recovery
    codes, passes the two-factor reauthentication with one, and asks for the admin."""
    client.force_login(curator)  # a session that logged in with a password before two-factor was on
    refused = client.post(reverse("account_reauthenticate"), {"password": "cranes-1957"})
    assert refused.status_code == 302 and refused["Location"].startswith(reverse("mfa_reauthenticate"))
    client.post(reverse("mfa_generate_recovery_codes"))
    assert not Authenticator.objects.filter(user=curator, type=Authenticator.Type.RECOVERY_CODES).exists()
    page = client.get(reverse("mfa_view_recovery_codes"))
    assert page.status_code in (302, 404)
    assert client.get(reverse("admin:index")).status_code == 302
    assert client.get(reverse("admin:facts_fact_changelist")).status_code == 302


def test_reauthentication_asks_for_the_second_factor_not_the_password(client, curator):
    client.force_login(curator)
    response = client.get(reverse("account_reauthenticate"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("mfa_reauthenticate"))
    page = client.get(reverse("mfa_reauthenticate")).content.decode()
    assert reverse("account_reauthenticate") not in page  # no "use your password instead"
    assert client.post(reverse("mfa_reauthenticate"), {"code": totp_code(secret_of(curator))}).status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_members_without_two_factor_still_reauthenticate_with_their_password(client, member):
    client.force_login(member)
    assert client.get(reverse("account_reauthenticate")).status_code == 200
    assert client.post(reverse("account_reauthenticate"), {"password": "squirrel-1941"}).status_code == 302


def test_a_recovery_code_logs_in_but_opens_the_admin_only_after_a_code_from_the_app(client, curator):
    code = RecoveryCodes.activate(curator).get_unused_codes()[0]
    log_in(client, "curator", "cranes-1957")
    assert client.post(reverse("mfa_authenticate"), {"code": code}).status_code == 302
    assert client.get(reverse("home:index")).context["user"] == curator
    response = client.get(reverse("admin:index"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("mfa_reauthenticate"))
    client.post(reverse("mfa_reauthenticate"), {"code": totp_code(secret_of(curator))})
    assert client.get(reverse("admin:index")).status_code == 200


def reauthenticated(client) -> Client:
    client.post(reverse("account_reauthenticate"), {"password": "squirrel-1941"})
    return client


def committed(client, url, data=None):
    """A POST whose transaction commits, so allauth's signals (sent on commit) run, as they do in production."""
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url, data or {})


def turn_on_totp(client) -> str:
    client.get(reverse("mfa_activate_totp"))
    secret = client.session["mfa.totp.secret"]
    response = committed(client, reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert response.status_code == 302, response.content.decode()
    return secret


def test_turning_two_factor_on_ends_the_accounts_other_sessions(member):
    mine, thief = Client(), Client()
    log_in(thief, "veronika", "squirrel-1941")
    log_in(mine, "veronika", "squirrel-1941")
    turn_on_totp(reauthenticated(mine))
    assert Authenticator.objects.filter(user=member, type=Authenticator.Type.TOTP).exists()
    assert not thief.get(reverse("home:index")).context["user"].is_authenticated
    assert mine.get(reverse("home:index")).context["user"] == member


def test_sessions_begun_without_allauths_list_end_too(client, member):
    elsewhere = Client()
    elsewhere.force_login(member)  # not in "Where I'm logged in"
    log_in(client, "veronika", "squirrel-1941")
    turn_on_totp(reauthenticated(client))
    assert not elsewhere.get(reverse("home:index")).context["user"].is_authenticated


def test_new_recovery_codes_and_turning_two_factor_off_end_the_other_sessions(member):
    mine = Client()
    log_in(mine, "veronika", "squirrel-1941")
    turn_on_totp(reauthenticated(mine))
    for change in ("regenerate", "deactivate"):
        other = Client()
        other.force_login(member)
        assert other.get(reverse("home:index")).context["user"] == member
        url = reverse("mfa_generate_recovery_codes" if change == "regenerate" else "mfa_deactivate_totp")
        assert committed(mine, url).status_code == 302
        assert not other.get(reverse("home:index")).context["user"].is_authenticated, change
        assert mine.get(reverse("home:index")).context["user"] == member


def test_recovery_codes_are_shown_once_when_made_and_never_cached(member):
    client = Client()
    log_in(client, "veronika", "squirrel-1941")
    turn_on_totp(reauthenticated(client))
    codes = Authenticator.objects.get(user=member, type=Authenticator.Type.RECOVERY_CODES).wrap().get_unused_codes()
    first = client.get(reverse("mfa_view_recovery_codes"))
    assert codes[0] in first.content.decode()
    assert "no-store" in first["Cache-Control"] or "no-cache" in first["Cache-Control"]
    again = client.get(reverse("mfa_view_recovery_codes"))
    assert codes[0] not in again.content.decode()
    assert client.get(reverse("mfa_download_recovery_codes")).status_code == 403
