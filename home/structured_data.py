"""The home page as schema.org JSON-LD: the film itself."""

from django.conf import settings
from django.templatetags.static import static

from core import film
from core.links import absolute_url


def person(name: str) -> dict:
    return {"@type": "Person", "name": name}


def movie() -> dict:
    return {
        "@context": "https://schema.org",
        **film.as_work(),
        "alternateName": film.ORIGINAL_TITLE,
        "duration": f"PT{film.RUNTIME_MINUTES}M",
        "director": person(film.DIRECTOR),
        "author": person(film.WRITER),
        "musicBy": person(film.COMPOSER),
        "actor": [person(actor) for _, actor in film.LEADS],
        "productionCompany": {"@type": "Organization", "name": film.STUDIO},
        "countryOfOrigin": {"@type": "Country", "name": film.COUNTRY},
        "award": film.AWARD,
        "image": absolute_url(static(settings.LAYOUT_ASSETS["og_image"])),
    }
