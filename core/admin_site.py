from allauth.mfa.utils import is_mfa_enabled
from django.contrib import admin, messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse


class ClubAdminSite(admin.AdminSite):
    """The admin's site (`admin.site`), kept apart from core/admin.py, whose registrations need it to exist.

    Staff reach it through the site's one door, allauth's log-in (with its second step), and only with
    two-factor authentication set up: staff without it are sent to set it up and see no admin page.
    """

    site_header = "Cranes Club curators"
    site_title = "Cranes Club admin"
    index_title = "Catalogue, FAQ and club business"

    def has_permission(self, request: HttpRequest) -> bool:
        return super().has_permission(request) and is_mfa_enabled(request.user)

    def login(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        user = request.user
        if user.is_authenticated and user.is_active and user.is_staff and not is_mfa_enabled(user):
            messages.warning(request, "The admin needs two-factor authentication. Set it up here, then open the admin.")
            return redirect("mfa_index")
        if user.is_authenticated:
            messages.error(request, "Your account has no access to the admin.")
            return redirect("home:index")
        next_url = request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index", current_app=self.name)
        return redirect_to_login(next_url, reverse("account_login"))

    def logout(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        return redirect("account_logout")
