"""`strip_image_metadata`: stills stored before uploads were cleaned lose their EXIF (a GPS position) in place;
clean images, and files that are missing, are left as they are."""

from io import BytesIO, StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from PIL import Image

from tests.site.test_security import photo_with_metadata

pytestmark = pytest.mark.django_db


def stored_with_metadata(fact, name="old-still.jpg"):
    fact.image.save(name, ContentFile(photo_with_metadata()), save=False)
    type(fact).objects.filter(pk=fact.pk).update(image=fact.image.name)  # as an old upload left it
    return fact.image.name


def test_a_stored_still_with_a_gps_position_is_drawn_again_without_it(fact):
    old = stored_with_metadata(fact)
    out = StringIO()
    call_command("strip_image_metadata", stdout=out)
    fact.refresh_from_db()
    stored = fact.image.open("rb").read()
    assert fact.image.name != old and not fact.image.storage.exists(old)
    assert b"PhoneMaker" not in stored and b"GPSLatitude" not in stored
    with Image.open(BytesIO(stored)) as image:
        assert not image.getexif() and image.size == (40, 30)
    assert "1 image(s) carried metadata, 1 re-drawn." in out.getvalue()
    assert fact.history.first().history_change_reason.startswith("Image re-drawn")

    again = StringIO()
    call_command("strip_image_metadata", stdout=again)
    fact.refresh_from_db()
    assert "0 image(s)" in again.getvalue() and fact.image.name != old


def test_a_dry_run_changes_nothing(fact):
    old = stored_with_metadata(fact)
    out = StringIO()
    call_command("strip_image_metadata", "--dry-run", stdout=out)
    fact.refresh_from_db()
    assert fact.image.name == old and b"PhoneMaker" in fact.image.open("rb").read()
    assert "1 image(s) would be re-drawn." in out.getvalue()


def test_a_missing_file_is_said_and_skipped(fact):
    old = stored_with_metadata(fact)
    fact.image.storage.delete(old)
    err = StringIO()
    call_command("strip_image_metadata", stdout=StringIO(), stderr=err)
    fact.refresh_from_db()
    assert fact.image.name == old and "skipped" in err.getvalue()
