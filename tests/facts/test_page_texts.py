"""The home page's synopsis is content: it comes from the catalogue file, curators edit it in the admin (with
history), and the home page shows their words."""

from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from facts.catalogue import read_seed
from facts.models import Text

pytestmark = pytest.mark.django_db


def home() -> str:
    response = Client().get(reverse("home:index"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_home_page_shows_the_synopsis_from_the_catalogue_file(db):
    call_command("load_catalogue", stdout=StringIO())
    synopsis = next(text for text in read_seed()["texts"] if text["slug"] == "synopsis")
    assert Text.objects.get(slug="synopsis").text == synopsis["text"]
    assert synopsis["text"].split(".")[0] in home()
    template = Path(__file__).resolve().parents[2] / "templates" / "home" / "index.html"
    assert "Veronika" not in template.read_text(encoding="utf-8"), "the synopsis has one copy: the file's"


def test_a_curators_edit_of_the_synopsis_shows_at_once_with_its_history(curator_client):
    text = Text.objects.create(slug="synopsis", title="The film in brief", text="Moscow, 1941.")
    assert "Moscow, 1941." in home()
    data = {"title": text.title, "text": "Moscow, June 1941.\r\n\r\nA second paragraph."}
    assert curator_client.post(reverse("admin:facts_text_change", args=[text.pk]), data).status_code == 302
    page = home()
    assert "<p>Moscow, June 1941.</p>" in page and "<p>A second paragraph.</p>" in page
    history = [h.text for h in text.history.order_by("history_id")]
    assert history == ["Moscow, 1941.", "Moscow, June 1941.\n\nA second paragraph."]


def test_page_texts_are_named_by_pages_so_curators_neither_add_nor_delete_them(curator_client):
    text = Text.objects.create(slug="synopsis", title="The film in brief", text="Moscow, 1941.")
    assert curator_client.get(reverse("admin:facts_text_add")).status_code == 403
    assert curator_client.get(reverse("admin:facts_text_delete", args=[text.pk])).status_code == 403
    codenames = set(Group.objects.get(name="Curators").permissions.values_list("codename", flat=True))
    assert {"view_text", "change_text", "view_historicaltext"} <= codenames


def test_without_a_synopsis_the_home_page_still_answers(db):
    assert "The Cranes Are Flying" in home()
