"""Accessibility, keyboard use, phone width, and a clean console (no errors, no CSP violations) on every page."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, log_in

pytestmark = pytest.mark.django_db(transaction=True)

PUBLIC_PAGES = [
    "/",
    "/facts/",
    "/facts/?category=awards",
    "/facts/?status=opinion",
    "/facts/changes/",
    "/facts/statuses/",
    "/facts/based-on-a-play/",
    "/facts/palme-dor-winner/",
    "/facts/emotional-journey/",
    "/faq/",
    "/screenings/",
    "/screenings/past/",
    "/screenings/demo-club-screening/",
    "/screenings/demo-club-screening/programme/",
    "/screenings/demo-winter-evening/",
    "/discussion/",
    "/about/",
    "/contact/",
    "/privacy/",
    "/members/lena/",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/no-such-page/",
]
MEMBER_PAGES = [
    "/screenings/demo-club-screening/",
    "/screenings/demo-club-screening/door/",
    "/screenings/demo-club-screening/door/?q=lena",
    "/screenings/demo-winter-evening/",
    "/screenings/demo-winter-evening/reflection/",
    "/facts/palme-dor-winner/",
    "/facts/palme-dor-winner/suggest/",
    "/members/me/",
    "/screenings/mine/",
]
ACCOUNT_PAGES = [
    "/accounts/email/",
    "/accounts/password/change/",
    "/accounts/2fa/",
    "/accounts/2fa/totp/activate/",
    "/accounts/sessions/",
    "/accounts/logout/",
    "/members/me/close/",
]
ADMIN_PAGES = [
    "/admin/",
    "/admin/facts/fact/",
    "/admin/facts/fact/1/change/",
    "/admin/facts/fact/1/history/",
    "/admin/facts/suggestion/",
    "/admin/facts/source/?link=dead",
    "/admin/screenings/screening/add/",
    "/admin/screenings/screening/1/change/",
    "/admin/screenings/screening/1/history/",
    "/admin/screenings/screening/1/cancel/",
    "/admin/screenings/reflection/",
]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_have_no_serious_accessibility_violations(page, site, path):
    page.goto(path)
    assert axe_violations(page) == []
    assert page.problems == [], page.problems


def test_member_pages_have_no_serious_accessibility_violations(page, site):
    log_in(page, "lena", "Squirrel-1941-x")
    page.goto("/facts/palme-dor-winner/")
    page.get_by_text("Reply", exact=True).first.click()
    assert axe_violations(page) == []
    comments = f"/discussion/comments/{site['comment'].pk}", f"/discussion/comments/{site['other_comment'].pk}"
    for path in [*MEMBER_PAGES, *ACCOUNT_PAGES, f"{comments[0]}/edit/", f"{comments[1]}/report/"]:
        page.goto(path)
        assert axe_violations(page) == [], path
    assert page.problems == [], page.problems


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_nothing_scrolls_sideways_on_a_phone(phone, site, path):
    phone.goto(path)
    width = phone.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 375, f"{path} is {width}px wide"
    assert phone.problems == [], phone.problems


def test_member_pages_fit_a_phone(phone, site):
    log_in(phone, "lena", "Squirrel-1941-x")
    for path in MEMBER_PAGES:
        phone.goto(path)
        assert phone.evaluate("() => document.documentElement.scrollWidth") <= 375, path


FOCUS_REPORT = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {tag: el.tagName, text: (el.innerText || el.value || el.name || '').trim().slice(0, 40),
          visible: box.width > 0 && box.height > 0,
          ring: style.outlineStyle !== 'none' || style.boxShadow !== 'none'};
}"""


FOCUSABLE = """() => [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary')]
  .filter(e => e.tabIndex >= 0 && e.offsetParent !== null).length"""


KEYBOARD_PAGES = ["/", "/facts/", "/facts/statuses/", "/facts/palme-dor-winner/", "/faq/", "/screenings/",
                  "/screenings/past/", "/screenings/demo-winter-evening/",
                  "/screenings/demo-club-screening/programme/", "/about/", "/contact/", "/privacy/"]  # fmt: skip


@pytest.mark.parametrize("path", KEYBOARD_PAGES)
def test_the_keyboard_reaches_everything_with_a_visible_focus(page, site, path):
    page.goto(path)
    focusable = page.evaluate(FOCUSABLE)
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUS_REPORT)["text"] == "Skip to content"
    reached = 0
    while (report := page.evaluate(FOCUS_REPORT))["tag"] != "BODY" and reached <= focusable:
        assert report["visible"] and report["ring"], report
        reached += 1
        page.keyboard.press("Tab")
    assert reached == focusable


def test_the_skip_link_moves_focus_to_the_content(page, site):
    page.goto("/facts/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"


def test_spoilers_open_with_the_keyboard(page, site):
    page.goto("/facts/emotional-journey/")
    summary = page.locator("details.spoiler summary").first
    summary.focus()
    page.keyboard.press("Enter")
    assert page.locator("details.spoiler").first.get_attribute("open") is not None


def test_admin_pages_raise_no_console_errors_or_csp_violations(page, curator):
    log_in(page, "editor", "Cranes-1957-x", totp_secret=curator.totp_secret)
    for path in ADMIN_PAGES:
        page.goto(path)
    assert page.problems == [], page.problems


HEADER_ROWS = """() => {
  const header = document.querySelector('header');
  const shown = [...header.querySelectorAll('a, summary')].filter(e => e.checkVisibility()
    && !e.closest('details[open] ul'));
  const middles = shown.map(e => { const r = e.getBoundingClientRect(); return (r.top + r.bottom) / 2; })
    .sort((a, b) => a - b);
  const rows = middles.filter((m, i) => i === 0 || m - middles[i - 1] > 12).length;
  return {height: header.getBoundingClientRect().height, rows: rows};
}"""


@pytest.mark.parametrize("who", ["visitor", "member with a long display name"])
def test_the_header_on_a_phone_is_the_wordmark_and_one_row(phone, site, who):
    """At 375 px: the wordmark with the account beside it, and the sections on one row below (it was up to three)."""
    if who != "visitor":
        site["member"].display_name = "Lena Konstantinovna Ivanova-Petrova"
        site["member"].save()
        log_in(phone, "lena", "Squirrel-1941-x")
    for path in ("/", "/facts/palme-dor-winner/", "/screenings/"):
        phone.goto(path)
        header = phone.evaluate(HEADER_ROWS)
        assert header["rows"] <= 2, (path, header)
        assert header["height"] <= 110, (path, header)
        assert phone.evaluate("() => document.documentElement.scrollWidth") <= 375, path


def test_the_account_menu_opens_with_the_keyboard_and_leads_to_log_out(page, site):
    log_in(page, "lena", "Squirrel-1941-x")
    page.goto("/facts/")
    menu = page.locator("details.account-menu")
    summary = menu.locator("summary")
    summary.focus()
    assert page.evaluate(FOCUS_REPORT)["ring"]
    page.keyboard.press("Enter")
    assert menu.get_attribute("open") is not None
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "Your profile"
    assert axe_violations(page) == []
    menu.get_by_role("button", name="Log out").click()
    expect(page.get_by_text("You are logged out.")).to_be_visible()
