"""Nobody loses their place: logging in, joining and confirming an address lead back to the page the person
came from, and a form a member sent before their address was confirmed is offered again after it. Every
`next` is a page of this site: never another host, `//host` or `javascript:`."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.test import RequestFactory
from django.urls import reverse

from discussion.models import Comment
from members import destinations
from screenings.models import Rsvp

pytestmark = pytest.mark.django_db

ELSEWHERE = [
    "https://evil.example/facts/",
    "//evil.example/facts/",
    "/\\evil.example",
    "javascript:alert(1)",
    "http://testserver.evil.example/",
]
# Not another site, but not a page either: the club keeps only paths that start at the root.
NOT_PAGES = ["facts/", "/facts/\nSet-Cookie: x", "", "/" + "x" * 3000]


def header_link(page: str, name: str) -> str:
    """The href of the header's link called `name` (Log in, Join)."""
    header = page.split('<header class="site-header">', 1)[1].split("</header>", 1)[0]
    return re.search(rf'<a [^>]*href="([^"]+)"[^>]*>{name}</a>', header).group(1).replace("&amp;", "&")


def next_in(url: str) -> str | None:
    return parse_qs(urlsplit(url).query).get("next", [None])[0]


def test_the_headers_log_in_and_join_links_return_to_the_page_being_read(client, fact):
    page = client.get(fact.get_absolute_url()).content.decode()
    assert next_in(header_link(page, "Log in")) == fact.get_absolute_url()
    assert next_in(header_link(page, "Join")) == fact.get_absolute_url()
    listing = client.get(reverse("facts:list"), {"category": "awards", "utm_source": "x"}).content.decode()
    assert next_in(header_link(listing, "Log in")) == "/facts/?category=awards"


def test_the_log_in_page_keeps_next_in_its_own_links(client, fact):
    page = client.get(reverse("account_login"), {"next": fact.get_absolute_url()}).content.decode()
    assert next_in(header_link(page, "Join")) == fact.get_absolute_url()
    assert f'name="next" value="{fact.get_absolute_url()}"' in page


def test_logging_in_from_a_fact_returns_to_the_fact(client, member, fact):
    login = header_link(client.get(fact.get_absolute_url()).content.decode(), "Log in")
    response = client.post(login, {"login": "veronika", "password": "squirrel-1941"})
    assert response.status_code == 302
    assert response["Location"] == fact.get_absolute_url()


@pytest.mark.parametrize("elsewhere", ELSEWHERE)
def test_logging_in_never_leads_to_another_site(client, member, elsewhere):
    response = client.post(
        reverse("account_login"), {"login": "veronika", "password": "squirrel-1941", "next": elsewhere}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("home:index")


@pytest.mark.parametrize("elsewhere", ELSEWHERE + NOT_PAGES)
def test_only_pages_of_this_site_are_kept_as_destinations(elsewhere):
    request = RequestFactory().get("/", {"next": elsewhere})
    assert destinations.safe(request, elsewhere) is None
    assert destinations.next_of(request) is None
    assert destinations.safe(request, "/facts/x/?page=2") == "/facts/x/?page=2"
    assert destinations.safe(request, "http://testserver/facts/x/") == "/facts/x/"


def join(client, next_url: str):
    signup = reverse("account_signup") + f"?next={next_url}"
    data = {
        "username": "lena",
        "email": "lena@example.org",
        "password1": "Squirrel-1941-x",
        "password2": "Squirrel-1941-x",
    }
    return client.post(signup, {**data, "next": next_url})


def test_joining_from_a_fact_returns_to_it_and_so_does_confirming(client, fact, run_worker, mailoutbox, settings):
    response = join(client, fact.get_absolute_url())
    assert response.status_code == 302 and response["Location"] == fact.get_absolute_url()
    run_worker()
    link = next(word for word in mailoutbox[-1].body.split() if "/accounts/confirm-email/" in word)
    assert next_in(next_in(link)) == fact.get_absolute_url()
    confirmed = client.post(link.removeprefix(settings.SITE_URL), follow=True)
    assert confirmed.redirect_chain[-1][0] == fact.get_absolute_url()


def test_confirming_in_another_browser_still_returns_to_the_fact(client, fact, run_worker, mailoutbox, settings):
    from django.test import Client

    join(client, fact.get_absolute_url())
    run_worker()
    link = next(word for word in mailoutbox[-1].body.split() if "/accounts/confirm-email/" in word)
    phone = Client()
    response = phone.post(link.removeprefix(settings.SITE_URL), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))  # logged in elsewhere, not here
    response = phone.post(response.redirect_chain[-1][0], {"login": "lena", "password": "Squirrel-1941-x"}, follow=True)
    assert response.redirect_chain[-1][0] == fact.get_absolute_url()


def confirm(client, member):
    """Follow the confirmation link of `member`'s address in this browser, as allauth makes it."""
    from allauth.account.models import EmailConfirmationHMAC

    address = EmailAddress.objects.get_or_create(user=member, email=member.email, defaults={"primary": True})[0]
    return client.post(reverse("account_confirm_email", args=[EmailConfirmationHMAC(address).key]))


