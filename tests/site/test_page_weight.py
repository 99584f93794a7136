import gzip
from html.parser import HTMLParser

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

PAGES = ["/", "/facts/", "/facts/palme-dor-winner/", "/faq/", "/screenings/", "/discussion/", "/accounts/login/"]


class Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.files, self.images = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.files.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.files.append(attrs["src"])
        elif tag == "img":
            self.images.append(attrs)


def assets_of(client, path) -> Assets:
    assets = Assets()
    assets.feed(client.get(path).content.decode())
    return assets


def compressed_size(client, url: str) -> int:
    response = client.get(url)
    assert response.status_code == 200, url
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return len(gzip.compress(body))


@pytest.mark.parametrize("path", PAGES)
def test_a_page_with_its_css_and_js_arrives_in_the_first_round_trip(path, fact, screening):
    """A new connection's first round trip brings 10 segments of 1460 bytes, about 14 KB with the headers:
    a page within it paints one round trip sooner on a slow phone. The budget is 25 KB (`make lighthouse`)."""
    client = Client()
    total = compressed_size(client, path) + sum(compressed_size(client, url) for url in assets_of(client, path).files)
    assert 0 < total < 13_500, f"{path}: {total} bytes"


@pytest.mark.parametrize("path", PAGES)
def test_images_have_dimensions_and_below_the_fold_ones_load_lazily(path, fact, screening):
    for image in assets_of(Client(), path).images:
        assert image.get("width") and image.get("height"), image
        assert image.get("loading") == "lazy", image  # the layout's mark is drawn in the page (base.html)


def test_static_files_get_a_brotli_copy_beside_the_gzip_one():
    from whitenoise.compress import Compressor

    assert Compressor(quiet=True).use_brotli  # the Brotli package is installed (requirements.in)


def test_the_home_page_draws_its_hero_in_the_page_with_a_name_for_screen_readers(client, fact):
    html = Client().get("/").content.decode()
    assert '<svg class="hero-art"' in html and 'aria-labelledby="cranes-title"' in html
    assert html.count('<path id="crane"') == 1  # one crane drawn, five <use>d: no repeated shapes in the page
