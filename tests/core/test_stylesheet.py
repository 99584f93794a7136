import base64
import hashlib
import re

import pytest
from django.conf import settings

from core import stylesheet

pytestmark = pytest.mark.django_db


def inline_styles(html: str) -> list[str]:
    return re.findall(r"<style>(.*?)</style>", html, flags=re.S)


def test_every_page_inlines_the_rules_it_can_use_and_links_no_stylesheet(client, fact, faq_entry):
    pages = {
        url: client.get(url).content.decode() for url in ["/", fact.get_absolute_url(), "/faq/", "/accounts/login/"]
    }
    for url, html in pages.items():
        (css,) = inline_styles(html)
        assert ":root{" in css and ".site-header" in css and len(css) < len(stylesheet.css()) * 0.7, url
        assert 'rel="stylesheet"' not in html, url
    assert ".hero-art" in inline_styles(pages["/"])[0] and ".hero-art" not in inline_styles(pages["/faq/"])[0]
    assert ".form-control" in inline_styles(pages["/accounts/login/"])[0]
    assert ".form-control" not in inline_styles(pages[fact.get_absolute_url()])[0]  # a visitor gets no comment form


def test_the_policy_allows_each_pages_stylesheet_by_its_hash_and_nothing_else_inline(client, fact):
    allowed = set()
    for url in ["/", "/faq/", fact.get_absolute_url(), "/accounts/login/"]:
        response = client.get(url)
        (css,) = inline_styles(response.content.decode())
        digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
        directives = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
        assert directives["style-src"].split() == ["'self'", f"'sha256-{digest}'"], url
        assert "unsafe-inline" not in response["Content-Security-Policy"]
        allowed.add(digest)
    assert len(allowed) == 4  # each page its own


@pytest.mark.parametrize(
    ("selector", "wanted"),
    [
        ("h1", {"h1"}),
        ("a.status:hover", {"a", ".status"}),
        (".btn-check:checked+.btn", {".btn-check", ".btn"}),
        (":not(.btn-check)+.btn:active", {".btn"}),  # what :not() names is not needed
        ("details[open]>summary", {"details", "summary"}),  # nor whether it is open now
        (".form-control::-webkit-date-and-time-value", {".form-control"}),
        (".fact:nth-child(2n) #main", {".fact", "#main"}),
        (":root", set()),
        ("*", set()),
    ],
)
def test_a_selector_needs_its_classes_ids_and_elements_and_nothing_a_visitor_changes(selector, wanted):
    assert stylesheet.needs(selector) == wanted


def test_a_page_gets_the_rules_its_classes_ids_and_elements_meet():
    css, source = stylesheet.for_page('<main id="main" class="container"><p class="lead">Hello</p></main>')
    assert ".lead{" in css and "p{" in css and ".pagination" not in css and "table" not in css
    assert "@media(min-width: 576px){.container" in css  # a group keeps what the page can use of it
    assert source == stylesheet.csp_source(css)
    # Classes and ids no rule names (a comment's anchor, say) do not make another stylesheet.
    assert stylesheet.for_page('<p class="lead" id="comment-1">') == stylesheet.for_page('<p class="lead" id="c-2">')


CACHED = ("css", "_rules", "_vocabulary", "_names_ids", "for_tokens", "_inlined_whole", "whole_source")


@pytest.fixture
def built(settings, tmp_path):
    """Pretend `make css` built the given text."""

    def build(text: str):
        settings.SITE_STYLESHEET = tmp_path / "site.css"
        settings.SITE_STYLESHEET.write_text(text)
        for name in CACHED:
            getattr(stylesheet, name).cache_clear()

    yield build
    for name in CACHED:
        getattr(stylesheet, name).cache_clear()


def test_selectors_are_read_as_css_not_as_text(built):
    built(
        'a[title="x,y"],p{color:red}.x{color:blue}svg|a{fill:red}.table>tbody>tr{color:green}'
        "@media (min-width:1px){.x{color:red}p{margin:0}}@font-face{font-family:f;src:local(f)}"
    )
    css, _source = stylesheet.for_page("<p>Hello</p>")
    # A comma inside an attribute test does not split the selector; a namespaced one is always kept.
    assert css == "p{color:red}svg|a{fill:red}@media (min-width:1px){p{margin:0}}@font-face{font-family:f;src:local(f)}"
    css, _source = stylesheet.for_page('<TABLE class="table"><tr><td>1</td></tr></TABLE>')  # the browser adds tbody
    assert ".table>tbody>tr{color:green}" in css


