"""People using the site end to end, in a real browser."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, totp_code

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_visitor_browses_the_facts_and_the_faq(page, site):
    page.goto("/")
    page.get_by_role("link", name="Browse the facts").click()
    expect(page.get_by_text("39 facts.")).to_be_visible()
    page.get_by_role("navigation", name="Categories").get_by_role("link", name="Music").click()
    expect(page.get_by_text("2 facts in Music.")).to_be_visible()
    page.get_by_role("link", name="Moving Score").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Moving Score")
    expect(page.locator(".verdict .status")).to_have_accessible_name(re.compile(r"^Verified\b.*what this status means"))

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Facts").click()
    page.get_by_label("Search the facts").fill("palme")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("link", name="Palme d’Or Winner")).to_be_visible()

    page.get_by_role("link", name="FAQ").click()
    page.get_by_role("link", name="What awards has “The Cranes Are Flying” won?").first.click()
    expect(page).to_have_url(re.compile(r"/faq/#awards$"))
    expect(page.locator("#awards")).to_contain_text("did not win a Golden Globe")
    assert page.problems == []


def test_a_visitor_logs_in_from_a_fact_and_is_back_on_the_fact(page, site):
    page.goto("/facts/moving-score/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Log in").click()
    page.get_by_label("Username or email").fill("lena")
    page.get_by_label("Password").fill("Squirrel-1941-x")
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page).to_have_url(re.compile(r"/facts/moving-score/$"))
    expect(page.get_by_text("You are logged in as")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Moving Score")
    assert page.problems == []


def test_search_forgives_accents_and_spellings(page, site):
    page.goto("/facts/?q=Samoylova")
    expect(page.get_by_role("link", name="Heartfelt Performances")).to_be_visible()
    page.goto("/facts/?q=palmares")
    expect(page.get_by_role("link", name="Palme d’Or Winner")).to_be_visible()


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def test_a_member_signs_up_confirms_their_email_rsvps_and_comments(page, site, mailoutbox):
    page.goto("/accounts/signup/")
    page.get_by_label("Username", exact=False).first.fill("veronika")
    page.get_by_label("Email").fill("veronika@example.org")
    page.get_by_label(re.compile(r"^\s*Password\s*\*?\s*$")).fill("Squirrel-1941-y")
    page.get_by_label("Password (again)").fill("Squirrel-1941-y")
    page.get_by_role("button", name="Join", exact=True).click()

    page.goto("/screenings/demo-new-members-night/")
    page.get_by_label("Guests you will bring").fill("1")
    page.get_by_role("button", name="RSVP", exact=True).click()  # not yet: the address is not confirmed
    expect(page.get_by_text("Please confirm your email address first")).to_be_visible()
    run_worker()
    (confirmation,) = [m for m in mailoutbox if m.to == ["veronika@example.org"]]
    link = re.search(r"https?://\S+(/accounts/confirm-email/\S+)", confirmation.body).group(1)
    page.goto(link)
    assert axe_violations(page) == [], "the confirmation page"
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_text("You have confirmed veronika@example.org")).to_be_visible()

    # The RSVP pressed before confirming is offered again, with its guest.
    expect(page.get_by_role("heading", level=1)).to_have_text("Carry on where you were")
    assert axe_violations(page) == [], "the page that offers the RSVP again"
    page.locator("main form").get_by_role("button").first.click()
    expect(page.get_by_text("You're going with 1 guest.")).to_be_visible()

    page.goto("/screenings/demo-cinematography-evening/")  # no guests allowed: no field, just the button
    page.get_by_role("button", name="RSVP").click()
    expect(page.get_by_role("button", name="Cancel my RSVP")).to_be_visible()

    page.goto("/facts/palme-dor-winner/")
    page.get_by_label("Your comment").fill("The jury got it right.\nSecond line.")
    page.get_by_role("button", name="Post comment").click()
    expect(page.get_by_text("Your comment is posted.")).to_be_visible()
    expect(page.locator(".comment").filter(has_text="The jury got it right.")).to_be_visible()
    assert page.problems == []


def test_a_curator_logs_in_with_totp_edits_a_fact_and_sees_it_on_the_site(page, curator):
    page.goto("/facts/iconic-poster/")  # a visitor's view, now in the page cache
    page.goto("/admin/")
    page.get_by_label("Username or email").fill("editor")
    page.get_by_label("Password").fill("Cranes-1957-x")
    page.get_by_role("button", name="Log in", exact=True).click()
    assert axe_violations(page) == [], "the two-factor code page"
    page.get_by_label("Code").fill(totp_code(curator.totp_secret))
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page.get_by_text("Catalogue, FAQ and club business")).to_be_visible()
    for path in ("/accounts/2fa/", "/accounts/2fa/recovery-codes/", "/accounts/reauthenticate/"):
        page.goto(path)
        assert axe_violations(page) == [], path
    page.goto("/admin/")
    page.goto("/admin/facts/fact/?q=poster")
    page.get_by_role("link", name="Iconic Poster").click()
    page.get_by_label("Summary").fill("A curator found the poster in an archive.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("was changed successfully")).to_be_visible()

    visitor = page.context.browser.new_page(base_url=page.url.split("/admin")[0])
    visitor.goto("/facts/iconic-poster/")
    expect(visitor.get_by_text("A curator found the poster in an archive.")).to_be_visible()
    visitor.close()


def test_a_member_suggests_a_correction_and_a_curator_accepts_it(page, site, curator, live_server, mailoutbox):
    from facts.models import Suggestion
    from tests.browser.conftest import _watch, log_in

    log_in(page, "lena", "Squirrel-1941-x")
    page.goto("/facts/moving-score/")
    page.get_by_role("link", name="Spotted an error? Suggest a correction").click()
    page.get_by_label("What is wrong").fill("The summary could name the film's best-known cue.")
    page.get_by_label("The wording you propose").fill("Weinberg's waltz for the party scene is the best known cue.")
    page.get_by_label("Sources").fill("https://www.zeitschrift-osteuropa.de/hefte/2010/7/musik-in-bewegung/english")
    page.get_by_role("button", name="Send to the curators").click()
    expect(page.get_by_text("your suggestion is with the curators")).to_be_visible()
    assert page.problems == []

    context = page.context.browser.new_context(base_url=live_server.url)
    admin = context.new_page()
    admin.problems = _watch(admin)
    log_in(admin, "editor", "Cranes-1957-x", totp_secret=curator.totp_secret)
    admin.goto("/admin/facts/suggestion/?state__exact=open")
    admin.goto(f"/admin/facts/suggestion/{Suggestion.objects.get().pk}/change/")
    expect(admin.get_by_text("The summary could name the film's best-known cue.")).to_be_visible()
    admin.get_by_role("link", name="Accept: edit the fact with this proposal beside it").click()
    expect(admin.get_by_text("Accepting a suggestion by Lena")).to_be_visible()
    expect(admin.get_by_text("Weinberg's waltz for the party scene is the best known cue.")).to_be_visible()
    admin.get_by_label("Summary").fill(
        "Weinberg's score, credited to M. Vainberg; his waltz for the party is its best-known cue."
    )
    admin.get_by_label("Note for readers").fill("Named the score's best-known cue, as a member suggested.")
    admin.get_by_role("button", name="Save", exact=True).click()
    expect(admin.get_by_text("The suggestion by Lena is accepted")).to_be_visible()
    assert admin.problems == []
    context.close()

    page.goto("/facts/moving-score/")
    changes = page.locator("#changes")
    expect(changes).to_contain_text("Named the score's best-known cue, as a member suggested.")
    expect(changes).to_contain_text("Suggested by Lena.")
    run_worker()
    assert any(m.to == ["lena@example.org"] and "accepted" in m.subject for m in mailoutbox)
    page.goto("/members/lena/")
    expect(page.get_by_text("accepted, and the fact corrected")).to_be_visible()
    assert page.problems == []
