"""A logged-in member's account comes from the worker's memory, and any write to any account retires it:
a changed password, a closed account or a lost staff right counts on the very next request."""

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pagecache
from members.backends import MemberBackend
from members.models import User
from pagecache.registry import reading_accounts_at

pytestmark = pytest.mark.django_db

PROFILE_OF_THE_MEMBER = "Log out"


@pytest.fixture
def kept(client, member, settings):
    """A member logged in through the cached session, their account kept by the worker."""
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    client.force_login(member)
    client.get("/facts/")
    with CaptureQueriesContext(connection) as queries:
        assert PROFILE_OF_THE_MEMBER in client.get("/facts/").content.decode()
    assert len(queries) == 0, "the account comes from the worker's memory"
    return client


def test_a_changed_password_logs_out_other_sessions_at_once(kept, member):
    member.set_password("a-new-password-1957")
    member.save()
    assert PROFILE_OF_THE_MEMBER not in kept.get("/facts/").content.decode()


def test_an_account_closed_by_a_bulk_update_is_logged_out_at_once(kept, member):
    User.objects.filter(pk=member.pk).update(is_active=False)
    assert PROFILE_OF_THE_MEMBER not in kept.get("/facts/").content.decode()


def test_a_renamed_member_sees_their_new_name_at_once(kept, member):
    User.objects.filter(pk=member.pk).update(display_name="Veronika B.")
    assert "Veronika B." in kept.get("/facts/").content.decode()


def test_each_request_gets_its_own_copy_and_staff_rights_are_read_afresh(curator):
    backend = MemberBackend()
    permission = Permission.objects.get(codename="change_fact")
    with reading_accounts_at(pagecache.registry.current(pagecache.ACCOUNTS_KEY)):
        first = backend.get_user(curator.pk)
        assert first.has_perm("facts.change_fact")
        first.note = "set by one request"
        Group.objects.get(name="Curators").permissions.remove(permission)
        second = backend.get_user(curator.pk)
    assert second is not first and second.pk == first.pk and not hasattr(second, "note")
    assert not second.has_perm("facts.change_fact"), "a right taken away counts at once"


def test_outside_a_cached_read_the_account_comes_from_the_database(member):
    with CaptureQueriesContext(connection) as queries:
        assert MemberBackend().get_user(member.pk) == member
    assert len(queries) == 1


def test_sessions_begun_with_allauths_backend_stay_logged_in(client, member):
    client.force_login(member, backend="allauth.account.auth_backends.AuthenticationBackend")
    assert client.session[BACKEND_SESSION_KEY] == "allauth.account.auth_backends.AuthenticationBackend"
    assert PROFILE_OF_THE_MEMBER in client.get("/facts/").content.decode()
    client.get("/facts/")
    assert PROFILE_OF_THE_MEMBER in client.get("/facts/").content.decode()
