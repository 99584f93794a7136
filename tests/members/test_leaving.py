"""Members can take their data and leave; nothing of theirs stays readable, nobody else loses a thing."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from discussion import services as discussion
from discussion.models import Comment, CommentStatus, Follow, Report
from members.services import close_account
from screenings import services as screenings
from screenings.models import Rsvp, RsvpStatus
from tests.conftest import log_in_with_two_factor, with_two_factor
from tests.members.test_members import image_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def active_member(client, member, fact, screening, other_member, make_member, seasoned):
    """A member with an avatar, a seat, a thread someone answered and a report; a full house waiting behind them."""
    seasoned(member, other_member)
    client.force_login(member)
    client.post(
        reverse("members:edit"), {"display_name": "Veronika B.", "bio": "I love cranes.", "avatar": image_file()}
    )
    member.refresh_from_db()
    screenings.rsvp(member=member, screening=screening, guests=2)
    waiting = make_member()
    screenings.rsvp(member=waiting, screening=screening)
    thread = discussion.post_comment(author=member, target=fact, text="My thoughts on the ending")
    discussion.post_comment(author=other_member, target=fact, text="I agree with you", parent=thread)
    theirs = discussion.post_comment(author=other_member, target=fact, text="Buy DVDs")
    discussion.report_comment(comment=theirs, reporter=member, reason="spam", note="Clearly spam")
    return {"member": member, "waiting": waiting, "thread": thread}


def test_download_my_data_is_one_json_file_with_profile_comments_rsvps_and_reports(client, active_member):
    response = client.get(reverse("members:data"))
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["profile"]["email"] == "veronika@example.org"
    assert data["profile"]["display_name"] == "Veronika B."
    assert [c["text"] for c in data["comments"]] == ["My thoughts on the ending"]
    assert [(r["status"], r["guests"]) for r in data["rsvps"]] == [("going", 2)]
    assert [(r["reason"], r["note"]) for r in data["reports"]] == [("spam", "Clearly spam")]


def test_visitors_cannot_download_anyones_data(active_member):
    response = Client().get(reverse("members:data"))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


def test_closing_needs_the_password(client, active_member):
    response = client.post(reverse("members:close"), {"password": "wrong"})
    assert "not your password" in response.content.decode()
    assert get_user_model().objects.get(pk=active_member["member"].pk).is_active


def test_closing_an_account_erases_the_member_and_keeps_everyone_elses_work(
    client, active_member, fact, screening, run_worker, mailoutbox, settings, django_capture_on_commit_callbacks
):
    member, thread = active_member["member"], active_member["thread"]
    avatar = settings.MEDIA_ROOT / member.avatar.name
    assert avatar.exists()
    run_worker()
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("members:close"), {"password": "squirrel-1941"}, follow=True)
    run_worker()
    assert "Your account is closed" in response.content.decode()

    member.refresh_from_db()
    assert not member.is_active and not member.has_usable_password() and member.left_at
    assert (member.email, member.display_name, member.bio, member.avatar.name) == ("", "", "", "")
    assert "veronika" not in member.username
    assert member.public_name == "Former member"
    assert not avatar.exists()
    client.post(reverse("account_login"), {"username": "veronika", "password": "squirrel-1941"})
    assert not client.get(reverse("home:index")).context["user"].is_authenticated

    # The seat is offered to the member waiting, who was told; nobody is overbooked.
    assert Rsvp.objects.get(member=member).status == RsvpStatus.CANCELLED
    assert Rsvp.objects.get(member=active_member["waiting"]).status == RsvpStatus.OFFERED
    assert [m.subject for m in mailoutbox] == [f"A seat is yours to claim: {screening.title}"]

    # The thread stays whole: the reply is there, the member's words are not.
    thread.refresh_from_db()
    assert (thread.status, thread.text) == (CommentStatus.DELETED, "")
    assert Comment.objects.get(text="I agree with you").parent == thread
    assert Report.objects.get(reporter=member).note == ""
    assert not Follow.objects.filter(member=member).exists()
    html = Client().get(fact.get_absolute_url()).content.decode()
    assert "I agree with you" in html and "Comment removed." in html
    assert "My thoughts on the ending" not in html and "Veronika" not in html
    assert Client().get(reverse("members:profile", args=["veronika"])).status_code == 404
    assert Client().get(member.get_absolute_url()).status_code == 404


def test_the_admin_closes_accounts_instead_of_deleting_them(active_member):
    member = active_member["member"]
    admin = Client()
    root = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    with_two_factor(root)
    log_in_with_two_factor(admin, root)
    assert admin.post(reverse("admin:members_user_delete", args=[member.pk]), {"post": "yes"}).status_code == 403
    admin.post(reverse("admin:members_user_changelist"), {"action": "close_accounts", "_selected_action": [member.pk]})
    member.refresh_from_db()
    assert member.left_at and not member.is_active
    assert get_user_model().objects.filter(pk=member.pk).exists()


def test_closing_twice_changes_nothing_more(active_member):
    member = active_member["member"]
    close_account(member=member)
    member.refresh_from_db()
    username = member.username
    close_account(member=member)
    member.refresh_from_db()
    assert member.username == username


def test_a_replaced_avatar_is_deleted_not_kept(client, member, settings, django_capture_on_commit_callbacks):
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("members:edit"), {"display_name": "V", "avatar": image_file()})
    member.refresh_from_db()
    first = settings.MEDIA_ROOT / member.avatar.name
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("members:edit"), {"display_name": "V", "avatar": image_file(name="new.png")})
    member.refresh_from_db()
    assert not first.exists() and (settings.MEDIA_ROOT / member.avatar.name).exists()


def test_closing_erases_sessions_addresses_second_factors_and_the_admins_log_of_the_member(active_member, curator):
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from allauth.usersessions.models import UserSession
    from django.contrib.admin.models import CHANGE, LogEntry
    from django.contrib.contenttypes.models import ContentType

    member, thread = active_member["member"], active_member["thread"]
    with_two_factor(member)
    UserSession.objects.create(user=member, ip="203.0.113.9", user_agent="Firefox", session_key="k" * 32)
    for obj in (member, thread):
        LogEntry.objects.create(
            user=curator,
            content_type=ContentType.objects.get_for_model(obj),
            object_id=str(obj.pk),
            object_repr=str(obj),
            action_flag=CHANGE,
        )
    close_account(member=member)
    assert not UserSession.objects.filter(ip="203.0.113.9").exists()
    assert not EmailAddress.objects.filter(user=member).exists()
    assert not Authenticator.objects.filter(user=member).exists()
    assert set(LogEntry.objects.values_list("object_repr", flat=True)) == {
        "Former member",
        "Comment by a former member",
    }


def test_the_data_lists_only_emails_to_addresses_the_member_confirmed(
    client, member, screening, django_user_model, run_worker
):
    screenings.rsvp(member=member, screening=screening)
    run_worker()
    client.force_login(member)
    mine = json.loads(client.get(reverse("members:data")).content)["emails"]
    assert [e["status"] for e in mine] == ["sent"] and screening.title in mine[0]["subject"]

    # The address moves on; whoever types it into a new account has not shown it is theirs.
    django_user_model.objects.filter(pk=member.pk).update(email="veronika@elsewhere.example")
    member.emailaddress_set.update(email="veronika@elsewhere.example")
    stranger = django_user_model.objects.create_user("stranger", "veronika@example.org", "pw-stranger-1")
    client.force_login(stranger)
    assert json.loads(client.get(reverse("members:data")).content)["emails"] == []


def test_the_data_lists_emails_whatever_the_case_of_the_address(client, django_user_model, screening, run_worker):
    from tests.conftest import confirmed

    olga = confirmed(django_user_model.objects.create_user("olga", "Olga@Example.org", "pw-olga-1957"))
    olga.emailaddress_set.update(email="olga@example.org")  # as allauth keeps it
    screenings.rsvp(member=olga, screening=screening)
    run_worker()
    client.force_login(olga)
    assert len(json.loads(client.get(reverse("members:data")).content)["emails"]) == 1


def test_closing_leaves_no_trace_in_notices_sessions_or_the_admins_log(
    active_member, curator, screening, run_worker, django_capture_on_commit_callbacks
):
    from django.contrib.admin.models import CHANGE, DELETION, LogEntry
    from django.contrib.contenttypes.models import ContentType
    from django.contrib.sessions.models import Session

    from facts.models import Suggestion
    from outbox.models import Notice

    member = active_member["member"]
    devices = [Client(headers={"user-agent": agent}, REMOTE_ADDR="203.0.113.9") for agent in ("Firefox", "Phone")]
    for device in devices:
        device.post(reverse("account_login"), {"login": "veronika", "password": "squirrel-1941"})
    untracked = Client()
    untracked.force_login(member)
    # An account email remembers the browser and address it came from ("your password was changed").
    with django_capture_on_commit_callbacks(execute=True):
        devices[0].post(
            reverse("account_change_password"),
            {"oldpassword": "squirrel-1941", "password1": "New-Cranes-1958", "password2": "New-Cranes-1958"},
        )
    run_worker()
    assert Notice.objects.filter(data__icontains="Firefox").exists()
    # The admin's log names what curators touched as it was called then.
    rsvp = member.rsvps.get()
    suggestion = Suggestion.objects.create(fact=active_member["thread"].fact, member=member, problem="p", proposal="q")
    for obj, flag in ((rsvp, CHANGE), (suggestion, DELETION)):
        LogEntry.objects.create(
            user=curator,
            content_type=ContentType.objects.get_for_model(obj),
            object_id=str(obj.pk),
            object_repr=str(obj),
            action_flag=flag,
        )
    assert LogEntry.objects.filter(object_repr__contains="Veronika B.").count() == 2

    close_account(member=member)

    assert not Notice.objects.filter(data__icontains="Firefox").exists()
    assert not Notice.objects.filter(data__icontains="203.0.113.9").exists()
    assert not Notice.objects.filter(recipient__icontains="veronika").exists()
    for device in (*devices, untracked):
        session_key = device.cookies["sessionid"].value
        assert not Session.objects.filter(session_key=session_key).exists()
        assert not device.get(reverse("home:index")).context["user"].is_authenticated
    reprs = list(LogEntry.objects.values_list("object_repr", flat=True))
    assert not any("Veronika" in text or "veronika" in text for text in reprs), reprs
    assert "RSVP of a former member" in reprs and "Suggestion by a former member" in reprs
