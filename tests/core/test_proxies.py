"""Behind a proxy with TRUSTED_PROXY_COUNT at 0, every visitor would share the proxy's limits: the site says so."""

import logging

import pytest
from django.test import Client

from core import proxies

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh(monkeypatch):
    monkeypatch.setattr(proxies, "_seen", False)


def test_forwarded_requests_while_no_proxy_is_trusted_are_logged_once_and_shown_on_healthz(settings, caplog):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    assert "X-Forwarded-For" not in Client().get("/healthz").content.decode()
    forwarded = Client(headers={"x-forwarded-for": "198.51.100.7"})
    with caplog.at_level(logging.WARNING, logger="core.proxies"):
        forwarded.get("/accounts/login/")
        forwarded.get("/accounts/login/")
    assert [r.message for r in caplog.records if r.name == "core.proxies"] == [proxies.WARNING]
    health = Client().get("/healthz")
    assert health.status_code == 200  # a warning: the load balancer keeps the server
    assert "TRUSTED_PROXY_COUNT is 0" in health.content.decode()


def test_with_the_proxies_counted_nothing_is_said(settings, caplog):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    with caplog.at_level(logging.WARNING, logger="core.proxies"):
        Client(headers={"x-forwarded-for": "198.51.100.7"}).get("/accounts/login/")
    assert not [r for r in caplog.records if r.name == "core.proxies"]
    assert "TRUSTED_PROXY_COUNT" not in Client().get("/healthz").content.decode()
