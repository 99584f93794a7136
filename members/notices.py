"""Account emails, composed when they go: a confirmation or reset link made then is fresh, and one for an
address already confirmed, or a member who has left, is not sent."""

from types import SimpleNamespace

from allauth.account import app_settings as account_settings
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from core import mail
from core.links import absolute_url, site_host
from members.addresses import is_confirmed
from members.destinations import with_next
from members.models import User
from outbox.kinds import Composed, register


def _message(template: str, to: str, context: dict) -> mail.EmailMessage:
    context = {"current_site": SimpleNamespace(name="Cranes Club", domain=site_host()), "email": to, **context}
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).splitlines()).strip()
    prefix = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX
    return mail.message(to=to, subject=prefix + subject, template=f"{template}_message.txt", context=context)


def confirm_email(address_id: int, *, last: str | None, data: dict) -> Composed | None:
    address = EmailAddress.objects.select_related("user").filter(pk=address_id, verified=False).first()
    if address is None or not address.user.is_active:
        return None
    key = EmailConfirmationHMAC(address).key
    link = reverse("account_confirm_email", args=[key])
    if data.get("next"):  # the page the member was going to, through what waits for them (members.views.resume)
        link = with_next(link, with_next(reverse("members:resume"), data["next"]))
    context = {"user": address.user, "key": key, "activate_url": absolute_url(link)}
    template = "account/email/email_confirmation_signup" if data.get("signup") else "account/email/email_confirmation"
    return Composed("sent", _message(template, address.email, context))


def password_reset(user_id: int, *, last: str | None, data: dict) -> Composed | None:
    member = User.objects.filter(pk=user_id, is_active=True).first()
    if member is None or not member.has_usable_password() or not is_confirmed(data["email"], member):
        return None
    if data["email"].lower() != member.email.lower():
        return None
    key = f"{user_pk_to_url_str(member)}-{account_settings.PASSWORD_RESET_TOKEN_GENERATOR().make_token(member)}"
    path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"}).replace("UID-KEY", key)
    context = {"user": member, "password_reset_url": absolute_url(path), "username": member.username}
    return Composed("sent", _message("account/email/password_reset_key", data["email"], context))


def account_mail(user_id: int, *, last: str | None, data: dict) -> Composed | None:
    """A notification about the account (email or password changed, two-factor turned on...), to the address
    it was meant for: "your email was changed" goes to the old one."""
    member = User.objects.filter(pk=user_id, left_at__isnull=True).first()
    if member is None:
        return None
    return Composed("sent", _message(data["template"], data["email"], {**data["context"], "user": member}))


# The kinds about a member's account, keyed by the member's id; and the confirmation, keyed by the address's.
ABOUT_THE_MEMBER = ("members.password_reset", "members.account_mail")
CONFIRMATION = "members.confirm_email"


def register_kinds() -> None:
    register(CONFIRMATION, confirm_email, account=True)
    register("members.password_reset", password_reset, account=True)
    register("members.account_mail", account_mail, account=True)