def test_an_rsvp_pressed_before_confirming_is_offered_again_after(client, unconfirmed_member, screening):
    client.force_login(unconfirmed_member)
    page = "http://testserver" + screening.get_absolute_url()
    refused = client.post(reverse("screenings:rsvp", args=[screening.slug]), {"guests": "1"}, HTTP_REFERER=page)
    assert refused["Location"] == reverse("account_email")
    assert not Rsvp.objects.exists()

    confirmed = confirm(client, unconfirmed_member)
    assert confirmed["Location"] == reverse("members:resume")
    offer = client.get(confirmed["Location"])
    html = offer.content.decode()
    assert f'action="{reverse("screenings:rsvp", args=[screening.slug])}"' in html
    assert '<input type="hidden" name="guests" value="1">' in html
    assert f'href="{screening.get_absolute_url()}"' in html  # "Not now", and the page it was on
    assert "csrfmiddlewaretoken" in html

    done = client.post(reverse("screenings:rsvp", args=[screening.slug]), {"guests": "1"})
    assert done["Location"] == screening.get_absolute_url()
    assert Rsvp.objects.get(member=unconfirmed_member).guests == 1
    # Offered once: the page now leads straight back.
    assert client.get(reverse("members:resume"))["Location"] == reverse("home:index")


def test_a_comment_written_before_confirming_is_offered_again_with_its_words(client, unconfirmed_member, fact):
    client.force_login(unconfirmed_member)
    post = reverse("discussion:post", args=["fact", fact.slug])
    client.post(post, {"text": "The jury got it right."}, HTTP_REFERER=f"http://testserver{fact.get_absolute_url()}")
    assert not Comment.objects.exists()
    confirm(client, unconfirmed_member)
    html = client.get(reverse("members:resume")).content.decode()
    assert "Post comment" in html and 'value="The jury got it right."' in html


def test_a_page_asked_for_before_confirming_is_where_confirming_leads(client, unconfirmed_member, fact):
    client.force_login(unconfirmed_member)
    suggest = reverse("facts:suggest", args=[fact.slug])
    assert client.get(suggest)["Location"] == reverse("account_email")
    confirmed = confirm(client, unconfirmed_member)
    assert client.get(confirmed["Location"])["Location"] == suggest


def test_a_referer_from_another_site_is_not_kept(client, unconfirmed_member, screening):
    client.force_login(unconfirmed_member)
    rsvp = reverse("screenings:rsvp", args=[screening.slug])
    client.post(rsvp, {"guests": "0"}, HTTP_REFERER="https://evil.example/")
    confirm(client, unconfirmed_member)
    html = client.get(reverse("members:resume")).content.decode()
    assert "evil.example" not in html
    assert f'action="{rsvp}"' in html


@pytest.mark.parametrize("elsewhere", ELSEWHERE)
def test_confirming_never_leads_to_another_site(client, unconfirmed_member, elsewhere):
    from allauth.account.models import EmailConfirmationHMAC

    client.force_login(unconfirmed_member)
    address = EmailAddress.objects.create(user=unconfirmed_member, email=unconfirmed_member.email, primary=True)
    url = reverse("account_confirm_email", args=[EmailConfirmationHMAC(address).key])
    response = client.post(url, {"next": elsewhere})
    assert response["Location"] == reverse("members:resume")


@pytest.mark.parametrize("elsewhere", ELSEWHERE + NOT_PAGES)
def test_what_follows_confirming_never_leads_to_another_site(client, member, elsewhere):
    client.force_login(member)
    assert client.get(reverse("members:resume"), {"next": elsewhere})["Location"] == reverse("home:index")


def test_nothing_held_is_offered_to_a_member_still_unconfirmed(client, unconfirmed_member, screening):
    client.force_login(unconfirmed_member)
    client.post(reverse("screenings:rsvp", args=[screening.slug]), {"guests": "0"})
    assert client.get(reverse("members:resume")).status_code == 302


def test_a_backslash_path_is_not_kept_as_a_destination():
    request = RequestFactory().get("/")
    for url in ("/\\evil.example/", "/\\/evil.example", "/facts/\\..\\", "\\\\evil.example"):
        assert destinations.safe(request, url) is None


def test_a_visitors_link_to_the_two_factor_page_plants_nothing_for_a_later_log_in(client, member, fact):
    client.get(reverse("mfa_index"), {"next": fact.get_absolute_url()})
    assert destinations.GOING_TO not in client.session
    response = client.post(reverse("account_login"), {"login": "veronika", "password": "squirrel-1941"})
    assert response["Location"] != fact.get_absolute_url()


def test_a_log_in_forgets_what_the_session_kept_before_it(client, member, fact):
    session = client.session
    session[destinations.GOING_TO] = fact.get_absolute_url()
    session[destinations.HELD] = {"action": "/x/", "fields": [], "page": None, "offer": "", "at": 0}
    session.save()
    client.post(reverse("account_login"), {"login": "veronika", "password": "squirrel-1941"})
    assert destinations.GOING_TO not in client.session
    assert destinations.HELD not in client.session


def test_a_held_form_keeps_no_secret_and_goes_stale_after_a_day(client, unconfirmed_member, screening):
    client.force_login(unconfirmed_member)
    client.post(
        reverse("screenings:rsvp", args=[screening.slug]),
        {"guests": "0", "password": "squirrel-1941", "otp_code": "123456"},
        HTTP_REFERER=screening.get_absolute_url(),
    )
    held = client.session[destinations.HELD]
    assert [name for name, _ in held["fields"]] == ["guests"]

    session = client.session
    session[destinations.HELD] = {**held, "at": held["at"] - destinations.HELD_FOR_SECONDS - 1}
    session.save()
    response = client.get(confirm(client, unconfirmed_member)["Location"])
    assert response["Location"] == screening.get_absolute_url()  # the page, but no stale form offered
    assert destinations.HELD not in client.session
