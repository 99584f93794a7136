from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.urls import reverse
from django.utils.crypto import salted_hmac

from core.images import IMAGE_VALIDATORS
from pagecache import PageRetiringQuerySet


class MemberManager(UserManager.from_queryset(PageRetiringQuerySet)):
    pass


class User(AbstractUser):
    """The club's member. Custom from the first migration so fields can be added later."""

    email = models.EmailField("email address")
    display_name = models.CharField(max_length=80, blank=True, help_text="Shown beside your comments and RSVPs.")
    bio = models.TextField(max_length=600, blank=True)
    avatar = models.ImageField(upload_to="avatars/", blank=True, validators=IMAGE_VALIDATORS)
    show_past_screenings = models.BooleanField(
        "show my past screenings on my profile",
        default=False,
        help_text="Nobody sees your upcoming screenings but you; other members see who is going on a screening's page.",
    )
    left_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When the member closed the account."
    )
    session_epoch = models.PositiveIntegerField(
        default=0, editable=False, help_text="Raised to end every session of the account at once (members.sessions)."
    )

    objects = MemberManager()

    def __str__(self) -> str:
        return self.public_name

    def get_absolute_url(self) -> str:
        return reverse("members:profile", kwargs={"username": self.username})

    def get_session_auth_hash(self) -> str:
        """Django's, with the session epoch in it: raising the epoch ends every session, on every server and
        whatever a cache still holds, as a new password does (an epoch of 0 keeps Django's own hash)."""
        return self._session_hash(settings.SECRET_KEY) if self.session_epoch else super().get_session_auth_hash()

    def get_session_auth_fallback_hash(self):
        if not self.session_epoch:
            yield from super().get_session_auth_fallback_hash()
            return
        for secret in settings.SECRET_KEY_FALLBACKS:
            yield self._session_hash(secret)

    def _session_hash(self, secret: str) -> str:
        value = f"{self.password}:{self.session_epoch}"
        return salted_hmac("members.User.session", value, secret=secret, algorithm="sha256").hexdigest()

    @property
    def public_name(self) -> str:
        if self.left_at:
            return "Former member"
        return self.display_name or self.username
