"""Accounts with django-allauth: a confirmed address before club business, log-in limits a stranger cannot
turn against a member, two-factor for staff, and members' sessions."""

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from django.test import Client
from django.urls import reverse
from django.utils.http import urlencode

from discussion import services as discussion
from discussion.models import Comment
from members.models import User
from screenings.models import Rsvp
from tests.conftest import confirmed

pytestmark = pytest.mark.django_db

PASSWORD = "Squirrel-1941"


def signup(client, **overrides):
    data = {"username": "veronika", "email": "v@example.org", "password1": PASSWORD, "password2": PASSWORD}
    return client.post(reverse("account_signup"), {**data, **overrides})


def test_signup_logs_the_member_in_and_sends_only_the_confirmation(client, mailoutbox, run_worker):
    assert signup(client).status_code == 302
    member = User.objects.get(username="veronika")
    assert client.get(reverse("home:index")).context["user"] == member
    run_worker()
    assert [m.subject for m in mailoutbox] == ["Cranes Club: Welcome: confirm your email address"]
    assert "https://cranes.example/accounts/confirm-email/" in mailoutbox[0].body


def test_an_unconfirmed_member_can_neither_rsvp_nor_comment_until_they_confirm(
    client, screening, fact, mailoutbox, confirm_by_email
):
    signup(client)
    rsvp = client.post(reverse("screenings:rsvp", args=[screening.slug]))
    comment = client.post(reverse("discussion:post", args=["fact", fact.slug]), {"text": "Hello"})
    assert rsvp["Location"] == comment["Location"] == reverse("account_email")
    assert "Confirm your email address" in client.get(reverse("account_email")).content.decode()
    assert not Rsvp.objects.exists() and not Comment.objects.exists()

    confirm_by_email(client)
    client.post(reverse("screenings:rsvp", args=[screening.slug]))
    client.post(reverse("discussion:post", args=["fact", fact.slug]), {"text": "Hello"})
    assert Rsvp.objects.count() == 1 and Comment.objects.count() == 1


def test_an_unconfirmed_address_gets_no_club_email(unconfirmed_member, member, fact, mailoutbox, run_worker, seasoned):
    seasoned(unconfirmed_member, member)
    thread = discussion.post_comment(author=unconfirmed_member, target=fact, text="A thread")
    discussion.post_comment(author=member, target=fact, text="A reply", parent=thread)
    run_worker()
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"password2": "different"}, "You must type the same password each time"),
        ({"email": "not-an-email"}, "Enter a valid email address"),
        ({"password1": "123", "password2": "123"}, "too short"),
    ],
)
def test_signup_errors_are_shown(client, overrides, message):
    response = signup(client, **overrides)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.exists()


def test_signup_refuses_a_taken_email_without_mailing_its_owner(client, member, mailoutbox, run_worker):
    response = signup(client, username="other", email=member.email.upper())
    assert "already registered with this email" in response.content.decode()
    run_worker()
    assert mailoutbox == []


@pytest.mark.parametrize("login", ["veronika", "veronika@example.org"])
def test_log_in_by_username_or_email_and_follow_only_local_next(client, member, login):
    ok = client.post(reverse("account_login"), {"login": login, "password": "squirrel-1941", "next": "/faq/"})
    assert ok["Location"] == "/faq/"
    client.post(reverse("account_logout"))
    evil = client.post(
        reverse("account_login"), {"login": login, "password": "squirrel-1941", "next": "https://evil.example/"}
    )
    assert evil["Location"] == reverse("home:index")


def test_log_out_is_a_post(client, member):
    client.force_login(member)
    assert client.get(reverse("account_logout")).status_code == 200  # a page asking to confirm
    assert client.get(reverse("home:index")).context["user"].is_authenticated
    client.post(reverse("account_logout"))
    assert not client.get(reverse("home:index")).context["user"].is_authenticated


def from_address(address: str) -> Client:
    return Client(headers={"x-forwarded-for": address})


