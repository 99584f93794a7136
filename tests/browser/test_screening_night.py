"""An organiser's evening at the door, on a phone, and the member's reflection the next morning."""

import re
from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import _watch, axe_violations, log_in
from tests.browser.test_journeys import run_worker
from tests.browser.test_quality import FOCUS_REPORT
from tests.conftest import confirmed, with_two_factor

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def tonight(site):
    """Starting in an hour: four seats; Lena with a guest and Boris going, one seat left."""
    from members.models import User
    from screenings import services
    from screenings.models import Screening, Venue

    screening = Screening.objects.create(
        title="Tonight at the Small Hall",
        slug="tonight",
        starts_at=timezone.now() + timedelta(hours=1),
        venue=Venue.objects.get(),
        capacity=4,
        max_guests=1,
    )
    services.rsvp(member=site["member"], screening=screening, guests=1)
    services.rsvp(member=User.objects.get(username="boris"), screening=screening)
    return screening


@pytest.fixture
def organiser(site):
    """Staff in the Organisers group, with two-factor (recreated here: transactional tests flush data migrations,
    and after the migration tests' flush the screenings app may lack its content types and permissions)."""
    from django.apps import apps
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    for model in apps.get_app_config("screenings").get_models():
        kind = ContentType.objects.get_for_model(model)
        for action in model._meta.default_permissions:
            Permission.objects.get_or_create(
                codename=f"{action}_{model._meta.model_name}", content_type=kind, defaults={"name": action}
            )
        for codename, name in model._meta.permissions:
            Permission.objects.get_or_create(codename=codename, content_type=kind, defaults={"name": name})

    from members.models import User

    group, _ = Group.objects.get_or_create(name="Organisers")
    group.permissions.set(Permission.objects.filter(content_type__app_label="screenings"))
    user = User.objects.create_user("olga", "olga@example.org", "Cranes-1957-o", is_staff=True, display_name="Olga")
    user.groups.add(group)
    user.totp_secret = with_two_factor(confirmed(user))
    return user


def count(page, label: str):
    return page.locator(f"dl.door-counts div:has(dt:text-is('{label}')) dd")


def test_an_organisers_evening_at_the_door_on_a_phone_then_the_morning_reflection(
    phone, browser, live_server, tonight, organiser, mailoutbox
):
    from screenings import services
    from screenings.models import Rsvp, Screening

    log_in(phone, "olga", "Cranes-1957-o", totp_secret=organiser.totp_secret)
    phone.goto("/screenings/tonight/")
    phone.get_by_role("link", name="Open the door list").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Tonight at the Small Hall")
    expect(count(phone, "Expected")).to_have_text("3")
    expect(count(phone, "Seats free")).to_have_text("1")
    assert axe_violations(phone) == []

    # Lena shows her ticket: the code is typed as read, in lower case with a space.
    code = Rsvp.objects.get(member__username="lena", screening=tonight).code
    phone.get_by_label("Find a name or a ticket code").fill(f"{code[:3]} {code[3:]}".lower())
    phone.get_by_role("button", name="Find").click()
    found = phone.locator("#found")
    expect(found).to_contain_text("Lena")
    found.get_by_role("button", name="Check in Lena, party of 2").click()
    expect(phone.get_by_text("Checked in: Lena (party of 2).")).to_be_visible()
    expect(count(phone, "Arrived")).to_have_text("2")

    # Boris, by keyboard alone: search, then Tab to his button and press Enter.
    phone.get_by_label("Find a name or a ticket code").fill("boris")
    phone.keyboard.press("Enter")
    expect(phone.locator("#found")).to_contain_text("Boris")
    for _ in range(40):
        phone.keyboard.press("Tab")
        focused = phone.evaluate(FOCUS_REPORT)
        if phone.evaluate("() => document.activeElement.getAttribute('aria-label')") == "Check in Boris":
            break
    assert focused["visible"] and focused["ring"], focused
    phone.keyboard.press("Enter")
    expect(phone.get_by_text("Checked in: Boris.")).to_be_visible()

    # A walk-in takes the last seat; the counts follow; the next is refused.
    phone.get_by_label("Guest's name").fill("Anna Karenina")
    phone.get_by_role("button", name="Seat and check in").click()
    expect(phone.get_by_text("Seated and checked in: Anna Karenina.")).to_be_visible()
    expect(count(phone, "Expected")).to_have_text("4")
    expect(count(phone, "Arrived")).to_have_text("4")
    expect(count(phone, "Seats free")).to_have_text("0")
    expect(phone.get_by_text("No seat is free.")).to_be_visible()

    # Made for a phone: nothing scrolls sideways, the buttons are large enough to tap.
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= 375
    heights = phone.locator(".door-button").evaluate_all("els => els.map(e => e.getBoundingClientRect().height)")
    assert heights and min(heights) >= 44, heights
    assert axe_violations(phone) == []
    assert phone.problems == [], phone.problems

    # The next morning: the evening ended last night, and the worker sends the invitation.
    yesterday = timezone.localdate() - timedelta(days=1)
    starts = timezone.make_aware(datetime.combine(yesterday, time(19, 30)))
    Screening.objects.filter(pk=tonight.pk).update(starts_at=starts, ends_at=starts + timedelta(hours=2, minutes=30))
    assert services.queue_reflection_invitations() == 1
    run_worker()
    invitation = next(m for m in mailoutbox if m.to == ["lena@example.org"] and "What did you think" in m.subject)
    path = re.search(r"https?://\S+?(/screenings/tonight/reflection/)", invitation.body).group(1)

    context = browser.new_context(base_url=live_server.url, viewport={"width": 375, "height": 740}, is_mobile=True)
    member = context.new_page()
    member.problems = _watch(member)
    log_in(member, "lena", "Squirrel-1941-x")
    member.goto(path)
    expect(member.get_by_role("heading", level=1)).to_have_text("What did you think?")
    assert axe_violations(member) == []
    for aspect, score in (("The print", "5"), ("The sound", "4"), ("The room", "3"), ("The discussion", "5")):
        member.get_by_role("group", name=re.compile(f"^{aspect}")).get_by_label(score, exact=True).check()
    member.get_by_label("What I noticed this time").fill("Boris on the stairs, and the birches.")
    member.get_by_role("button", name="Publish my reflection").click()
    expect(member.get_by_text("your reflection is on the screening's page")).to_be_visible()
    reflection = member.locator("article.reflection")
    expect(reflection).to_contain_text("was there")
    expect(reflection).to_contain_text("Boris on the stairs, and the birches.")
    expect(member.locator(".evening-counts")).to_contain_text("4 came")
    assert member.problems == [], member.problems
    context.close()
