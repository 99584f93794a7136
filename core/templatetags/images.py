from django import template

from core import variants

register = template.Library()


@register.filter
def srcset(field_file) -> str:
    """The srcset of an uploaded still: its WebP variants that exist and the original (core.variants)."""
    return variants.srcset(field_file, variants.STILL_WIDTHS)


@register.filter
def avatar_srcset(field_file) -> str:
    return variants.srcset(field_file, variants.AVATAR_WIDTHS)
