"""Every kind of public page answers in at most 12 SQL queries (issue 11's target), and as many
at ten times the data as at twice: a small vision of factory data grown 2x and 10x. `make bench`
prints the counts on the real content at 1x, 10x and 100x."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.factories import KleineVisie, groei_visie

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12


def public_urls(visie: KleineVisie) -> list[str]:
    register, kaart = visie.register.url, visie.kaart.slug
    principe = visie.principes[1].nummer
    return [
        "/",
        visie.themas[0].get_parent().url,
        visie.focusgebied.get_parent().url,
        visie.principes[0].url,
        visie.sporen[0].url,
        visie.themas[0].url,
        visie.focusgebied.url,
        visie.uitwerking.url,
        visie.opgaven[0].url,
        register,
        f"{register}?principe={principe}&thema={visie.themas[2].nummer}",
        f"{register}matrix/",
        f"{register}matrix/?gebied={visie.focusgebied.gebied.slug}&principe={principe}",
        f"{register}dekking/",
        f"{register}export/csv/",
        f"{register}export/csv/?thema={visie.themas[1].nummer}",
        f"{register}export/xlsx/",
        "/kaarten/",
        f"/kaarten/{kaart}/",
        f"/kaarten/{kaart}/geojson/",
        f"/hier/?gebied={visie.wijk.slug}",
        "/zoeken/?q=testopgave",
        "/leesversie/",
        "/herzieningen/",
        f"/herzieningen/{visie.herziening.slug}/",
    ]


def queries(client, url: str) -> list[str]:
    client.get(url)  # the shared cache holds the outline and site, as on any served page
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return [query["sql"] for query in captured]


def test_every_public_page_answers_in_the_same_few_queries_at_2x_and_10x(client, kleine_visie):
    counts = {}
    for start, factor in [(1, 2), (2, 10)]:
        groei_visie(kleine_visie, factor, start)
        counts[factor] = {url: queries(client, url) for url in public_urls(kleine_visie)}
    for url, sql in counts[10].items():
        assert len(sql) == len(counts[2][url]), (url, sql)
        assert len(sql) <= MAX_QUERIES, (url, sql)


def test_a_private_section_stays_private_when_routed_in_one_query(client, kleine_visie):
    """The page's restrictions are read with its ancestors' in one query: a restriction on
    the register covers the opgaven below it, as Wagtail's own check does."""
    register, opgave = kleine_visie.register, kleine_visie.opgaven[0]
    assert client.get(opgave.url).status_code == 200
    PageViewRestriction.objects.create(page=register, restriction_type="login")
    response = client.get(opgave.url)
    assert response.status_code == 302 and "login" in response["Location"]
    assert client.get(f"{register.url}matrix/").status_code == 302
