from allauth.account.authentication import get_authentication_records
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

# The second factors that open the admin: a recovery code only lets its owner in to set up a new device.
SECOND_FACTORS = {"totp", "webauthn"}


def passed_two_factor(request: HttpRequest) -> bool:
    """This session, not just the account: a code from the authenticator app or a security key was given at
    log-in or since."""
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" and record.get("type") in SECOND_FACTORS for record in records)


class ClubAdminSite(admin.AdminSite):
    """The admin's site (`admin.site`), kept apart from core/admin.py, whose registrations need it to exist.

    Staff reach it through the site's one door, allauth's log-in, and only in a session that gave a
    second factor: staff without two-factor are sent to set it up, and a session that logged in with a
    password alone is asked for a code first.
    """

    site_header = "Cranes Club curators"
    site_title = "Cranes Club admin"
    index_title = "Catalogue, FAQ and club business"

    def has_permission(self, request: HttpRequest) -> bool:
        return super().has_permission(request) and is_mfa_enabled(request.user) and passed_two_factor(request)

    def login(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        user = request.user
        next_url = request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index", current_app=self.name)
        if not user.is_authenticated:
            return redirect_to_login(next_url, reverse("account_login"))
        if not (user.is_active and user.is_staff):
            messages.error(request, "Your account has no access to the admin.")
            return redirect(settings.LOGIN_REDIRECT_URL)
        if not is_mfa_enabled(user):
            messages.warning(request, "The admin needs two-factor authentication. Set it up here, then open the admin.")
            # The set-up's last page leads on to `next` (members.account_urls keeps it).
            return redirect(f"{reverse('mfa_index')}?{urlencode({REDIRECT_FIELD_NAME: next_url})}")
        return redirect(f"{reverse('mfa_reauthenticate')}?{urlencode({REDIRECT_FIELD_NAME: next_url})}")

    def logout(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        return redirect("account_logout")
