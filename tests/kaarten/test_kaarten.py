"""The maps of the vision: every legend item of the seed is a layer with a feature, the GeoJSON
is RFC 7946 and lies within Assen, and the maps stand on the pages they belong to."""

import json
import re
from collections import Counter

import pytest
from django.conf import settings
from django.contrib.gis.geos import GEOSGeometry, Point
from django.utils.html import escape
from wagtail.models import Page

from kaarten.maps import OBJECTEN_IN_TEKST, objecten_in
from kaarten.models import Gebied, Kaart, Kaartlaag, Kaartobject, Locatie
from tests.factories import KaartlaagFactory, KaartobjectFactory
from visie.models import FocusgebiedPage, PrincipePage, SpoorPage, ThemaPage

pytestmark = [pytest.mark.django_db, pytest.mark.echte_inhoud]

# The seed's legends that belong to the maps (the other legend blocks are a chart of the
# population, the 2000-2020 biography map and the status key of chapter 4).
MAP_TITLES = {
    "Visie Groene Stad van het Noorden",
    "Visie Dynamische hoofdstad",
    "Visie De verbonden Stad",
    "Visiekaart Assen 2040",
    "Ruimtelijke schets Groene stad van het Noorden",
    "Ruimtelijke schets Dynamische stad",
    "Ruimtelijke schets De verbonden stad",
    "",  # the mobility barriers of 2.10, printed without a title
    "Visiekaart 2040 met straatnamen",
    "Een stad met regionale reikwijdte",
}


def seed_legends() -> dict[str, set[str]]:
    """The legend items of every page of the vision, by the map title printed above them."""
    legends: dict[str, set[str]] = {}
    for page in Page.objects.live().specific():
        for stream in getattr(page, "text_streams", []):
            for block in stream:
                if block.block_type == "legend" and block.value["title"] in MAP_TITLES:
                    legends.setdefault(block.value["title"], set()).update(block.value["items"])
    return legends


def test_every_legend_item_of_the_seed_is_a_layer_with_a_feature():
    legends = seed_legends()
    assert set(legends) == MAP_TITLES
    for title, items in legends.items():
        kaart = Kaart.objects.get(titel=title or "Barrières in de stad")
        assert {laag.label for laag in kaart.lagen.all()} == items, title
    assert not Kaartlaag.objects.filter(objecten__isnull=True).exists()


def test_drawn_features_say_they_are_indicative_and_where_from():
    for locatie in Locatie.objects.filter(gebieden__isnull=True):
        assert locatie.indicatief and locatie.herkomst.startswith("Indicatief"), locatie.naam


def test_each_place_is_drawn_once():
    """No two Locaties with the same name and geometry, and none with the same geometry at all:
    the A28 or the Asserbos is one place, whatever maps show it."""
    locaties = list(Locatie.objects.all())
    geometries = [bytes(locatie.geometrie.wkb) for locatie in locaties]
    assert len(set(geometries)) == len(geometries)
    asserbos = Locatie.objects.get(naam="Asserbos")
    assert asserbos.kaartobjecten.values("laag__kaart").distinct().count() >= 4


def geojson(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    assert f"max-age={settings.PAGE_CACHE_MAX_AGE}" in response["Cache-Control"]
    assert response["ETag"]
    return json.loads(response.content)


def positions(coordinates):
    if isinstance(coordinates[0], (int, float)):
        yield coordinates
    else:
        for part in coordinates:
            yield from positions(part)


def ring_area(ring) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False))


def test_geojson_downloads_are_rfc_7946_within_assen(client):
    # Within the municipality, give or take the coarseness of its CBS outline.
    assen = Gebied.objects.get(soort="gemeente").geometrie.buffer(250)
    assen.transform(settings.API_SRID)
    for kaart in Kaart.objects.all():
        data = geojson(client, f"/kaarten/{kaart.slug}/geojson/")
        assert data["type"] == "FeatureCollection" and "crs" not in data
        assert len(data["features"]) == Kaartobject.objects.filter(laag__kaart=kaart).count()
        for feature in data["features"]:
            assert feature["type"] == "Feature"
            assert {"laag", "naam", "url"} <= set(feature["properties"])
            geometry = feature["geometry"]
            for lon, lat in positions(geometry["coordinates"]):
                assert assen.contains(Point(lon, lat, srid=4326)), feature["properties"]
            polygons = {
                "Polygon": [geometry["coordinates"]],
                "MultiPolygon": geometry["coordinates"],
            }
            for polygon in polygons.get(geometry["type"], []):
                assert ring_area(polygon[0]) > 0  # exterior counterclockwise (RFC 7946 3.1.6)
                assert all(ring_area(hole) < 0 for hole in polygon[1:])


def test_geojson_filters_by_bbox_and_refuses_a_bad_one(client):
    url = "/kaarten/visiekaart-assen-2040/geojson/"
    everything = geojson(client, url)["features"]
    centre = geojson(client, url, bbox="6.555,52.99,6.57,53.0")["features"]
    assert 0 < len(centre) < len(everything)
    for bad in ["6.5,52.9", "a,b,c,d", "6.6,52.9,6.5,53.0", "6,95,7,96"]:
        response = client.get(url, {"bbox": bad})
        assert response.status_code == 400
        assert "bbox" in json.loads(response.content)["fout"]


def test_geojson_answers_not_modified_to_its_etag(client):
    url = "/kaarten/barrieres-in-de-stad/geojson/"
    etag = client.get(url)["ETag"]
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304


