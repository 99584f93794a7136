from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """The club's member. Custom from the first migration so fields can be added later."""

    display_name = models.CharField(max_length=80, blank=True)

    def __str__(self) -> str:
        return self.display_name or self.username

    @property
    def public_name(self) -> str:
        return self.display_name or self.username
