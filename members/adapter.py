"""django-allauth, as the club runs it: account emails through the task queue, and a log-in limit that a
stranger cannot turn against a member."""

import ipaddress
import time
from datetime import date, datetime

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import get_authentication_records
from allauth.core import ratelimit
from allauth.core.internal.ratelimit import truncate_ip
from allauth.mfa.utils import is_mfa_enabled
from django.db.models import Q
from django.urls import reverse

from core.admin_site import SECOND_FACTORS
from members import destinations
from members.addresses import is_confirmed
from members.models import User
from outbox.delivery import notify

# Notifications that go to an address that is no longer the account's: the old one must hear of it.
TO_OLD_ADDRESS = {"account/email/email_changed"}


class AccountAdapter(DefaultAccountAdapter):
    """Failed log-ins count per (address, account) first: 5 in 5 minutes, checked before the password (allauth's
    "login_failed"), so failures from elsewhere never lock a member out, and username and email count as one
    account. An address with 10 failures in a minute is busy ("login_failed_address"): there, a name that is no
    account's, or an account that has failed from it in 5 minutes ("login_failed_here"), is refused before its
    password is checked, and every failure answers "too many". A member's right password still works at a busy
    café; a stranger trying many accounts from it gets one try at each. IPv6 addresses count by their /64."""

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        return self._attempt(request, credentials)[0]

    def _attempt(self, request, credentials: dict) -> tuple[str, bool]:
        """The (address, account) key of a log-in attempt, and whether its name is an account's."""
        login = (credentials.get("email") or credentials.get("username") or "").lower()
        member = User.objects.filter(Q(username__iexact=login) | Q(email__iexact=login)).values_list("pk").first()
        account = f"member:{member[0]}" if member else f"login:{login}"
        return f"{truncate_ip(self.get_client_ip(request))}:{account}", member is not None

    def pre_authenticate(self, request, **credentials) -> None:
        super().pre_authenticate(request, **credentials)  # the pair's own limit
        key, known = self._attempt(request, credentials)
        busy = not ratelimit.consume(request, action="login_failed_address", dry_run=True)
        if busy and not (known and ratelimit.consume(request, action="login_failed_here", key=key, dry_run=True)):
            # As long as checking a password takes, so that how long the refusal took tells nothing either.
            User().set_password(credentials.get("password") or "")
            raise self.validation_error("too_many_login_attempts")

    def authentication_failed(self, request, **credentials) -> None:
        key, _ = self._attempt(request, credentials)
        ratelimit.consume(request, action="login_failed_here", key=key)
        if not ratelimit.consume(request, action="login_failed_address"):
            # At a busy address every failure says the same, so that the answer tells no one which names exist.
            raise self.validation_error("too_many_login_attempts")

    def get_client_ip(self, request) -> str:
        """allauth's, with an IPv4 address written as IPv6 (::ffff:192.0.2.7, from a dual-stack server or proxy)
        taken as the IPv4 address it is: counted by its /64, every such visitor would share one address's limits."""
        address = super().get_client_ip(request)
        try:
            mapped = getattr(ipaddress.ip_address(address), "ipv4_mapped", None)
        except ValueError:
            return address
        return str(mapped) if mapped else address

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        """On the two-factor pages a fresh log-in counts as recent: within the reauthentication timeout of logging
        in with what reauthenticating would ask for (the password; with two-factor on, a code from the app or a
        security key, never a recovery code), nothing is asked again, so a new curator sets up two-factor
        straight after logging in. Changing the email address or password always asks again."""
        required = super().is_reauthentication_required(app=app, **kwargs)
        return required and not (app == "allauth.mfa" and self._logged_in_lately())

    def _logged_in_lately(self) -> bool:
        request = self.request
        if request is None or not request.user.is_authenticated:
            return False
        lately = time.time() - account_settings.REAUTHENTICATION_TIMEOUT
        if is_mfa_enabled(request.user, SECOND_FACTORS):
            wanted = {"method": "mfa", "types": set(SECOND_FACTORS)}
        else:
            wanted = {"method": "password", "types": None}
        return any(
            record.get("method") == wanted["method"]
            and (wanted["types"] is None or record.get("type") in wanted["types"])
            and record.get("at", 0) > lately
            for record in get_authentication_records(request, request.user)
        )

    def post_login(self, request, user, *, signup: bool, redirect_url: str | None, **kwargs):
        """A new member's page to come back to, once they have confirmed their address. A log-in starts afresh:
        nothing kept in the session before it (a destination, a held form) is followed after it."""
        if signup:
            destinations.remember(request, redirect_url)
        else:
            destinations.forget(request)
            destinations.take_held(request)
        return super().post_login(request, user, signup=signup, redirect_url=redirect_url, **kwargs)

    def get_email_verification_redirect_url(self, email_address) -> str:
        """After confirming: what the member sent before, offered again, or the page they were going to
        (members.views.resume says which)."""
        user = self.request.user
        if user.is_authenticated and user.pk == email_address.user_id:
            return reverse("members:resume")
        return super().get_email_verification_redirect_url(email_address)

    def get_reauthentication_methods(self, user) -> list[dict]:
        """With two-factor on, reauthenticating asks for the second factor: a password is what a thief has."""
        methods = super().get_reauthentication_methods(user)
        if user.is_authenticated and is_mfa_enabled(user, list(SECOND_FACTORS)):
            return [method for method in methods if method["id"].startswith("mfa_")]
        return methods

    def send_confirmation_mail(self, request, emailconfirmation, signup: bool) -> None:
        address = emailconfirmation.email_address
        # The link leads back to the page the member was going to, even opened in another browser.
        going_to = (destinations.next_of(request) or destinations.recall(request)) if request else None
        data = {"signup": signup, "next": going_to} if going_to else {"signup": signup}
        notify("members.confirm_email", address.pk, data=data, collapse=True)

    def send_password_reset_mail(self, user, email: str, context: dict) -> None:
        # Only to an address its member confirmed: a reset is a key to the account. One waiting reset email
        # stands for any number of requests: its link is made when it goes.
        if is_confirmed(email, user):
            notify("members.password_reset", user.pk, data={"email": email}, collapse=True)

    def send_notification_mail(self, template_prefix: str, user, context=None, email=None) -> None:
        """ "Your email (password, two-factor) was changed": the account's owner, to a confirmed address."""
        super().send_notification_mail(template_prefix, user, {**(context or {}), "user": user}, email)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Notifications, and "someone tried to sign up with your address": the facts they tell are kept with
        the notice, since the address may no longer be the member's when it goes."""
        user = context.get("user") or User.objects.filter(email__iexact=email).first()
        if user is None or not (is_confirmed(email, user) or template_prefix in TO_OLD_ADDRESS):
            return  # nobody's confirmed address: the club writes to no one it cannot vouch for
        facts = {key: _plain(value) for key, value in context.items() if _plain(value) is not None}
        data = {"template": template_prefix, "email": email, "context": facts}
        notify("members.account_mail", user.pk, data=data, collapse=template_prefix.endswith("already_exists"))


def _plain(value):
    if isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    return None
