"""Programme notes: written by organisers with their history kept, shown on the page and in a one-page print."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from core import film
from screenings.models import Screening
from tests.conftest import confirmed, log_in_with_two_factor, with_two_factor

pytestmark = pytest.mark.django_db

NOTES = "We show the 2018 restoration.\n\nWatch the stairs: one take, a camera on a lift.\nAnd the birch trees."


@pytest.fixture
def organiser_client(client, django_user_model):
    user = django_user_model.objects.create_user("organiser", "o@example.org", "pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Organisers"))
    with_two_factor(confirmed(user))
    log_in_with_two_factor(client, user)
    return client


def test_the_page_shows_the_notes_as_paragraphs_with_user_text_escaped(make_screening):
    screening = make_screening(slug="notes", programme_notes=NOTES + "\n\n<script>alert(1)</script>")
    html = Client().get(screening.get_absolute_url()).content.decode()
    assert "<p>We show the 2018 restoration.</p>" in html
    assert "<p>Watch the stairs: one take, a camera on a lift.<br>And the birch trees.</p>" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html


def test_the_print_view_is_one_programme_with_credits_notes_place_and_the_next_screening(make_screening):
    screening = make_screening(slug="notes", programme_notes=NOTES, print_version="2018 2K restoration")
    following = make_screening(
        title="The next one", slug="next-one", starts_at=screening.starts_at + timedelta(days=30)
    )
    html = Client().get(reverse("screenings:programme", args=["notes"])).content.decode()
    assert '<body class="programme-page">' in html
    for role, name in film.CREDITS:
        assert name.replace("'", "&#x27;") in html, role
    assert "Watch the stairs" in html and "2018 2K restoration" in html and "The Small Hall" in html
    assert following.title in html and following.get_absolute_url() in html


def test_the_print_rules_hide_the_sites_furniture_on_the_programme_alone():
    from core import stylesheet

    css = stylesheet.css()
    assert "@page programme" in css and ".programme-page .site-header" in css
    print_rules = css[css.index("@media print") :]
    assert "display:none!important" in print_rules.replace(" ", "")


def test_organisers_edit_notes_in_the_admin_and_every_version_is_kept(organiser_client, screening, settings):
    from tests.screenings.test_admin import edit_form

    settings.TIME_ZONE = "UTC"
    url = reverse("admin:screenings_screening_change", args=[screening.pk])
    for notes in ("First draft.", NOTES):
        response = organiser_client.post(url, edit_form(screening, programme_notes=notes))
        assert response.status_code == 302, response.content.decode()[:2000]
    screening = Screening.objects.get()
    assert screening.programme_notes == NOTES
    versions = list(screening.history.order_by("history_date").values_list("programme_notes", "history_user__username"))
    assert versions[-2:] == [("First draft.", "organiser"), (NOTES, "organiser")]
    history = organiser_client.get(reverse("admin:screenings_screening_history", args=[screening.pk]))
    assert history.status_code == 200


def test_reverting_a_version_needs_the_right_to_change(client, screening, django_user_model):
    viewer = django_user_model.objects.create_user("viewer", "v@example.org", "pw", is_staff=True)
    from django.contrib.auth.models import Permission

    viewer.user_permissions.add(Permission.objects.get(codename="view_screening"))
    with_two_factor(confirmed(viewer))
    log_in_with_two_factor(client, viewer)
    screening.programme_notes = "Changed."
    screening.save()
    version = screening.history.earliest("history_date")
    url = reverse("admin:screenings_screening_simple_history", args=[screening.pk, version.history_id])
    assert client.post(url, {}).status_code == 403
