"""What members can discuss, and how discussion finds it.

A target is a model instance with `get_absolute_url()` and a title (its `str()`), whose QuerySet has
`visible()`: what a visitor may open. Comment has a foreign key to each kind, named after its model.
Facts and screenings know nothing of discussion; this registry and those keys are the only links.
"""

from django.apps import apps
from django.db.models import Model, QuerySet
from django.shortcuts import get_object_or_404

KINDS = {"fact": "facts.Fact", "screening": "screenings.Screening"}


def kind_of(target: Model) -> str:
    return target._meta.model_name


def visible(kind: str) -> QuerySet:
    return apps.get_model(KINDS[kind]).objects.visible()


def get_visible_or_404(kind: str, slug: str) -> Model:
    return get_object_or_404(visible(kind), slug=slug)
