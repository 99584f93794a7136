from io import BytesIO

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from members.models import User

pytestmark = pytest.mark.django_db


def image_file(fmt="PNG", size=(400, 300), name="me.png", exif=None) -> SimpleUploadedFile:
    out = BytesIO()
    Image.new("RGB", size, "gray").save(out, format=fmt, **({"exif": exif} if exif else {}))
    return SimpleUploadedFile(name, out.getvalue(), content_type=f"image/{fmt.lower()}")


def signup(client, **overrides):
    data = {
        "username": "veronika",
        "email": "v@example.org",
        "password1": "Squirrel-1941",
        "password2": "Squirrel-1941",
    }
    return client.post(reverse("signup"), {**data, **overrides})


def test_signup_creates_the_member_and_logs_them_in(client):
    response = signup(client)
    assert response.status_code == 302
    user = User.objects.get(username="veronika")
    assert user.email == "v@example.org"
    assert client.get(reverse("home:index")).context["user"] == user


def test_signup_follows_a_local_next_only(client):
    assert signup(client, **{"next": "/screenings/"})["Location"] == "/screenings/"
    client.logout()
    response = signup(client, username="boris", email="b@example.org", next="https://evil.example/")
    assert response["Location"] == reverse("home:index")


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"password2": "different"}, "didn’t match"),
        ({"email": "not-an-email"}, "valid email"),
        ({"password1": "123", "password2": "123"}, "too short"),
    ],
)
def test_signup_errors_are_shown(client, overrides, message):
    response = signup(client, **overrides)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.exists()


def test_signup_refuses_a_taken_email(client, member):
    response = signup(client, username="other", email=member.email.upper())
    assert "already exists" in response.content.decode()


def test_login_honours_next_for_own_paths_only(client, member):
    ok = client.post(reverse("login"), {"username": "veronika", "password": "squirrel-1941", "next": "/faq/"})
    assert ok["Location"] == "/faq/"
    client.logout()
    evil = client.post(
        reverse("login"), {"username": "veronika", "password": "squirrel-1941", "next": "https://evil.example/"}
    )
    assert evil["Location"] == reverse("home:index")


def test_logout_is_a_post(client, member):
    client.force_login(member)
    assert client.get(reverse("logout")).status_code == 405
    client.post(reverse("logout"))
    assert not client.get(reverse("home:index")).context["user"].is_authenticated


def test_fifteen_wrong_passwords_lock_the_account_even_for_the_right_one(client, member):
    for _ in range(15):
        client.post(reverse("login"), {"username": "veronika", "password": "wrong"})
    response = client.post(reverse("login"), {"username": "veronika", "password": "squirrel-1941"})
    assert response.status_code == 429
    assert "Too many failed log-ins" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_failures_from_one_address_lock_other_accounts_too(client, member, other_member):
    for number in range(6):
        client.post(reverse("login"), {"username": f"guess{number}", "password": "wrong"})
    response = client.post(reverse("login"), {"username": "boris", "password": "pw"})
    assert response.status_code == 429


def test_password_reset_sends_a_working_link(client, member, run_worker):
    client.post(reverse("password_reset"), {"email": member.email})
    run_worker()
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/reset/" in line)
    assert link.startswith("https://cranes.example/accounts/reset/"), "the link comes from SITE_URL, not the Host"
    path = link.split("cranes.example", 1)[1]
    form_page = client.get(path, follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": "New-Cranes-1958", "new_password2": "New-Cranes-1958"}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password("New-Cranes-1958")


def test_profile_page_shows_name_bio_and_recent_comments(client, member, fact):
    from discussion.models import Comment

    member.display_name, member.bio = "Veronika", "Waiting at the station."
    member.save()
    Comment.objects.create(fact=fact, author=member, text="My first thought.")
    content = client.get(member.get_absolute_url()).content.decode()
    assert "Veronika" in content and "Waiting at the station." in content
    assert "My first thought." in content
    assert fact.get_absolute_url() in content


def test_unknown_member_is_404(client, db):
    assert client.get("/members/nobody/").status_code == 404


def test_member_edits_their_profile_and_uploads_an_avatar(client, member):
    client.force_login(member)
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"
    response = client.post(
        reverse("members:edit"),
        {"display_name": "Veronika", "bio": "Hi", "avatar": image_file("JPEG", (1200, 800), "me.jpg", exif)},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.display_name == "Veronika"
    with Image.open(member.avatar.path) as stored:
        assert stored.size == (256, 256)
        assert stored.format == "JPEG"
        assert not stored.getexif()


def test_profile_form_ignores_fields_it_does_not_list(client, member):
    client.force_login(member)
    client.post(reverse("members:edit"), {"display_name": "V", "is_staff": "on", "username": "admin"})
    member.refresh_from_db()
    assert (member.username, member.is_staff) == ("veronika", False)


def pixel_flood() -> SimpleUploadedFile:
    # A PNG that is tiny on disk but decodes to 10,000 x 10,000 pixels.
    out = BytesIO()
    Image.new("1", (10_000, 10_000)).save(out, format="PNG", optimize=True)
    return SimpleUploadedFile("flood.png", out.getvalue(), content_type="image/png")


@pytest.mark.parametrize(
    "upload, message",
    [
        (SimpleUploadedFile("notes.txt", b"just text", content_type="text/plain"), "not an image"),
        (
            SimpleUploadedFile("x.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
            "not an image",
        ),
        (SimpleUploadedFile("big.png", b"\x89PNG" + b"0" * (4 * 1024 * 1024), content_type="image/png"), "larger than"),
        ("flood", "too many pixels"),
        ("bmp", "JPEG, PNG, WebP or GIF"),
    ],
)
@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_bad_avatars_get_a_form_error_and_change_nothing(client, member, upload, message):
    if upload == "flood":
        upload = pixel_flood()
        assert upload.size < 100_000
    elif upload == "bmp":
        upload = image_file("BMP", name="me.bmp")
    client.force_login(member)
    response = client.post(reverse("members:edit"), {"display_name": "Changed", "avatar": upload})
    assert response.status_code == 200
    assert message in response.content.decode()
    member.refresh_from_db()
    assert not member.avatar
    assert member.display_name == ""
