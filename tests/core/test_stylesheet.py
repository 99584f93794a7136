import base64
import hashlib
import re

import pytest
from django.conf import settings

from core import stylesheet

pytestmark = pytest.mark.django_db


def inline_styles(html: str) -> list[str]:
    return re.findall(r"<style>(.*?)</style>", html, flags=re.S)


def test_every_page_inlines_the_built_stylesheet_and_links_none(client, fact):
    for url in ["/", "/facts/", fact.get_absolute_url(), "/faq/", "/accounts/login/"]:
        html = client.get(url).content.decode()
        assert inline_styles(html) == [stylesheet.css()], url
        assert 'rel="stylesheet"' not in html, url


def test_the_policy_allows_the_inlined_stylesheet_by_its_hash_and_nothing_else_inline(client):
    response = client.get("/")
    (css,) = inline_styles(response.content.decode())
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    directives = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    assert directives["style-src"].split() == ["'self'", f"'sha256-{digest}'"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]


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
