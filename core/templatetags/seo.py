import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# As in Django's json_script: nothing in the data can close the script element or start markup.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def ld_json(data) -> str:
    """Structured data for search engines, as a non-executable <script type="application/ld+json">."""
    if not data:
        return ""
    encoded = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_ESCAPES)
    # Safe: with <, > and & escaped the JSON cannot end the element or start markup (a test tries).
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(encoded))  # noqa: S308  # nosec B308 B703
