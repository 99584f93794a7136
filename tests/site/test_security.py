from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from PIL import Image

from facts.models import Fact

pytestmark = pytest.mark.django_db

HTTPS = {"headers": {"x-forwarded-proto": "https"}}
PRODUCTION = {
    "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
    "SECURE_SSL_REDIRECT": True,
    "SECURE_HSTS_SECONDS": 31_536_000,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
}


def assert_security_headers(response):
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    csp = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    assert csp["default-src"] == "'self'"
    assert csp["frame-ancestors"] == "'none'"
    assert csp["form-action"] == "'self'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "Content-Security-Policy-Report-Only" not in response


@override_settings(**PRODUCTION)
def test_html_pages_carry_the_security_headers_behind_a_tls_proxy(client, fact):
    for url in ["/", "/facts/", fact.get_absolute_url(), "/accounts/login/", "/no-such-page/"]:
        assert_security_headers(client.get(url, **HTTPS))


@override_settings(**PRODUCTION)
def test_static_files_carry_the_security_headers(client):
    response = client.get("/static/css/site.css", **HTTPS)
    assert response.status_code == 200
    assert_security_headers(response)


@override_settings(**PRODUCTION)
def test_plain_http_is_redirected_to_https(client):
    response = client.get("/facts/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/facts/"


@override_settings(**PRODUCTION)
def test_a_load_balancers_plain_http_probe_of_healthz_gets_its_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.content.decode().startswith("ok")
    assert client.get("/healthz/").status_code == 301  # nothing else is exempt


@override_settings(**PRODUCTION)
def test_cookies_are_secure_httponly_and_samesite(client, member):
    response = client.post("/accounts/login/", {"login": "veronika", "password": "squirrel-1941"}, **HTTPS)
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"
    csrf = client.get("/accounts/login/", **HTTPS).cookies.get("csrftoken") or client.cookies["csrftoken"]
    assert csrf["secure"] and csrf["samesite"] == "Lax"


def test_no_page_has_inline_scripts_or_styles_but_the_stylesheet(client, fact, faq_entry, screening, member):
    client.force_login(member)
    for url in ["/", "/facts/", fact.get_absolute_url(), "/faq/", "/screenings/", screening.get_absolute_url()]:
        html = client.get(url).content.decode()
        assert "<script>" not in html and " style=" not in html, url
        # The one inline style is the site's stylesheet, fitted to the page, which the policy allows by its hash
        # (tests/core/test_stylesheet.py).
        assert html.count("<style") == 1 and html.count("</style>") == 1, url


def png(size=(40, 30), fmt="PNG") -> bytes:
    out = BytesIO()
    Image.new("RGB", size, "white").save(out, format=fmt)
    return out.getvalue()


def fact_form(category, image):
    return {
        "title": "A still",
        "slug": "a-still",
        "category": category.pk,
        "position": 1,
        "summary": "S",
        "body": "B",
        "status": "unverified",
        "image": image,
        "sources-TOTAL_FORMS": 0,
        "sources-INITIAL_FORMS": 0,
    }


def test_curators_upload_fact_images_that_are_served_as_images(curator_client, category):
    response = curator_client.post(
        reverse("admin:facts_fact_add"), fact_form(category, SimpleUploadedFile("still.png", png()))
    )
    assert response.status_code == 302
    fact = Fact.objects.get(slug="a-still")
    served = Client().get(fact.image.url)
    assert served.status_code == 200
    assert served["Content-Type"] == "image/png"
    assert b"".join(served.streaming_content) == fact.image.open("rb").read()


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("still.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "valid image"),
        ("still.svg", png(), "extension"),
        ("still.png", b"<html><script>alert(1)</script></html>", "Upload a valid image"),
        ("still.png", png(fmt="BMP"), "JPEG, PNG, WebP or GIF"),
        ("still.jpg", png((6000, 5000)), "too many pixels"),
    ],
)
def test_bad_fact_images_are_refused_with_a_form_error(curator_client, category, name, content, message):
    response = curator_client.post(
        reverse("admin:facts_fact_add"), fact_form(category, SimpleUploadedFile(name, content))
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Fact.objects.exists()


@pytest.mark.parametrize(
    "path", ["/media/notes.txt", "/media/../cranesclub/settings.py", "/media/missing.png", f"/media/{'a' * 300}.jpg"]
)
def test_media_serves_only_existing_images(client, settings, path):
    settings.MEDIA_ROOT.mkdir(parents=True, exist_ok=True)
    (settings.MEDIA_ROOT / "notes.txt").write_text("secret")
    assert client.get(path).status_code == 404


def test_media_refuses_post(client):
    assert client.post("/media/x.png").status_code == 405


def test_health_check_fails_when_the_cache_does(client, db, monkeypatch):
    from django.core.cache import cache

    monkeypatch.setattr(cache, "get", lambda key: None)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert b"cache" in response.content


def test_health_check_fails_when_the_database_does(client, db, monkeypatch):
    from django.db import connection

    def broken_cursor(*args, **kwargs):
        raise RuntimeError("database is down")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert b"database" in response.content


def photo_with_metadata(fmt="JPEG") -> bytes:
    """A still as a phone takes it: EXIF with the camera and a GPS position, and (for JPEG) XMP."""
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 26.0)}
    out = BytesIO()
    extra = {"xmp": b'<x:xmpmeta xmlns:x="adobe:ns:meta/">GPSLatitude 51.5</x:xmpmeta>'} if fmt == "JPEG" else {}
    Image.new("RGB", (40, 30), "white").save(out, format=fmt, exif=exif.tobytes(), **extra)
    return out.getvalue()


@pytest.mark.parametrize(("fmt", "name"), [("JPEG", "still.jpg"), ("PNG", "still.png"), ("WEBP", "still.webp")])
def test_fact_images_are_stored_without_their_metadata(curator_client, category, fmt, name):
    upload = SimpleUploadedFile(name, photo_with_metadata(fmt))
    assert curator_client.post(reverse("admin:facts_fact_add"), fact_form(category, upload)).status_code == 302
    stored = Fact.objects.get(slug="a-still").image.open("rb").read()
    assert b"PhoneMaker" not in stored and b"GPSLatitude" not in stored
    with Image.open(BytesIO(stored)) as image:
        assert (image.format, image.size) == (fmt, (40, 30))
        assert not image.getexif()


def test_a_lossless_webp_still_stays_lossless_without_its_metadata():
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from core.images import without_metadata

    out = BytesIO()
    Image.new("RGB", (8, 8), "white").save(out, format="WEBP", lossless=True)
    kept = without_metadata(SimpleUploadedFile("still.webp", out.getvalue(), content_type="image/webp"))
    assert kept.read()[12:16] == b"VP8L"


def test_screening_stills_are_stored_without_their_metadata_too(rf, admin_user):
    from django.contrib import admin

    from core.images import ImageWithoutMetadataField
    from screenings.models import Screening

    request = rf.get("/admin/screenings/screening/add/")
    request.user = admin_user
    form = admin.site._registry[Screening].get_form(request)()
    assert isinstance(form.fields["image"], ImageWithoutMetadataField)
