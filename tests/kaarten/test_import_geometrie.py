"""An import never stores a geometry the site cannot store or draw: none, an empty one, one of a
kind the layer does not draw, one of more vertices than GEODATA_MAX_VERTICES, one the database
drops. Each is refused by name, the database stays as it was and the public pages that read
the geometries answer 200. The bulk path stores what one-by-one saving stored: a draft, a
revision and a log entry per place, searchable, and updated by a second import."""

import json
import math
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.gis.geos import Point
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.models import ModelLogEntry, ReferenceIndex
from wagtail.search.backends import get_search_backend

from kaarten.importer import _Store
from kaarten.models import Gebied, Kaartlaag, Kaartobject, Locatie
from tests.factories import KaartlaagFactory
from visie.roles import GIS_BEHEERDERS

from .test_import import state
from .test_import_cms import URL, login, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rollen")]
CENTRE = (233000, 557000)  # RD New, in Assen
RD = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}}


def square(x: float, y: float, side: float = 100) -> dict:
    ring = [[x, y], [x + side, y], [x + side, y + side], [x, y + side], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


def circle(vertices: int, radius: float = 400) -> dict:
    """A polygon of `vertices` corners around the centre, the same at every run."""
    x, y = CENTRE
    ring = [
        [
            round(x + radius * math.cos(2 * math.pi * i / vertices), 3),
            round(y + radius * math.sin(2 * math.pi * i / vertices), 3),
        ]
        for i in range(vertices)
    ]
    return {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}


def geojson(tmp_path, *features: tuple[str, dict | None]) -> str:
    path = tmp_path / "import.geojson"
    collection = {
        "type": "FeatureCollection",
        "crs": RD,
        "features": [
            {"type": "Feature", "properties": {"naam": naam}, "geometry": geometry}
            for naam, geometry in features
        ],
    }
    path.write_text(json.dumps(collection))
    return str(path)


def run(path: str, **options) -> str:
    out = StringIO()
    call_command(
        "import_geodata", path, name_field="naam", stdout=out, stderr=StringIO(), **options
    )
    return out.getvalue()


@pytest.fixture(autouse=True)
def lagen(kleine_visie):
    """A layer of each kind on the small vision's map, which has one of areas."""
    for vorm in (Kaartlaag.Vorm.LIJN, Kaartlaag.Vorm.PUNT):
        KaartlaagFactory(kaart=kleine_visie.kaart, vorm=vorm)


def laag(vorm: str) -> Kaartlaag:
    return Kaartlaag.objects.filter(vorm=vorm, live=True, kaart__live=True).first()


def assert_public_pages_answer(client):
    """The pages that read the stored geometries: every map and its GeoJSON, the areas' GeoJSON
    and 'Wat speelt er hier?' at a point in Assen."""
    slugs = {laag(vorm).kaart.slug for vorm in Kaartlaag.Vorm.values}
    urls = [u for slug in slugs for u in (f"/kaarten/{slug}/", f"/kaarten/{slug}/geojson/")]
    urls += ["/kaarten/gebieden/geojson/", "/hier/?lat=52.9985&lon=6.5450"]
    for url in urls:
        assert client.get(url).status_code == 200, url


def grid(count: int, shift: float = 0) -> list[tuple[str, dict]]:
    """`count` squares 120 m apart, named Bulk 0, Bulk 1, ..."""
    return [
        (f"Bulk {n}", square(230000 + 120 * (n % 20) + shift, 555000 + 120 * (n // 20) + shift))
        for n in range(count)
    ]


LINE = {"type": "LineString", "coordinates": [[233000, 557000], [233500, 557500]]}
POINT = {"type": "Point", "coordinates": [233100, 557100]}


@pytest.mark.parametrize(
    "geometry, target, refusal",
    [
        (None, {"gebieden": "plek"}, "has no geometry"),
        (None, {"vorm": "punt"}, "has no geometry"),
        (
            {"type": "GeometryCollection", "geometries": []},
            {"vorm": "vlak"},
            "has an empty geometry",
        ),
        (
            {"type": "GeometryCollection", "geometries": [square(*CENTRE), LINE]},
            {"vorm": "lijn"},
            "a GeometryCollection cannot be drawn in a layer of lines",
        ),
        (
            {"type": "GeometryCollection", "geometries": [square(*CENTRE), POINT]},
            {"vorm": "vlak"},
            "a GeometryCollection cannot be drawn in a layer of areas",
        ),
        (
            {"type": "GeometryCollection", "geometries": [square(*CENTRE), POINT]},
            {"gebieden": "plek"},
            "a GeometryCollection cannot be drawn",
        ),
        (LINE, {"vorm": "punt"}, "a LineString cannot be drawn in a layer of points"),
        (square(*CENTRE), {"vorm": "lijn"}, "a Polygon cannot be drawn in a layer of lines"),
        (POINT, {"gebieden": "wijk"}, "a Point cannot be drawn"),
    ],
)
def test_an_unusable_geometry_is_refused_by_name(tmp_path, client, geometry, target, refusal):
    if "vorm" in target:
        target = {"laag": laag(target["vorm"]).pk}
    path = geojson(tmp_path, ("Goed", square(234000, 557000)), ("Kapot", geometry))
    before = state()
    with pytest.raises(CommandError, match=rf"feature 2 \(Kapot\): {refusal}"):
        run(path, **target)
    assert state() == before
    assert_public_pages_answer(client)


def test_a_collection_of_polygons_becomes_a_multipolygon_and_says_so(tmp_path, client):
    parts = {"type": "GeometryCollection", "geometries": [square(*CENTRE), square(233500, 557500)]}
    output = run(geojson(tmp_path, ("Twee vlakken", parts)), laag=laag("vlak").pk)
    assert "Converted feature 1 (Twee vlakken) (GeometryCollection → MultiPolygon)" in output
    assert "1 created, 0 updated, 1 converted" in output
    locatie = Locatie.objects.get(naam="Twee vlakken")
    assert locatie.geometrie.geom_type == "MultiPolygon" and len(locatie.geometrie) == 2
    locatie.latest_revision.publish()
    assert_public_pages_answer(client)


def test_heights_are_dropped(tmp_path, client):
    """A GIS may deliver heights (Z) or measures (M); the columns are two-dimensional."""
    hoog = {"type": "Point", "coordinates": [*CENTRE, 12.5]}
    run(geojson(tmp_path, ("Hoog", hoog)), laag=laag("punt").pk)
    geometrie = Locatie.objects.get(naam="Hoog").geometrie
    assert not geometrie.hasz and geometrie.coords == CENTRE


def test_a_polygon_of_too_many_vertices_is_refused_with_the_count(tmp_path, client, settings):
    before = state()
    with pytest.raises(
        CommandError,
        match=r"feature 1 \(Cirkel\): has 100,001 vertices, more than the 100,000 a feature",
    ):
        run(geojson(tmp_path, ("Cirkel", circle(100_000))), gebieden="plek")
    assert state() == before
    assert_public_pages_answer(client)


def test_a_polygon_at_the_limit_is_stored_and_read_back_whole(tmp_path, client, settings):
    settings.GEODATA_MAX_VERTICES = 100_001
    run(geojson(tmp_path, ("Cirkel", circle(100_000))), gebieden="plek")
    locatie = Locatie.objects.get(naam="Cirkel")
    assert locatie.geometrie.num_coords == 100_001
    locatie.latest_revision.publish()
    Gebied.objects.get(naam="Cirkel").latest_revision.publish()
    assert_public_pages_answer(client)


@pytest.mark.skipif(
    connection.vendor != "sqlite", reason="PostGIS stores it; SpatiaLite's WKT parser does not"
)
def test_a_geometry_the_database_drops_is_caught_and_nothing_is_stored(tmp_path, client, settings):
    """Above the limit, SpatiaLite's parser gives up on a polygon of 500,000 vertices and
    stores NULL, or nothing where the column says NOT NULL: the import says so and rolls back."""
    settings.GEODATA_MAX_VERTICES = 1_000_000
    before = state()
    with pytest.raises(
        CommandError,
        match=r"did not store feature 2 \(Reus\).*simplify it or split it up",
    ):
        run(
            geojson(tmp_path, ("Klein", square(234000, 557000)), ("Reus", circle(500_000))),
            gebieden="plek",
        )
    assert state() == before
    assert_public_pages_answer(client)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite cannot drop NOT NULL")
def test_a_geometry_stored_as_null_is_caught_and_nothing_is_stored(tmp_path, client, monkeypatch):
    """Where the column allows NULL (as one made by an older SpatiaLite may), a lost geometry
    is stored without an error: the read-back finds it. Simulated by losing it on purpose."""
    with connection.cursor() as cursor:  # undone with the test's transaction
        cursor.execute("ALTER TABLE kaarten_locatie ALTER COLUMN geometrie DROP NOT NULL")
    create = _Store._create

    def lose_one(store, locaties, of):
        create(store, locaties, of)
        Locatie.objects.filter(naam="Kwijt").update(geometrie=None)

    monkeypatch.setattr(_Store, "_create", lose_one)
    before = state()
    with pytest.raises(CommandError, match=r"did not store feature 2 \(Kwijt\) \(its geometry"):
        run(
            geojson(tmp_path, ("Goed", square(234000, 557000)), ("Kwijt", square(*CENTRE))),
            gebieden="plek",
        )
    assert state() == before
    assert_public_pages_answer(client)


def test_the_cms_names_the_refused_feature_in_dutch(client, tmp_path):
    gis = login(client, GIS_BEHEERDERS)
    parts = {"type": "GeometryCollection", "geometries": [square(*CENTRE), LINE]}
    content = Path(geojson(tmp_path, ("Gemengd", parts))).read_bytes()
    response = gis.post(
        URL,
        {
            "bestand": upload("gemengd.geojson", content),
            "doel": f"laag:{laag('lijn').pk}",
            "naamveld": "naam",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Niets geïmporteerd" in html
    assert (
        "object 1 (Gemengd): een GeometryCollection past niet in een laag van de vorm lijn" in html
    )


def test_hundreds_of_features_are_stored_in_bulk_as_drafts_with_revisions(tmp_path):
    """The bulk path keeps what each save did: a draft with its revision, a log entry, a free
    slug, the search index; a second import updates the same places."""
    Locatie.objects.create(
        naam="Bulk 1", slug="bulk-1", geometrie=Point(*CENTRE, srid=28992), herkomst="x"
    )
    path = geojson(tmp_path, *grid(300))
    logs = ModelLogEntry.objects.count()
    assert "300 created, 0 updated" in run(path, gebieden="plek")
    gebieden = Gebied.objects.filter(naam__startswith="Bulk ").select_related("locatie")
    assert gebieden.count() == 300
    for gebied in gebieden:
        assert not gebied.live and gebied.has_unpublished_changes
        assert not gebied.locatie.live and gebied.locatie.geometrie.geom_type == "MultiPolygon"
        assert gebied.latest_revision.as_object().locatie_id == gebied.locatie_id
        draft = gebied.locatie.latest_revision.as_object()
        assert draft.geometrie.equals(gebied.locatie.geometrie)
    assert Locatie.objects.get(naam="Bulk 1", live=False).slug == "bulk-1-2"  # taken
    # The CMS knows which area uses which place.
    used_by = ReferenceIndex.get_references_to(gebied.locatie).values_list("object_id", flat=True)
    assert list(used_by) == [str(gebied.pk)]
    assert ModelLogEntry.objects.count() == logs + 600  # a Locatie and a Gebied each
    search = get_search_backend()
    assert len(search.search("Bulk", Gebied)) == 300
    assert len(search.search("Bulk", Locatie)) == 301

    revisions = {g.locatie_id: g.locatie.latest_revision_id for g in gebieden}
    assert "0 created, 300 updated" in run(geojson(tmp_path, *grid(300, 10)), gebieden="plek")
    assert Gebied.objects.filter(naam__startswith="Bulk ").count() == 300
    for locatie in Locatie.objects.filter(pk__in=revisions):
        assert locatie.latest_revision_id != revisions[locatie.pk]
        assert (locatie.geometrie.extent[0] - 230000) % 120 == pytest.approx(10, abs=0.01)


def test_a_layer_import_in_bulk_makes_one_entry_per_name(tmp_path):
    punt = laag("punt")
    count = punt.objecten.count()
    features = [
        (f"Punt {n % 150}", {"type": "Point", "coordinates": [233000 + n, 557000]})
        for n in range(300)
    ]
    output = run(geojson(tmp_path, *features), laag=punt.pk)
    assert "150 created, 150 updated" in output  # the last of each name wins
    assert punt.objecten.count() == count + 150
    locatie = Kaartobject.objects.get(laag=punt, naam="Punt 7").locatie
    assert locatie.geometrie.x == 233157
    assert ReferenceIndex.get_references_to(locatie).filter(object_id=str(punt.pk)).exists()
