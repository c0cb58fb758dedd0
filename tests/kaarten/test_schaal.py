"""Wat speelt er hier? stays small however much an area holds: its places 50 a page with a
pager that keeps the question, its opgaven the first 25 with a count and a link to the rest."""

import re
from html import unescape

import pytest
from django.conf import settings
from django.contrib.gis.geos import Point, Polygon

from kaarten.hier import PLEKKEN_PER_PAGINA
from opgaven.models import OpgaveGebied, OpgavePage
from opgaven.wagtail_hooks import OPGAVEN_OP_PAGINA
from tests.factories import GebiedFactory, KaartlaagFactory, KaartobjectFactory, LocatieFactory

pytestmark = [pytest.mark.django_db, pytest.mark.echte_inhoud]

# Far from Assen's own places, so only what a test draws lies here.
X, Y = 200_000, 500_000


@pytest.fixture
def plek():
    outline = Polygon.from_bbox((X, Y, X + 2000, Y + 2000))
    outline.srid = settings.SRID
    return GebiedFactory(naam="Grote plek", locatie=LocatieFactory(geometrie=outline))


def listed_places(html: str) -> list[str]:
    places = html.split('id="plekken"', 1)[1].split("</ul>", 1)[0]
    return re.findall(r"<li><strong>([^<]+)</strong>", places)


def test_places_in_an_area_come_50_a_page_with_a_pager(client, plek):
    laag = KaartlaagFactory()
    for n in range(120):
        punt = Point(X + 10 + n * 15, Y + 1000, srid=settings.SRID)
        KaartobjectFactory(laag=laag, locatie=LocatieFactory(naam=f"Plek {n:03}", geometrie=punt))
    LocatieFactory(naam="Op geen kaart", geometrie=Point(X + 5, Y + 5, srid=settings.SRID))

    pages = []
    for number in (1, 2, 3):
        response = client.get("/hier/", {"gebied": plek.slug, "pagina": number})
        assert response.status_code == 200
        pages.append(response.content.decode())
    assert PLEKKEN_PER_PAGINA == 50
    assert [len(listed_places(html)) for html in pages] == [50, 50, 20]
    assert sum((listed_places(html) for html in pages), []) == [f"Plek {n:03}" for n in range(120)]
    assert "120 plekken; hieronder 51 tot en met 100." in pages[1]

    pager = unescape(pages[1].split('<nav class="pager" aria-label="Pagina\'s met plekken">')[1])
    assert f'href="?gebied={plek.slug}&pagina=1#plekken" rel="prev">Vorige plekken' in pager
    assert f'href="?gebied={plek.slug}&pagina=3#plekken" rel="next">Volgende plekken' in pager
    assert "Pagina 2 van 3" in pager
    assert 'rel="next"' not in pages[2].split('id="plekken"')[1]


def test_a_short_list_of_places_has_no_pager(client, plek):
    KaartobjectFactory(
        locatie=LocatieFactory(geometrie=Point(X + 10, Y + 10, srid=settings.SRID)),
    )
    html = client.get("/hier/", {"gebied": plek.slug}).content.decode()
    assert len(listed_places(html)) == 1
    assert 'class="pager"' not in html


def test_the_opgaven_of_an_area_show_the_first_25_and_count_the_rest(client, plek):
    opgaven = list(OpgavePage.objects.live().order_by("path")[:40])
    for opgave in opgaven:
        OpgaveGebied.objects.create(opgave=opgave, gebied=plek)
    html = client.get("/hier/", {"gebied": plek.slug}).content.decode()
    here = html.split("Opgaven voor deze plek", 1)[1].split("<h3", 1)[0]
    assert OPGAVEN_OP_PAGINA == 25
    assert here.count("<li>") == 25
    assert "De eerste 25 van 40 opgaven." in here
    assert f"?gebied={plek.slug}" in unescape(here)  # the register lists all of them
    for opgave in opgaven[:25]:
        assert f'href="{opgave.url}"' in here
    assert f'href="{opgaven[25].url}"' not in here


def test_the_map_as_text_is_rendered_once_per_content_generation(client, django_assert_num_queries):
    laag = KaartlaagFactory(label="Een laag")
    KaartobjectFactory.create_batch(30, laag=laag)
    url = f"/kaarten/{laag.kaart.slug}/"
    first = client.get(url).content.decode()
    assert "Alle 30 plekken van deze laag" in first
    with django_assert_num_queries(3):  # the map, its layers and pages: no entries
        assert client.get(url).content.decode() == first
    eerste = laag.objecten.order_by("sort_order", "pk").first()
    eerste.naam = "Een nieuwe naam"
    eerste.save()  # a new content generation
    text = client.get(url).content.decode().split("De kaart als tekst", 1)[1]
    assert "Een nieuwe naam" in text
