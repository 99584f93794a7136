from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.urls import reverse

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

    objects = MemberManager()

    def __str__(self) -> str:
        return self.public_name

    def get_absolute_url(self) -> str:
        return reverse("members:profile", kwargs={"username": self.username})

    @property
    def public_name(self) -> str:
        if self.left_at:
            return "Former member"
        return self.display_name or self.username
