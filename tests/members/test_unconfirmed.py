"""Mail goes only to addresses their members confirmed: a password reset too. Accounts nobody confirmed are
removed after a week."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from facts.models import Suggestion
from members.models import User
from members.services import UNCONFIRMED_SINCE
from outbox.models import Notice
from screenings.models import Rsvp, RsvpStatus

pytestmark = pytest.mark.django_db


def test_a_password_reset_goes_only_to_a_confirmed_address(client, unconfirmed_member, member, mailoutbox, run_worker):
    for address in (unconfirmed_member.email, member.email):
        client.post(reverse("account_reset_password"), {"email": address})
    run_worker()
    assert [m.to for m in mailoutbox] == [[member.email]]
    assert not Notice.objects.filter(key=str(unconfirmed_member.pk)).exists()


def test_a_reset_is_not_sent_if_the_address_is_unconfirmed_when_it_goes(client, member, mailoutbox, run_worker):
    client.post(reverse("account_reset_password"), {"email": member.email})
    member.emailaddress_set.update(verified=False)
    run_worker()
    assert mailoutbox == []


def joined(user, days: int):
    User.objects.filter(pk=user.pk).update(date_joined=timezone.now() - timedelta(days=days))
    return user


def test_accounts_nobody_confirmed_that_hold_nothing_are_removed_a_week_after_sign_up(
    unconfirmed_member, member, django_user_model, screening, fact, time_machine
):
    time_machine.move_to(UNCONFIRMED_SINCE + timedelta(days=30))
    stale = joined(unconfirmed_member, 8)
    fresh = django_user_model.objects.create_user("new", "new@example.org", "pw-new-1957")
    staff = joined(django_user_model.objects.create_user("helper", "h@example.org", "pw-h-1957", is_staff=True), 30)
    joined(member, 30)
    old_timer = joined(django_user_model.objects.create_user("olga", "olga@example.org", "pw-olga-1957"), 900)
    Rsvp.objects.create(member=old_timer, screening=screening, status=RsvpStatus.GOING)  # from before confirmation
    suggester = joined(django_user_model.objects.create_user("ivan", "ivan@example.org", "pw-ivan-1957"), 900)
    Suggestion.objects.create(fact=fact, member=suggester, problem="p", proposal="q")
    # An account sharing an address another confirmed before confirmation was asked: it cannot confirm it.
    joined(django_user_model.objects.create_user("wife", member.email.upper(), "pw-wife-1957"), 900)
    joined(django_user_model.objects.create_user("banned", "b@example.org", "pw-b-1957", is_active=False), 900)

    call_command("remove_unconfirmed_accounts")

    assert not User.objects.filter(pk=stale.pk).exists()
    kept = {"veronika", "new", "helper", "olga", "ivan", "wife", "banned"}
    assert set(User.objects.values_list("username", flat=True)) == kept
    assert Rsvp.objects.get(member=old_timer).status == RsvpStatus.GOING  # nothing of theirs is undone
    assert fresh.pk and staff.pk and Suggestion.objects.filter(member=suggester).exists()


def test_accounts_from_before_the_rule_get_their_week_from_its_start(unconfirmed_member, time_machine):
    time_machine.move_to(UNCONFIRMED_SINCE + timedelta(days=6))
    joined(unconfirmed_member, 900)
    call_command("remove_unconfirmed_accounts")
    assert User.objects.filter(pk=unconfirmed_member.pk).exists()
    time_machine.move_to(UNCONFIRMED_SINCE + timedelta(days=8))
    call_command("remove_unconfirmed_accounts")
    assert not User.objects.filter(pk=unconfirmed_member.pk).exists()