def test_maps_stand_on_their_pages_with_a_text_equivalent(client):
    principe = PrincipePage.objects.get(nummer="1.2")
    html = client.get(principe.url).content.decode()
    assert 'data-geojson="/kaarten/visie-dynamische-hoofdstad/geojson/"' in html
    assert 'data-geojson="/kaarten/ruimtelijke-schets-dynamische-stad/geojson/"' in html
    assert "De kaart als tekst" in html

    spoor = SpoorPage.objects.get(nummer="3.2B")
    assert "/kaarten/ruimtelijke-schets-dynamische-stad/geojson/" in client.get(spoor.url).text
    thema = ThemaPage.objects.get(nummer="2.10")
    assert "/kaarten/barrieres-in-de-stad/geojson/" in client.get(thema.url).text

    focus = FocusgebiedPage.objects.get(slug="havenkwartier")
    html = client.get(focus.url).content.decode()
    assert "/kaarten/gebied/havenkwartier/geojson/" in html
    assert "Transformatie Havenkwartier" in html


def test_a_focus_areas_map_shows_each_feature_once_and_outlines_the_area(client):
    """The Visiekaart repeats the principles' maps and the map with street names repeats the
    Visiekaart; on the map of one area each of their features stands once."""
    focus = FocusgebiedPage.objects.select_related("gebied").get(slug="lariks")
    html = client.get(focus.url).content.decode()
    assert 'data-gebied="lariks"' in html
    assert "Grens van Lariks" in html
    legend = html.split('class="kaart__legenda"', 1)[1].split("</fieldset>", 1)[0]
    labels = re.findall(r'data-vorm="\w+"><svg .*?</svg>([^<]+)</label>', legend)
    in_area = objecten_in(focus.gebied).select_related("laag")
    repeated = Counter((o.laag.label, o.naam, o.locatie_id) for o in in_area)
    assert max(repeated.values()) > 1  # the maps do repeat each other here
    assert len(labels) == len(set(labels))
    assert 0 < len(labels) < Kaartlaag.objects.filter(objecten__in=in_area).distinct().count()
    text = html.split("De kaart als tekst", 1)[1].split('class="kaart__bron"', 1)[0]
    for naam in {o.naam for o in in_area}:
        assert escape(naam) in text


def test_the_text_equivalent_lists_every_feature_with_its_link(client):
    kaart = Kaart.objects.get(slug="ruimtelijke-schets-de-verbonden-stad")
    html = client.get(f"/kaarten/{kaart.slug}/").content.decode()
    text = html.split("De kaart als tekst", 1)[1].split('class="kaart__bron"', 1)[0]
    for kaartobject in Kaartobject.objects.filter(laag__kaart=kaart).select_related("pagina"):
        assert kaartobject.naam in text
        if kaartobject.pagina:
            assert kaartobject.pagina.url in text


def test_a_long_layer_lists_its_first_places_and_pages_through_the_rest(client):
    """A layer of 230 places (factory data): the map's text shows the first 25 and links to a
    list of all of them, 200 a page."""
    laag = KaartlaagFactory(label="Een lange laag")
    objecten = KaartobjectFactory.create_batch(230, laag=laag)
    url = f"/kaarten/{laag.kaart.slug}/"
    text = client.get(url).content.decode().split("De kaart als tekst", 1)[1]
    assert text.count('class="herkomst"') == OBJECTEN_IN_TEKST
    assert f"?laag={laag.pk}#alle-plekken" in text and "Alle 230 plekken van deze laag" in text

    first = client.get(url, {"laag": laag.pk}).content.decode().split('id="alle-plekken"')[1]
    assert "230 plekken; hieronder 1 tot en met 200" in first
    assert escape(objecten[199].naam) in first and escape(objecten[200].naam) not in first
    second = client.get(url, {"laag": laag.pk, "pagina": 2}).content.decode()
    assert escape(objecten[229].naam) in second.split('id="alle-plekken"')[1]
    assert client.get(url, {"laag": "geen"}).status_code == 404


def test_overview_lists_every_map(client):
    html = client.get("/kaarten/").content.decode()
    for kaart in Kaart.objects.all():
        assert f'href="/kaarten/{kaart.slug}/"' in html


def test_the_wijken_and_focus_areas_are_served_for_the_maps_base(client):
    data = geojson(client, "/kaarten/gebieden/geojson/")
    soorten = [feature["properties"]["soort"] for feature in data["features"]]
    assert soorten.count("wijk") == 10 and soorten.count("focusgebied") == 6


def test_a_place_drawn_in_several_parts_is_served_as_a_geometry_collection(client):
    """The CMS lets an editor draw a place in parts of different kinds; the map still serves it."""
    locatie = Locatie.objects.get(slug="tt-circuit-assen")
    locatie.geometrie = GEOSGeometry(
        "GEOMETRYCOLLECTION (POINT (231383 553344), LINESTRING (231300 553300, 231500 553400))",
        srid=28992,
    )
    locatie.save()
    kaart = locatie.kaartobjecten.first().laag.kaart
    collection = geojson(client, f"/kaarten/{kaart.slug}/geojson/")
    served = next(
        f["geometry"] for f in collection["features"] if f["properties"]["locatie"] == locatie.slug
    )
    assert served["type"] == "GeometryCollection"
    assert [part["type"] for part in served["geometries"]] == ["Point", "LineString"]
    assert served["geometries"][0]["coordinates"][0] == pytest.approx(6.53, abs=0.05)
    assert client.get(f"/kaarten/{kaart.slug}/").status_code == 200
