"""Browser tests: headless Chromium (Debian's package) driven by Playwright against the live test server.

They run when a Chromium binary is found, and are skipped otherwise with a note; CI sets
BROWSER_TESTS=required so a missing browser fails instead.
"""

import os
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.conftest import confirmed, with_two_factor

# Playwright's sync API keeps an event loop in this thread; the ORM calls in fixtures are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    if CHROMIUM and AXE.exists():
        return
    missing = "Chromium (apt-get install chromium)" if not CHROMIUM else "axe-core (npm ci)"
    if os.environ.get("BROWSER_TESTS") == "required":
        raise pytest.UsageError(f"browser tests are required but {missing} is missing")
    skip = pytest.mark.skip(reason=f"browser tests need {missing}")
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def site(transactional_db, settings, tmp_path):
    """The seeded site: the catalogue, demo screenings, a member with a comment who was at the past demo
    evening and is a door volunteer of the demo club screening, which is tonight."""
    from discussion import services as discussion
    from facts.models import Fact
    from members.models import User

    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_catalogue", verbosity=0)
    call_command("load_demo_screenings", verbosity=0)
    member = confirmed(User.objects.create_user("lena", "lena@example.org", "Squirrel-1941-x", display_name="Lena"))
    other = confirmed(User.objects.create_user("boris", "boris@example.org", "Squirrel-1941-z", display_name="Boris"))
    palme = Fact.objects.get(slug="palme-dor-winner")
    mine = discussion.post_comment(author=member, target=palme, text="Seen at https://example.org")
    discussion.post_comment(author=other, target=palme, text="A reply with\na second line.", parent=mine)
    theirs = discussion.post_comment(author=other, target=palme, text="The ending.", spoiler=True)
    _at_the_demo_evenings(member)
    return {"member": member, "comment": mine, "other_comment": theirs}


def _at_the_demo_evenings(member) -> None:
    from django.utils import timezone

    from screenings import services
    from screenings.models import Rsvp, RsvpStatus, Screening

    past = Screening.objects.get(slug="demo-winter-evening")
    booking = Rsvp.objects.create(member=member, screening=past, status=RsvpStatus.GOING)  # before it happened
    services.check_in(screening=past, rsvp_id=booking.pk, staff=True)  # set right afterwards
    # Tonight, in four hours: a volunteer has the door page on the night only.
    tonight = Screening.objects.get(slug="demo-club-screening")
    tonight.starts_at = timezone.now() + timedelta(hours=4)
    services.save_screening(screening=tonight)
    tonight.door_volunteers.add(member)


def _watch(page) -> list[str]:
    """Console errors and warnings (CSP violations among them) and uncaught exceptions."""
    problems = []

    def console(message):
        # A page that is itself a 404 (the designed error page) reports its own status; that is not a fault.
        own_status = message.text.startswith("Failed to load resource") and message.location.get("url") == page.url
        if message.type in ("error", "warning") and not own_status:
            problems.append(f"{message.text} ({message.location.get('url')})")

    page.on("console", console)
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.problems = _watch(page)
    yield page
    context.close()


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.problems = _watch(page)
    yield page
    context.close()


@pytest.fixture
def curator(site):
    """A staff member in the Curators group (recreated here: transactional tests flush data migrations)."""
    from django.contrib.auth.models import Group, Permission

    from members.models import User

    group, _ = Group.objects.get_or_create(name="Curators")
    group.permissions.set(Permission.objects.filter(content_type__app_label__in=["facts", "screenings"]))
    user = User.objects.create_user("editor", "editor@example.org", "Cranes-1957-x", is_staff=True)
    user.groups.add(group)
    user.totp_secret = with_two_factor(confirmed(user))
    return user


def totp_code(secret: str) -> str:
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time

    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def log_in(page, login: str, password: str, *, totp_secret: str | None = None) -> None:
    """Through the site's one door, allauth's log-in, and its second step when the account has two-factor."""
    page.goto("/accounts/login/")
    page.get_by_label("Username or email").fill(login)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in", exact=True).click()
    for _ in range(2 if totp_secret else 0):
        # A code made at the very end of its 30 seconds may reach the server in the next: then once more.
        page.get_by_label("Code").fill(totp_code(totp_secret))
        page.get_by_role("button", name="Log in", exact=True).click()
        page.wait_for_load_state()
        if "/2fa/authenticate/" not in page.url:
            return


def axe_violations(page) -> list[str]:
    # Evaluated through the DevTools protocol, which the page's CSP does not govern.
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        """() => axe.run(document, {runOnly: {type: 'tag',
             values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})"""
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
