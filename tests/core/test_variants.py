"""Uploaded stills and avatars get smaller WebP copies for srcset, written and deleted through the storage
API alone (here Django's in-memory storage: no file on disk), and a page never breaks for a missing one."""

from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from PIL import Image

from core import variants
from facts.models import Fact

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def memory_storage(settings):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}


def jpeg(width=1000, height=600) -> ContentFile:
    out = BytesIO()
    Image.new("RGB", (width, height), "gray").save(out, format="JPEG")
    return ContentFile(out.getvalue(), name="still.jpg")


@pytest.fixture
def still(fact):
    fact.image.save("still.jpg", jpeg(), save=True)
    return fact


def stored(field_file, width) -> bool:
    return field_file.storage.exists(variants.variant_name(field_file.name, width))


def test_variants_are_webp_at_each_width_narrower_than_the_original(still):
    assert variants.make(still.image) == [320, 640, 960]
    with still.image.storage.open(variants.variant_name(still.image.name, 640)) as file, Image.open(file) as image:
        assert (image.format, image.size) == ("WEBP", (640, 384))
    assert not stored(still.image, 1280)


def test_srcset_lists_the_variants_that_exist_and_the_original(still):
    assert variants.srcset(still.image) == ""  # none made yet: the <img src> alone
    variants.make(still.image)
    storage, name = still.image.storage, still.image.name
    expected = [f"{storage.url(variants.variant_name(name, w))} {w}w" for w in (320, 640, 960)]
    assert variants.srcset(still.image) == ", ".join([*expected, f"{still.image.url} 1000w"])


def test_a_fact_page_serves_the_variants_and_falls_back_to_the_original(client, still):
    html = client.get(still.get_absolute_url()).content.decode()
    assert f'src="{still.image.url}"' in html and "srcset=" not in html
    variants.make(still.image)
    Fact.objects.filter(pk=still.pk).update(title="Retitled")  # a new content version: the page is made again
    still.save()
    html = client.get(still.get_absolute_url()).content.decode()
    assert variants.srcset(still.image) in html and 'sizes="(min-width: 48rem) 44rem, 100vw"' in html


def test_replacing_an_image_deletes_the_old_variants_once_committed(still, django_capture_on_commit_callbacks):
    variants.make(still.image)
    old = still.image.name
    still.image.save("other.jpg", jpeg(700, 400), save=True)
    with django_capture_on_commit_callbacks(execute=True):
        variants.refresh(still.image, old)
    assert not any(still.image.storage.exists(variants.variant_name(old, w)) for w in variants.STILL_WIDTHS)
    assert stored(still.image, 320) and stored(still.image, 640) and not stored(still.image, 960)


def test_removing_an_image_deletes_its_variants(still, django_capture_on_commit_callbacks):
    variants.make(still.image)
    old, storage = still.image.name, still.image.storage
    still.image = ""
    still.save()
    with django_capture_on_commit_callbacks(execute=True):
        variants.refresh(still.image, old)
    assert not any(storage.exists(variants.variant_name(old, w)) for w in variants.STILL_WIDTHS)


def test_a_curators_upload_gets_its_variants(curator_client, category, django_capture_on_commit_callbacks):
    from tests.site.test_security import fact_form

    out = BytesIO()
    Image.new("RGB", (800, 500), "white").save(out, format="PNG")
    upload = ContentFile(out.getvalue(), name="still.png")
    with django_capture_on_commit_callbacks(execute=True):
        response = curator_client.post(reverse("admin:facts_fact_add"), fact_form(category, upload))
    assert response.status_code == 302
    fact = Fact.objects.get(slug="a-still")
    assert stored(fact.image, 320) and stored(fact.image, 640)


def test_an_avatar_gets_retina_variants_and_loses_them_when_replaced(
    client, member, django_capture_on_commit_callbacks
):
    from tests.members.test_members import image_file

    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("members:edit"), {"display_name": "V", "avatar": image_file()})
    member.refresh_from_db()
    first = member.avatar.name
    assert stored(member.avatar, 96) and stored(member.avatar, 192)
    html = client.get(member.get_absolute_url()).content.decode()
    assert variants.srcset(member.avatar, variants.AVATAR_WIDTHS) in html
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("members:edit"), {"display_name": "V", "avatar": image_file(name="new.png")})
    assert not member.avatar.storage.exists(variants.variant_name(first, 96))


def test_the_command_makes_the_missing_variants_of_images_stored_before(still, capsys):
    call_command("make_image_variants")
    assert stored(still.image, 320) and stored(still.image, 960)
    call_command("make_image_variants")
    assert "Made the variants of 0 images." in capsys.readouterr().out
