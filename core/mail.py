"""The one way the club sends email: a message per recipient, rendered from a plain-text template."""

from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string


def message(*, to: str, subject: str, template: str, context: dict, headers: dict | None = None) -> EmailMessage:
    # A title with a line break in it (typed in the admin) must not stop the email: subjects are one line.
    subject = " ".join(subject.split())
    return EmailMessage(subject=subject, body=render_to_string(template, context), to=[to], headers=headers)


def send(messages: list[EmailMessage]) -> int:
    """Send over one connection; returns how many went out."""
    if not messages:
        return 0
    return get_connection().send_messages(messages) or 0
