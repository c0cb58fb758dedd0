"""Public pages and GeoJSON from the shared cache: validators, compression, purging on publish,
and never for logged-in users."""

import gzip

import brotli
import pytest
from django.core.cache import cache
from django.urls import reverse

from assen import generation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def chapter_url(kleine_visie) -> str:
    return kleine_visie.themas[0].get_parent().url


def test_a_page_is_served_from_the_cache_with_validators_and_revalidated(client, chapter_url):
    url = chapter_url
    first = client.get(url)
    assert first.status_code == 200
    assert first["X-Cache"] == "MISS"
    assert first["ETag"].startswith('W/"')
    assert "public" in first["Cache-Control"] and "max-age=60" in first["Cache-Control"]
    assert not first.cookies

    second = client.get(url)
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]

    revalidated = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert revalidated.status_code == 304
    assert revalidated.content == b""
    assert revalidated["ETag"] == first["ETag"]
    # A strong copy of the tag, as some proxies send it back, matches as well.
    strong = first["ETag"].removeprefix("W/")
    assert client.get(url, headers={"If-None-Match": strong}).status_code == 304
    assert client.get(url, headers={"If-None-Match": '"anders"'}).status_code == 200


def test_html_and_geojson_are_compressed_for_clients_that_accept_it(client, kleine_visie):
    url = kleine_visie.themas[0].get_parent().url
    plain = client.get(url).content
    zipped = client.get(url, headers={"Accept-Encoding": "gzip, deflate"})
    assert zipped["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped["Vary"]
    assert gzip.decompress(zipped.content) == plain
    squeezed = client.get(url, headers={"Accept-Encoding": "gzip, br"})
    assert squeezed["Content-Encoding"] == "br"
    assert brotli.decompress(squeezed.content) == plain
    refused = client.get(url, headers={"Accept-Encoding": "br;q=0, gzip;q=0"})
    assert not refused.has_header("Content-Encoding")

    geojson_url = reverse("kaarten:geojson", args=[kleine_visie.kaart.slug])
    plain = client.get(geojson_url).content
    zipped = client.get(geojson_url, headers={"Accept-Encoding": "gzip"})
    assert zipped["Content-Type"] == "application/geo+json"
    assert zipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.content) == plain


def test_publishing_a_page_purges_every_page_that_shows_it(client, kleine_visie):
    thema = kleine_visie.themas[0]
    chapter_url = thema.get_parent().url
    assert "Nieuwe titel" not in client.get(chapter_url).content.decode()
    assert client.get(chapter_url)["X-Cache"] == "HIT"

    thema.title = "Nieuwe titel van het thema"
    thema.save_revision().publish()

    response = client.get(chapter_url)
    assert response["X-Cache"] == "MISS"
    assert "Nieuwe titel van het thema" in response.content.decode()
    assert "Nieuwe titel van het thema" in client.get(reverse("leesversie")).content.decode()


def test_unpublishing_and_deleting_a_page_purge_the_navigation(client, kleine_visie):
    thema = kleine_visie.themas[0]
    chapter_url = thema.get_parent().url
    assert thema.title in client.get(chapter_url).content.decode()
    thema.unpublish()
    assert thema.url not in client.get(chapter_url).content.decode()
    thema.delete()
    assert client.get(reverse("leesversie")).status_code == 200


def test_publishing_an_opgave_purges_the_register(client, kleine_visie):
    opgave = kleine_visie.opgaven[0]
    register_url = opgave.get_parent().url
    assert client.get(register_url).status_code == 200
    assert client.get(register_url)["X-Cache"] == "HIT"

    opgave.title = "Een gewijzigde opgave"
    opgave.save_revision().publish()

    response = client.get(register_url)
    assert response["X-Cache"] == "MISS"
    assert "Een gewijzigde opgave" in response.content.decode()


def test_publishing_a_map_layer_purges_its_geojson_and_map_page(client, kleine_visie):
    laag = kleine_visie.kaart.lagen.get()
    geojson_url = reverse("kaarten:geojson", args=[laag.kaart.slug])
    page_url = reverse("kaarten:kaart", args=[laag.kaart.slug])
    for url in (geojson_url, page_url):
        client.get(url)
        assert client.get(url)["X-Cache"] == "HIT"

    laag.label = "Gewijzigde legenda"
    laag.save_revision().publish()

    geojson = client.get(geojson_url)
    assert geojson["X-Cache"] == "MISS"
    assert "Gewijzigde legenda" in {f["properties"]["laag"] for f in geojson.json()["features"]}
    assert "Gewijzigde legenda" in client.get(page_url).content.decode()


def test_logged_in_users_never_get_or_leave_a_cached_page(client, admin_client, chapter_url):
    url = chapter_url
    client.get(url)
    assert client.get(url)["X-Cache"] == "HIT"

    own = admin_client.get(url)
    assert own.status_code == 200
    assert not own.has_header("X-Cache")
    assert "private" in own["Cache-Control"]

    other = reverse("leesversie")
    admin_client.get(other)
    assert client.get(other)["X-Cache"] == "MISS"  # the editor's page was not stored


def test_the_cms_and_pages_with_a_csrf_token_are_not_cached(client):
    login = client.get("/cms/login/")
    assert login.status_code == 200
    assert not login.has_header("X-Cache")
    assert not login.has_header("Content-Encoding")


def test_an_answer_that_sets_a_cookie_is_not_cached(client, settings):
    settings.PAGE_CACHE_EXCLUDED_PATHS = ()  # the CMS login page, which sets the CSRF cookie
    login = client.get("/cms/login/", headers={"Accept-Encoding": "gzip"})
    assert login.cookies
    assert not login.has_header("X-Cache")
    assert not login.has_header("Content-Encoding")


def test_a_transaction_changes_the_generation_once_unless_this_process_read_it_between(
    kleine_visie,
):
    """A loader storing many rows in one transaction purges once, not once per row; a change
    after this process served something from the new generation purges again."""
    thema = kleine_visie.themas[0]
    before = generation.current()
    thema.save()
    changed = cache.get(generation.KEY)
    assert changed != before
    for _ in range(3):
        thema.save()
    assert cache.get(generation.KEY) == changed
    assert generation.current() == changed  # something is served from it
    thema.save()
    assert cache.get(generation.KEY) != changed