def test_ids_count_once_a_selector_names_one(built):
    built("#main p{color:red}p{margin:0}")
    assert stylesheet.for_page('<main id="main"><p>Hi</p></main>')[0] == "#main p{color:red}p{margin:0}"
    assert stylesheet.for_page('<main id="other"><p>Hi</p></main>')[0] == "p{margin:0}"


def test_a_rule_that_would_close_the_style_element_is_refused(built):
    built('p{content:"\\3c/style>"}')  # an escape tinycss2 writes out as </style>
    with pytest.raises(Exception, match="close <style>"):
        stylesheet.for_page("<p>")


def test_text_ending_in_class_equals_cannot_hide_the_next_class_attribute():
    tokens = stylesheet.page_tokens('<input value="x class=" class="form-control" id=\'main\'>')
    assert {".form-control", "#main"} <= tokens


def test_a_fitted_page_keeps_a_true_length_and_etag_and_its_304_no_policy_of_its_own(client, fact):
    import hashlib as md5_hash

    from django.utils.cache import quote_etag

    response = client.get("/facts/?q=palme")  # searches are not kept: Django answers them and their 304s
    assert int(response["Content-Length"]) == len(response.content)
    assert response["ETag"] == quote_etag(md5_hash.md5(response.content, usedforsecurity=False).hexdigest())
    again = client.get("/facts/?q=palme", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    # A browser would put a 304's policy on the page it kept, whose stylesheet has another hash than the whole.
    assert "Content-Security-Policy" not in again


def test_a_members_page_carries_the_whole_stylesheet_made_for_each_request(client, member, fact):
    """Cutting costs a member's page, made for each request, a tenth to a fifth of its time; a visitor's is
    cut once and kept."""
    client.force_login(member)
    response = client.get(fact.get_absolute_url())
    (css,) = inline_styles(response.content.decode())
    assert css == stylesheet.css()
    assert stylesheet.whole_source() in response["Content-Security-Policy"]


def test_what_is_not_a_page_of_ours_is_left_as_it_is(rf):
    from django.http import HttpResponse, JsonResponse, StreamingHttpResponse

    whole = stylesheet.csp_source(stylesheet.css())
    for response in (
        HttpResponse("<style>p{}</style><p>", content_type="text/html"),
        JsonResponse({"style": str(stylesheet.css())}),
        StreamingHttpResponse(iter([b"<style>", stylesheet.css().encode(), b"</style>"]), content_type="text/html"),
    ):
        before = b"" if response.streaming else response.content
        assert stylesheet.fit(response) == whole
        assert response.streaming or response.content == before


def test_the_stylesheet_keeps_what_the_templates_and_forms_use_and_drops_the_rest():
    css = stylesheet.css()
    # Bootstrap the templates use, the site's own rules (.hero-art is named in an .svg template), crispy-forms'
    # field classes, and a class put together in a template (alert-{{ message.tags }}).
    kept = (".btn-outline-dark", ".pagination", ".visually-hidden", ".fact-card", ".form-control", ".alert-info")
    kept += (".hero-art",)
    for selector in kept:
        assert selector in css, selector
    # Bootstrap the site never uses.
    for selector in (".carousel", ".navbar", ".modal", ".offcanvas", ".toast", "[data-bs-theme=dark]"):
        assert selector not in css, selector
    assert len(css.encode()) < 64_000
    assert not css.startswith("\ufeff")


def test_a_missing_build_says_how_to_make_it(settings, tmp_path):
    stylesheet.css.cache_clear()
    settings.SITE_STYLESHEET = tmp_path / "site.css"
    try:
        with pytest.raises(Exception, match="make css"):
            stylesheet.css()
    finally:
        stylesheet.css.cache_clear()


def test_the_stylesheet_is_built_into_staticfiles_for_the_error_page():
    assert settings.SITE_STYLESHEET.is_relative_to(settings.BASE_DIR / "build" / "static")


def test_a_stylesheet_that_could_close_its_element_is_refused(settings, tmp_path):
    stylesheet.css.cache_clear()
    settings.SITE_STYLESHEET = tmp_path / "site.css"
    settings.SITE_STYLESHEET.write_text("a{}</style><script>alert(1)</script>")
    try:
        with pytest.raises(Exception, match="contains"):
            stylesheet.css()
    finally:
        stylesheet.css.cache_clear()
