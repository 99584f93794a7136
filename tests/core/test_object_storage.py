"""Uploads on an S3-compatible bucket (moto's server, tests/s3.py): checked and re-encoded as on the file system,
linked from pages at the bucket, deleted from it when replaced or removed; a bucket that is down costs a message."""

from io import BytesIO
from types import SimpleNamespace
from urllib.request import urlopen

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from core import variants
from facts.models import Fact
from members import services as members
from tests.site.test_security import fact_form

pytestmark = pytest.mark.django_db


def jpeg_with_exif(size=(1200, 800)) -> SimpleUploadedFile:
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"
    out = BytesIO()
    Image.new("RGB", size, "gray").save(out, format="JPEG", exif=exif)
    return SimpleUploadedFile("me.jpg", out.getvalue(), content_type="image/jpeg")


def upload_avatar(client, member, upload=None):
    client.force_login(member)
    return client.post(reverse("members:edit"), {"display_name": "Veronika", "avatar": upload or jpeg_with_exif()})


def test_an_avatar_goes_to_the_bucket_checked_and_re_encoded(client, member, bucket, settings):
    assert upload_avatar(client, member).status_code == 302
    member.refresh_from_db()
    assert bucket.names() == [member.avatar.name]
    with Image.open(BytesIO(bucket.read(member.avatar.name))) as stored:
        assert stored.size == (256, 256) and stored.format == "JPEG" and not stored.getexif()
    assert not settings.MEDIA_ROOT.exists()  # nothing on this server's disk


def test_the_profile_page_links_to_the_object_in_the_bucket(client, member, bucket):
    upload_avatar(client, member)
    member.refresh_from_db()
    page = client.get(member.get_absolute_url()).content.decode()
    url = f"{bucket.endpoint}/{bucket.name}/{member.avatar.name}"
    assert f'src="{url}"' in page
    with urlopen(url) as answer:  # noqa: S310  # nosec B310 (the loopback moto server)
        assert answer.read() == bucket.read(member.avatar.name)


def test_bad_uploads_are_refused_as_on_the_file_system(client, member, bucket):
    response = upload_avatar(client, member, SimpleUploadedFile("me.png", b"<html>not an image</html>"))
    assert response.status_code == 200
    assert "not an image we can read" in response.content.decode()
    assert bucket.names() == []


def test_a_replaced_avatar_is_deleted_from_the_bucket(client, member, bucket, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        upload_avatar(client, member)
    member.refresh_from_db()
    first = member.avatar.name
    with django_capture_on_commit_callbacks(execute=True):
        upload_avatar(client, member)
    member.refresh_from_db()
    assert member.avatar.name != first
    # The new avatar and its WebP sizes (core.variants); nothing of the first.
    new = member.avatar.name
    assert bucket.names() == sorted([new, *(variants.variant_name(new, width) for width in variants.AVATAR_WIDTHS)])


def test_a_leaving_members_avatar_is_deleted_from_the_bucket(
    client, member, bucket, django_capture_on_commit_callbacks
):
    upload_avatar(client, member)
    member.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        members.close_account(member=member)
    assert bucket.names() == []


def test_a_fact_still_goes_to_the_bucket_without_its_metadata(curator_client, category, bucket):
    response = curator_client.post(reverse("admin:facts_fact_add"), fact_form(category, jpeg_with_exif((64, 48))))
    assert response.status_code == 302
    fact = Fact.objects.get(slug="a-still")
    assert bucket.names() == [fact.image.name]
    with Image.open(BytesIO(bucket.read(fact.image.name))) as stored:
        assert stored.size == (64, 48) and not stored.getexif()


def test_with_the_bucket_down_an_avatar_gets_a_message_and_the_profile_is_unchanged(client, member, bucket, settings):
    settings.AWS_S3_ENDPOINT_URL = "http://127.0.0.1:9"  # nothing listens there
    settings.STORAGES = {**settings.STORAGES}  # a new storage object, with the new address
    response = upload_avatar(client, member)
    assert response.status_code == 200
    assert "could not be stored just now" in response.content.decode()
    member.refresh_from_db()
    assert not member.avatar and member.display_name == ""


def test_with_the_bucket_down_a_curator_gets_a_message_and_nothing_is_saved(curator_client, category, settings, bucket):
    settings.AWS_S3_ENDPOINT_URL = "http://127.0.0.1:9"
    settings.STORAGES = {**settings.STORAGES}
    response = curator_client.post(reverse("admin:facts_fact_add"), fact_form(category, jpeg_with_exif((64, 48))))
    assert response.status_code == 302
    assert "could not be stored just now" in curator_client.get(response["Location"]).content.decode()
    assert not Fact.objects.exists()


def test_health_reports_the_bucket(client, bucket, settings):
    assert client.get("/healthz").status_code == 200
    settings.AWS_S3_ENDPOINT_URL = "http://127.0.0.1:9"
    settings.STORAGES = {**settings.STORAGES}
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content.decode().startswith("unavailable: storage")


def test_old_media_addresses_lead_to_the_bucket(client, bucket):
    response = client.get("/media/avatars/someone.jpg")
    assert response.status_code == 302  # not cached forever: the bucket may move
    assert response["Location"] == f"{bucket.endpoint}/{bucket.name}/avatars/someone.jpg"


def test_healthz_lists_the_storage_at_most_once_in_30_seconds(monkeypatch):
    from core import storage

    media, listed = storage.media_storage(), []
    monkeypatch.setattr(media, "listdir", lambda name: listed.append(name) or ([], []))
    monkeypatch.setattr(storage, "_last_check", None)
    clock = iter([1000.0, 1010.0, 1031.0])  # core.storage's clock only: the database's pool keeps time.monotonic
    monkeypatch.setattr(storage, "time", SimpleNamespace(monotonic=lambda: next(clock)))
    assert [storage.check() for _ in range(3)] == [(True, "")] * 3
    assert listed == ["", ""]  # the first probe, and the one 31 s later
