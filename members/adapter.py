"""django-allauth, as the club runs it: account emails through the task queue, and a log-in limit that a
stranger cannot turn against a member."""

from datetime import date, datetime

from allauth.account.adapter import DefaultAccountAdapter

from core import notices


class AccountAdapter(DefaultAccountAdapter):
    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        # allauth counts failed log-ins per account; ours count per (address, account), so failures from
        # elsewhere never lock a member out. The per-address limit ("10/m/ip") still slows the stranger.
        return f"{self.get_client_ip(request)}:{super()._get_login_attempts_cache_key(request, **credentials)}"

    def send_confirmation_mail(self, request, emailconfirmation, signup: bool) -> None:
        address = emailconfirmation.email_address
        notices.notify("members.confirm_email", address.pk, data={"signup": signup})

    def send_password_reset_mail(self, user, email: str, context: dict) -> None:
        # One waiting reset email stands for any number of requests: its link is made when it goes.
        notices.notify("members.password_reset", user.pk, data={"email": email}, collapse=True)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Notifications (email changed, password changed, two-factor added...): the facts they tell are
        kept with the notice, since the address may no longer be the member's when it goes."""
        user = context.get("user") or getattr(self.request, "user", None)
        facts = {key: _plain(value) for key, value in context.items() if _plain(value) is not None}
        data = {"template": template_prefix, "email": email, "context": facts}
        notices.notify("members.account_mail", user.pk, data=data)


def _plain(value):
    if isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    return None
