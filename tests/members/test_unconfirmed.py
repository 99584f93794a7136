"""Mail goes only to addresses their members confirmed: a password reset too. Accounts nobody confirmed are
removed after a week."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from members.models import User
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


def test_accounts_nobody_confirmed_are_removed_after_seven_days(
    unconfirmed_member, member, django_user_model, screening
):
    stale = joined(unconfirmed_member, 8)
    fresh = django_user_model.objects.create_user("new", "new@example.org", "pw-new-1957")
    staff = joined(django_user_model.objects.create_user("helper", "h@example.org", "pw-h-1957", is_staff=True), 30)
    joined(member, 30)
    old_timer = joined(django_user_model.objects.create_user("olga", "olga@example.org", "pw-olga-1957"), 900)
    Rsvp.objects.create(member=old_timer, screening=screening, status=RsvpStatus.GOING)  # from before confirmation

    call_command("remove_unconfirmed_accounts")

    assert not User.objects.filter(pk=stale.pk).exists()
    assert set(User.objects.values_list("username", flat=True)) == {"veronika", "new", "helper", "olga"}
    assert Rsvp.objects.get(member=old_timer).status == RsvpStatus.GOING  # nothing of theirs is undone
    assert fresh.pk and staff.pk
