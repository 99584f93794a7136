from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

pytestmark = pytest.mark.django_db


def image_file(fmt="PNG", size=(400, 300), name="me.png", exif=None) -> SimpleUploadedFile:
    out = BytesIO()
    Image.new("RGB", size, "gray").save(out, format=fmt, **({"exif": exif} if exif else {}))
    return SimpleUploadedFile(name, out.getvalue(), content_type=f"image/{fmt.lower()}")


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
