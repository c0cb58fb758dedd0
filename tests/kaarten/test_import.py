"""import_geodata: any source system into RD New, a missing system refused unless given, invalid
geometries repaired or refused by name, features outside the Netherlands refused, corrupt files
refused; after every failure the database is as it was. The files are in tests/data (made with
ogr2ogr from wijken_rd.geojson, two squares in Assen)."""

import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from kaarten.models import Gebied, Kaartobject, Locatie
from tests.factories import GebiedFactory, KaartlaagFactory

pytestmark = pytest.mark.django_db
DATA = Path(__file__).resolve().parent.parent / "data"


def run(*args, **options) -> str:
    out = StringIO()
    call_command("import_geodata", *args, stdout=out, stderr=StringIO(), **options)
    return out.getvalue()


def state():
    """Everything an import may touch, to compare before and after a failure."""
    return (
        sorted(Gebied.objects.values_list("slug", "naam", "cbs_code", "locatie_id")),
        sorted((loc.slug, loc.herkomst, loc.geometrie.wkt) for loc in Locatie.objects.all()),
        Kaartobject.objects.count(),
    )


def imported(naam: str) -> Gebied:
    return Gebied.objects.get(naam=naam, soort="plek")


@pytest.mark.parametrize(
    "filename, options",
    [
        ("wijken_rd.geojson", {}),
        ("wijken_wgs84.geojson", {}),
        ("wijken_rd.gml", {}),
        ("zonder_crs.shp", {"source_srid": 28992}),
    ],
)
def test_rd_and_wgs84_sources_end_up_in_rd_new(filename, options):
    output = run(str(DATA / filename), gebieden="plek", name_field="naam", **options)
    assert "2 created" in output
    noord = imported("Testwijk Noord")
    assert noord.geometrie.srid == 28992
    # The square's corners in RD New, to the metre whatever system the file used.
    x0, y0, x1, y1 = noord.geometrie.extent
    assert (x0, y0, x1, y1) == pytest.approx((233000, 557000, 234000, 558000), abs=1.5)
    assert not noord.indicatief and filename in noord.locatie.herkomst
    # Reviewed before it goes live: a draft area on a draft place.
    assert not noord.live and not noord.locatie.live


def test_a_new_geometry_for_a_published_area_is_a_revision_to_review(tmp_path):
    """Importing a wijk that exists leaves the published outline as it is until the new
    revision is published through the workflow."""
    wijk = GebiedFactory(soort=Gebied.Soort.WIJK, cbs_code="WK010601")
    before = wijk.geometrie.wkt
    source = (DATA / "wijken_rd.geojson").read_text().replace("WK999901", "WK010601")
    (tmp_path / "wijk.geojson").write_text(source)
    run(str(tmp_path / "wijk.geojson"), gebieden="wijk", name_field="naam", code_field="code")
    wijk.locatie.refresh_from_db()
    assert wijk.locatie.live and wijk.locatie.geometrie.wkt == before
    assert wijk.locatie.has_unpublished_changes
    draft = wijk.locatie.latest_revision.as_object()
    assert draft.geometrie.extent == pytest.approx((233000, 557000, 234000, 558000), abs=1.5)
    wijk.locatie.latest_revision.publish()
    wijk.locatie.refresh_from_db()
    assert wijk.locatie.geometrie.wkt != before


def test_a_geopackage_is_read_too(tmp_path):
    target = tmp_path / "wijken.gpkg"
    subprocess.run(
        ["/usr/bin/ogr2ogr", "-f", "GPKG", str(target), str(DATA / "wijken_rd.geojson")], check=True
    )
    assert "2 created" in run(str(target), gebieden="plek", name_field="naam")


def test_importing_again_updates_instead_of_duplicating():
    run(str(DATA / "wijken_rd.geojson"), gebieden="wijk", name_field="naam", code_field="code")
    count = Gebied.objects.count()
    output = run(
        str(DATA / "wijken_wgs84.geojson"), gebieden="wijk", name_field="naam", code_field="code"
    )
    assert "0 created, 2 updated" in output
    assert Gebied.objects.count() == count
    assert Gebied.objects.get(cbs_code="WK999901").slug == "wijk-testwijk-noord"


def test_a_file_without_crs_is_refused_unless_given():
    before = state()
    with pytest.raises(CommandError, match="no coordinate reference system.*--source-srid"):
        run(str(DATA / "zonder_crs.shp"), gebieden="plek", name_field="naam")
    assert state() == before


def test_an_invalid_polygon_is_repaired_and_said_so():
    output = run(str(DATA / "ongeldig_rd.geojson"), gebieden="plek", name_field="naam")
    assert "Repaired feature 1 (Vlinder)" in output and "1 repaired" in output
    assert imported("Vlinder").geometrie.valid


def test_an_unrepairable_polygon_is_refused_by_name_and_nothing_is_stored():
    before = state()
    with pytest.raises(CommandError, match=r"feature 2 \(Streep\): invalid geometry"):
        run(str(DATA / "onherstelbaar_rd.geojson"), gebieden="plek", name_field="naam")
    assert state() == before
    assert not Gebied.objects.filter(naam="Goed").exists()


def test_a_feature_outside_the_netherlands_is_refused_and_nothing_is_stored():
    before = state()
    with pytest.raises(CommandError, match=r"feature 2 \(Parijs\): lies outside the Netherlands"):
        run(str(DATA / "buiten_nederland.geojson"), gebieden="plek", name_field="naam")
    assert state() == before


def test_a_corrupt_file_is_refused_and_nothing_is_stored():
    before = state()
    with pytest.raises(CommandError, match="Cannot read"):
        run(str(DATA / "kapot.geojson"), gebieden="plek", name_field="naam")
    assert state() == before


def test_a_dry_run_checks_but_stores_nothing():
    before = state()
    output = run(str(DATA / "wijken_rd.geojson"), gebieden="plek", name_field="naam", dry_run=True)
    assert "Dry run, nothing stored: 2 created" in output
    assert state() == before


def test_features_go_into_a_map_layer():
    laag = KaartlaagFactory()
    count = laag.objecten.count()
    run(str(DATA / "wijken_wgs84.geojson"), laag=laag.pk, name_field="naam")
    run(str(DATA / "wijken_wgs84.geojson"), laag=laag.pk, name_field="naam")
    assert laag.objecten.count() == count + 2
    zuid = laag.objecten.get(naam="Testwijk Zuid").locatie
    assert not zuid.indicatief and not zuid.live


def test_a_missing_name_field_is_named():
    with pytest.raises(CommandError, match="no field 'titel'; its fields are: naam, code"):
        run(str(DATA / "wijken_rd.geojson"), gebieden="plek", name_field="titel")