def log_in(client: Client, login: str, password: str):
    return client.post(reverse("account_login"), {"login": login, "password": password})


def test_a_stranger_failing_from_one_address_cannot_lock_a_member_out_of_another(member, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    stranger = from_address("203.0.113.66")
    for _ in range(8):
        log_in(stranger, "veronika", "wrong")
    refused = log_in(stranger, "veronika", "squirrel-1941")
    assert "Too many failed login attempts" in refused.content.decode()
    assert "_auth_user_id" not in stranger.session

    at_home = from_address("198.51.100.7")
    assert log_in(at_home, "veronika", "squirrel-1941").status_code == 302
    assert int(at_home.session["_auth_user_id"]) == member.pk


def test_at_a_busy_address_a_members_right_password_still_logs_in(member, other_member, settings):
    """A café: strangers fail eleven times from its address; the member at the next table logs in."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    cafe = from_address("203.0.113.66")
    for number in range(11):
        log_in(cafe, f"guess{number}", "wrong")
    assert "Too many failed login attempts" in log_in(cafe, "guess-again", "wrong").content.decode()

    member_at_the_next_table = from_address("203.0.113.66")
    assert log_in(member_at_the_next_table, "veronika", "squirrel-1941").status_code == 302
    assert int(member_at_the_next_table.session["_auth_user_id"]) == member.pk


def test_at_a_busy_address_each_account_gets_one_try_and_every_failure_says_the_same(other_member, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    guesser = from_address("203.0.113.66")
    for number in range(10):
        log_in(guesser, f"guess{number}", "wrong")
    # A wrong password for an account answers as a name of no account does: nothing tells which names exist.
    assert "Too many failed login attempts" in log_in(guesser, "boris", "wrong").content.decode()
    refused = log_in(guesser, "boris", "pw")  # the right one, after a failure from this busy address
    assert "Too many failed login attempts" in refused.content.decode()
    assert log_in(from_address("198.51.100.7"), "boris", "pw").status_code == 302  # from home, as usual


def test_a_password_reset_link_comes_from_site_url_and_works(client, member, mailoutbox, run_worker):
    client.post(reverse("account_reset_password"), {"email": member.email}, headers={"host": "127.0.0.1:6666"})
    run_worker()
    (email,) = mailoutbox
    link = re.search(r"https://cranes\.example(/accounts/password/reset/key/\S+)", email.body).group(1)
    form = client.get(link, follow=True)
    response = client.post(form.redirect_chain[-1][0], {"password1": "New-Cranes-1958", "password2": "New-Cranes-1958"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password("New-Cranes-1958")


def test_a_reset_for_an_unknown_address_mails_no_one(client, mailoutbox, run_worker):
    client.post(reverse("account_reset_password"), {"email": "stranger@example.org"})
    run_worker()
    assert mailoutbox == []


def test_changing_email_needs_a_new_confirmation_and_the_old_address_is_told(
    client, member, screening, mailoutbox, run_worker
):
    client.force_login(member)
    client.post(reverse("account_reauthenticate"), {"password": "squirrel-1941"})
    client.post(reverse("account_email"), {"action_add": "", "email": "new@example.org"})
    run_worker()
    assert [m.to for m in mailoutbox] == [["new@example.org"]]
    assert EmailAddress.objects.get(email="new@example.org").verified is False
    member.refresh_from_db()
    assert member.email == "veronika@example.org"  # unchanged until the new one is confirmed

    link = next(word for word in mailoutbox[0].body.split() if "/accounts/confirm-email/" in word)
    client.post(link.removeprefix("https://cranes.example"))
    run_worker()
    member.refresh_from_db()
    assert member.email == "new@example.org"
    assert ["veronika@example.org"] in [m.to for m in mailoutbox[1:]]
    assert any("changed" in m.body for m in mailoutbox[1:] if m.to == ["veronika@example.org"])


def test_changing_the_email_address_needs_a_recent_reauthentication(client, member, mailoutbox, run_worker):
    client.force_login(member)  # logged in long ago, on a shared computer say
    response = client.post(reverse("account_email"), {"action_add": "", "email": "thief@example.org"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_reauthenticate"))
    assert not EmailAddress.objects.filter(email="thief@example.org").exists()
    run_worker()
    assert mailoutbox == []


def test_a_session_that_gave_no_second_factor_cannot_open_the_admin(client, curator):
    client.force_login(curator)  # a password alone, as before two-factor was turned on
    response = client.get(reverse("admin:index"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("mfa_reauthenticate"))
    assert client.get(reverse("admin:facts_fact_changelist")).status_code == 302


def totp_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def test_staff_without_two_factor_are_sent_to_set_it_up_and_see_no_admin_page(client, django_user_model):
    staff = confirmed(django_user_model.objects.create_user("helper", "h@example.org", PASSWORD, is_staff=True))
    client.force_login(staff)
    for url in (
        reverse("admin:index"),
        reverse("admin:facts_fact_changelist"),
        reverse("admin:outbox_notice_changelist"),
    ):
        response = client.get(url, follow=True)
        assert response.redirect_chain[-1][0] == f"{reverse('mfa_index')}?{urlencode({'next': url})}", url
        assert "needs two-factor authentication" in response.content.decode()


def test_a_curator_logs_in_with_totp_and_opens_the_admin(client, curator):
    secret = Authenticator.objects.get(user=curator, type=Authenticator.Type.TOTP).wrap().instance.data["secret"]
    response = client.get(reverse("admin:index"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))
    step = client.post(reverse("account_login"), {"login": "curator", "password": "cranes-1957", "next": "/admin/"})
    assert step["Location"] == reverse("mfa_authenticate")
    assert client.get(reverse("admin:index")).status_code == 302  # not yet: the second factor is missing
    from allauth.mfa.totp.internal.auth import decrypt

    done = client.post(reverse("mfa_authenticate"), {"code": totp_code(decrypt(secret))})
    assert done["Location"] == "/admin/"
    assert client.get(reverse("admin:index")).status_code == 200


def test_recovery_codes_work_once_each(client, curator):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    codes = RecoveryCodes.activate(curator).get_unused_codes()
    for attempt in ("first", "second"):
        fresh = Client()
        fresh.post(reverse("account_login"), {"login": "curator", "password": "cranes-1957"})
        response = fresh.post(reverse("mfa_authenticate"), {"code": codes[0]})
        if attempt == "first":
            assert response.status_code == 302
            assert fresh.get(reverse("home:index")).context["user"] == curator
        else:
            assert response.status_code == 200 and "Incorrect code" in response.content.decode()


FIREFOX_ON_ANDROID = "Mozilla/5.0 (Android 14; Mobile; rv:126.0) Gecko/126.0 Firefox/126.0"
SAFARI_ON_MACOS = (
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.4 Safari/605.1.15"
)


def test_members_see_their_sessions_and_can_end_the_others(member):
    first, second = Client(headers={"user-agent": FIREFOX_ON_ANDROID}), Client(headers={"user-agent": SAFARI_ON_MACOS})
    for client in (first, second):
        log_in(client, "veronika", "squirrel-1941")
    page = first.get(reverse("usersessions_list")).content.decode()
    # The browser by name and when the session began, never the raw string; no town without a file of places.
    assert "<strong>Firefox on Android</strong> <span" in page and "<strong>Safari on macOS</strong>" in page
    assert "Gecko/126.0" not in page and "AppleWebKit" not in page
    assert page.count("Since <time datetime=") == 2
    first.post(reverse("usersessions_list"), {"action": "logout"})
    assert not second.get(reverse("home:index")).context["user"].is_authenticated
    assert first.get(reverse("home:index")).context["user"].is_authenticated


def test_thirty_rsvp_toggles_in_a_minute_are_throttled_and_send_at_most_a_few_emails(
    client, member, screening, mailoutbox, run_worker
):
    client.force_login(member)
    statuses = []
    for turn in range(30):
        action = "screenings:rsvp" if turn % 2 == 0 else "screenings:cancel"
        statuses.append(client.post(reverse(action, args=[screening.slug])).status_code)
    assert statuses.count(429) >= 20
    html = client.post(reverse("screenings:rsvp", args=[screening.slug]), headers={"accept": "text/html"}, follow=True)
    assert "Please wait a minute" in html.content.decode()
    run_worker()
    assert len(mailoutbox) <= 2


def test_an_unconfirmed_address_gets_no_account_notifications_either(
    client, unconfirmed_member, mailoutbox, run_worker
):
    client.force_login(unconfirmed_member)
    for number in range(3):
        new = f"New-Cranes-19{number}8"
        old = "squirrel-1941" if number == 0 else f"New-Cranes-19{number - 1}8"
        client.post(reverse("account_change_password"), {"oldpassword": old, "password1": new, "password2": new})
    run_worker()
    assert mailoutbox == []


@pytest.mark.parametrize("username", ["me", "admin", "verоnika", "x@example.org", "former-member-0123456789abcdef"])
def test_usernames_that_pass_for_someone_else_are_refused(client, username):
    signup(client, username=username)
    assert not User.objects.filter(username=username).exists()


def test_username_and_email_count_as_one_account_for_failed_log_ins(member, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    stranger = from_address("203.0.113.66")
    for login in ["veronika", "veronika@example.org"] * 3:
        log_in(stranger, login, "wrong")
    assert (
        "Too many failed login attempts" in log_in(stranger, "veronika@example.org", "squirrel-1941").content.decode()
    )


def test_ipv4_visitors_written_as_ipv6_are_counted_one_by_one(member, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    stranger = from_address("::ffff:203.0.113.5")
    for _ in range(6):
        log_in(stranger, "veronika", "wrong")
    at_home = from_address("::ffff:198.51.100.7")
    assert log_in(at_home, "veronika", "squirrel-1941").status_code == 302


def test_at_a_busy_address_a_refusal_takes_as_long_as_a_password_check(member, settings, monkeypatch):
    from members.models import User

    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    cafe = from_address("203.0.113.66")
    for number in range(11):
        log_in(cafe, f"guess{number}", "wrong")
    hashed = []
    monkeypatch.setattr(User, "set_password", lambda self, raw: hashed.append(raw))
    assert "Too many failed login attempts" in log_in(cafe, "nobody-at-all", "a-guess").content.decode()
    assert hashed == ["a-guess"], "the refusal hashes the password as a check would"


def test_with_a_file_of_places_each_session_names_its_town(member, settings, tmp_path):
    from mmdb_writer import MMDBWriter
    from netaddr import IPSet

    from members import sessions

    places = MMDBWriter(ip_version=6, ipv4_compatible=True, database_type="GeoLite2-City", languages=["en"])
    places.insert_network(IPSet(["127.0.0.0/8"]), {"city": {"names": {"en": "London"}}})
    places.insert_network(IPSet(["203.0.113.0/24"]), {"country": {"names": {"en": "Georgia"}}})
    places.to_db_file(str(tmp_path / "places.mmdb"))
    settings.GEOIP_CITY_DB = str(tmp_path / "places.mmdb")
    sessions._places.cache_clear()
    try:
        client = Client(headers={"user-agent": FIREFOX_ON_ANDROID})
        log_in(client, "veronika", "squirrel-1941")
        page = client.get(reverse("usersessions_list")).content.decode()
        assert "<strong>Firefox on Android, London</strong>" in page
        assert (sessions.place("203.0.113.9"), sessions.place("198.51.100.1"), sessions.place("nonsense")) == (
            "Georgia",
            "",
            "",
        )
    finally:
        sessions._places.cache_clear()
