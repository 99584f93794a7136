"""Accessibility, keyboard use, phone width, and a clean console (no errors, no CSP violations) on every page."""

import pytest

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
                  "/screenings/demo-club-screening/programme/"]  # fmt: skip


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
