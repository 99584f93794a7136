"""Account emails: the password-reset link, made when the email goes (a link made then is fresh)."""

from django.contrib.auth.tokens import default_token_generator
from django.template.loader import render_to_string
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from core import mail, notices
from core.links import absolute_url
from members.models import User


def password_reset(user_id: int, *, last: str | None) -> notices.Composed | None:
    member = User.objects.filter(pk=user_id, is_active=True).first()
    if member is None or not member.email or not member.has_usable_password():
        return None
    context = {
        "user": member,
        "uid": urlsafe_base64_encode(force_bytes(member.pk)),
        "token": default_token_generator.make_token(member),
        "site_url": absolute_url(""),
    }
    subject = "".join(render_to_string("registration/password_reset_subject.txt", context).splitlines())
    return notices.Composed(
        "sent",
        mail.message(
            to=member.email, subject=subject, template="registration/password_reset_email.html", context=context
        ),
    )


def register() -> None:
    notices.register("members.password_reset", password_reset)
