"""The spatial index at work: SpatiaLite's R*Tree exists after migrating and is kept up to date,
bbox queries through it return exactly the features in the box, and which place lies in which
area is computed in the database by the rules of kaarten.ligging."""

import pytest
from django.conf import settings
from django.contrib.gis.geos import LineString, Point, Polygon
from django.db import connection

from kaarten.ligging import gebieden_in, gebieden_om, gebieden_op, ligging, locaties_in
from kaarten.models import Gebied, Locatie
from kaarten.ruimtelijk import in_kader
from tests.factories import GebiedFactory, KaartlaagFactory, KaartobjectFactory, LocatieFactory

pytestmark = pytest.mark.django_db

# Far from Assen's own places, so only what a test draws lies here.
X, Y = 200_000, 500_000


def square(x: float, y: float, side: float) -> Polygon:
    polygon = Polygon.from_bbox((x, y, x + side, y + side))
    polygon.srid = settings.SRID
    return polygon


def gebied(x, y, side) -> Gebied:
    return GebiedFactory(locatie=LocatieFactory(geometrie=square(x, y, side)))


@pytest.mark.skipif(connection.vendor != "sqlite", reason="PostGIS has its GiST index")
def test_spatialite_has_a_spatial_index_on_the_places_that_follows_new_rows():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT spatial_index_enabled FROM geometry_columns "
            "WHERE f_table_name = 'kaarten_locatie' AND f_geometry_column = 'geometrie'"
        )
        assert cursor.fetchone() == (1,)
        cursor.execute("SELECT CheckSpatialIndex('kaarten_locatie', 'geometrie')")
        assert cursor.fetchone() == (1,)
        locatie = LocatieFactory(geometrie=Point(X, Y, srid=settings.SRID))
        cursor.execute(
            "SELECT ROWID FROM SpatialIndex WHERE f_table_name = 'kaarten_locatie' "
            "AND f_geometry_column = 'geometrie' AND search_frame = BuildMbr(%s, %s, %s, %s)",
            [X - 1, Y - 1, X + 1, Y + 1],
        )
        assert cursor.fetchall() == [(locatie.pk,)]


@pytest.mark.skipif(connection.vendor == "sqlite", reason="SpatiaLite: see above")
def test_postgis_has_a_gist_index_on_the_places():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'kaarten_locatie' "
            "AND indexdef LIKE '%%USING gist%%'"
        )
        assert cursor.fetchall()


def test_in_kader_takes_the_boxes_that_overlap_widened_by_the_margin():
    inside = LocatieFactory(geometrie=Point(X + 10, Y + 10, srid=settings.SRID))
    near = LocatieFactory(geometrie=Point(X + 150, Y + 10, srid=settings.SRID))
    LocatieFactory(geometrie=Point(X + 400, Y + 10, srid=settings.SRID))
    box = square(X, Y, 100)
    assert set(Locatie.objects.filter(in_kader(box))) == {inside}
    assert set(Locatie.objects.filter(in_kader(box, marge=60))) == {inside, near}


def wgs84_bbox(polygon: Polygon) -> str:
    return ",".join(f"{v:.7f}" for v in polygon.transform(settings.API_SRID, clone=True).extent)


def test_a_bbox_query_returns_exactly_the_features_in_the_box(client):
    laag = KaartlaagFactory()
    in_box = [
        KaartobjectFactory(laag=laag, locatie=LocatieFactory(geometrie=square(X + i * 30, Y, 20)))
        for i in range(3)
    ]
    for i in range(3):  # beside the box
        KaartobjectFactory(
            laag=laag, locatie=LocatieFactory(geometrie=square(X + 300 + i * 30, Y, 20))
        )
    # A line whose box overlaps the box's corner while the line itself passes it by.
    langs = LineString((X + 80, Y + 300), (X + 400, Y - 20), srid=settings.SRID)
    KaartobjectFactory(laag=laag, locatie=LocatieFactory(geometrie=langs))
    box = square(X - 5, Y - 5, 100)
    response = client.get(f"/kaarten/{laag.kaart.slug}/geojson/", {"bbox": wgs84_bbox(box)})
    assert response.status_code == 200
    assert {f["id"] for f in response.json()["features"]} == {o.pk for o in in_box}


def test_areas_lie_in_an_area_when_half_of_them_does():
    a = gebied(X, Y, 1000)
    more_than_half = gebied(X + 400, Y, 1000)  # 60 % inside
    less_than_half = gebied(X + 700, Y, 1000)  # 30 % inside
    inner = gebied(X + 100, Y + 100, 100)
    assert ligging()[a.pk][0] == a.pk
    assert set(ligging()[a.pk]) == {a.pk, more_than_half.pk, inner.pk}
    assert less_than_half.pk not in ligging()[a.pk]
    assert [g.pk for g in gebieden_in(a)][0] == a.pk
    assert {g.pk for g in gebieden_in(a)} == {a.pk, more_than_half.pk, inner.pk}
    assert {g.pk for g in gebieden_om(inner)} == {a.pk}


def test_places_lie_in_an_area_by_half_their_area_or_length_or_by_holding_a_point(
    django_assert_num_queries,
):
    a = gebied(X, Y, 1000)
    rd = settings.SRID
    mostly = LocatieFactory(geometrie=square(X + 900, Y, 150))  # 2/3 of its area inside
    LocatieFactory(geometrie=square(X + 960, Y, 150))  # 1/4 inside
    line_in = LocatieFactory(geometrie=LineString((X + 800, Y + 5), (X + 1100, Y + 5), srid=rd))
    LocatieFactory(geometrie=LineString((X + 950, Y + 5), (X + 1250, Y + 5), srid=rd))
    point_in = LocatieFactory(geometrie=Point(X + 999, Y + 999, srid=rd))
    LocatieFactory(geometrie=Point(X + 1001, Y + 500, srid=rd))
    LocatieFactory(geometrie=Point(X + 500, Y + 500, srid=rd), live=False)
    expected = {a.locatie_id, mostly.pk, line_in.pk, point_in.pk}
    assert set(locaties_in(a)) == expected
    with django_assert_num_queries(0):  # kept for the content generation
        assert set(locaties_in(a)) == expected
    LocatieFactory(geometrie=Point(X + 10, Y + 10, srid=rd))  # a new generation sees the new place
    assert len(locaties_in(a)) == len(expected) + 1


def test_a_point_finds_the_areas_holding_it():
    a = gebied(X, Y, 1000)
    inner = gebied(X + 100, Y + 100, 100)
    gebied(X + 2000, Y, 100)
    assert {g.pk for g in gebieden_op(Point(X + 150, Y + 150, srid=settings.SRID))} == {
        a.pk,
        inner.pk,
    }
