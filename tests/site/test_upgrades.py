"""A database from before this round upgrades: nothing curators removed comes back, no member is locked out."""

from importlib import import_module
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.core.management import call_command

from facts.models import Fact, SeedRecord

pytestmark = pytest.mark.django_db

seed_records = import_module("facts.migrations.0004_seed_records")
confirmed_addresses = import_module("members.migrations.0006_confirmed_email_addresses")


def test_a_catalogue_loaded_before_seed_records_keeps_its_curators_deletions_and_slugs():
    call_command("load_catalogue", stdout=StringIO())
    assert set(SeedRecord.objects.values_list("model", "slug")) == {
        (model, slug) for model, slugs in seed_records.SEEDED.items() for slug in slugs
    }, "the migration's list is the catalogue file's"
    # Before migration 0004 a curator deleted one fact and gave another a new slug; nothing recorded the loads.
    Fact.objects.filter(slug="box-office-success").delete()
    Fact.objects.filter(slug="iconic-poster").update(slug="the-poster")
    SeedRecord.objects.all().delete()

    seed_records.remember_earlier_loads(apps, None)
    out = StringIO()
    call_command("load_catalogue", stdout=out)

    assert Fact.objects.count() == 38
    assert not Fact.objects.filter(slug__in=["box-office-success", "iconic-poster"]).exists()
    assert "0 created" in out.getvalue()


def test_a_new_database_records_no_load_before_the_first():
    seed_records.remember_earlier_loads(apps, None)
    assert not SeedRecord.objects.exists()


def test_members_sharing_an_address_from_before_confirmation_keep_their_accounts(django_user_model):
    older = django_user_model.objects.create_user("olga", "Olga@Example.org", "pw-olga-1957")
    newer = django_user_model.objects.create_user("olga2", "olga@example.org", "pw-olga-1958")
    alone = django_user_model.objects.create_user("boris", "boris@example.org", "pw-boris-1941")

    confirmed_addresses.confirm_existing(apps, None)

    confirmed = dict(EmailAddress.objects.values_list("user_id", "verified"))
    assert confirmed == {older.pk: True, newer.pk: False, alone.pk: True}
