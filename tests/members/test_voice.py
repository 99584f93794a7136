"""One voice: Join, Log in and Log out on every page and in every email, allauth's own included; never Sign
Up, Sign In, Sign Out or signup."""

import re
from pathlib import Path

import allauth
import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from tests.members.test_two_factor import log_in, secret_of, totp_code

pytestmark = pytest.mark.django_db

OTHER_VOICE = re.compile(r"\bsign(?:ed|ing)?[\s-]*(?:in|up|out|on)\b|\bsignup\b", re.IGNORECASE)
ALLAUTH_TEMPLATES = Path(allauth.__file__).parent / "templates"


def words(html: str) -> str:
    """What a reader sees and hears: the text, button labels and page titles, not addresses or ids."""
    html = re.sub(r"<script.*?</script>", " ", html, flags=re.DOTALL)
    return re.sub(r"https?://\S+", " ", re.sub(r"<[^>]+>", " ", html))


def other_voice(html: str) -> list[str]:
    return OTHER_VOICE.findall(words(html))


VISITOR_PAGES = ["account_login", "account_signup", "account_reset_password", "account_reset_password_done"]
MEMBER_PAGES = [
    "account_logout",
    "account_email",
    "account_change_password",
    "account_reauthenticate",
    "mfa_index",
    "mfa_activate_totp",
    "usersessions_list",
    "members:edit",
]


def test_the_visitors_account_pages_speak_in_one_voice(client, fact):
    for name in VISITOR_PAGES:
        assert other_voice(client.get(reverse(name)).content.decode()) == [], name
    assert other_voice(client.get(fact.get_absolute_url()).content.decode()) == []


def test_the_members_account_pages_speak_in_one_voice(client, member):
    response = log_in(client, "veronika", "squirrel-1941")
    for name in MEMBER_PAGES:
        response = client.get(reverse(name), follow=True)
        assert other_voice(response.content.decode()) == [], name


def test_logging_in_and_out_say_so_in_the_same_words(client, member):
    page = client.post(reverse("account_login"), {"login": "veronika", "password": "squirrel-1941"}, follow=True)
    assert "You are logged in as" in page.content.decode()
    page = client.post(reverse("account_logout"), follow=True)
    assert "You are logged out." in page.content.decode()


def test_the_two_factor_step_of_logging_in_says_log_in(client, curator):
    page = log_in(client, "curator", "cranes-1957")
    step = client.get(page["Location"]).content.decode()
    assert other_voice(step) == []
    assert ">\n                Log in\n" in step or "Log in" in words(step)
    assert client.post(reverse("mfa_authenticate"), {"code": totp_code(secret_of(curator))}).status_code == 302


@pytest.mark.parametrize(
    "template",
    sorted(
        str(path.relative_to(ALLAUTH_TEMPLATES))
        for folder in ("account/email", "mfa/email", "account/messages", "mfa/messages", "usersessions/messages")
        for path in (ALLAUTH_TEMPLATES / folder).glob("*.txt")
    ),
)
def test_every_email_and_message_speaks_in_one_voice(member, template):
    context = {
        "user": member,
        "email": member.email,
        "code": "123456",
        "activate_url": "https://cranes.example/confirm",
        "password_reset_url": "https://cranes.example/reset",
        "signup_url": "https://cranes.example/accounts/signup/",
        "from_email": "old@example.org",
        "to_email": "new@example.org",
        "deleted_email": "old@example.org",
        "current_site": {"name": "Cranes Club", "domain": "cranes.example"},
        "name": "veronika",
        "recipient": member.email,
    }
    assert other_voice(render_to_string(template, context)) == [], template
