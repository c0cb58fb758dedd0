"""The CMS geometry widget reads what GIS staff paste (GeoJSON or WKT, RD New or WGS84), stores
it in RD New as the field's type, refuses anything else in Dutch, and brings its own map."""

import json

import pytest
from django.contrib.gis import forms
from django.contrib.gis.geos import GEOSGeometry
from django.core.exceptions import ValidationError

from kaarten.widgets import GeometrieWidget, parse_geometrie

# The same square of 100 m by 100 m near the station, in both systems.
SQUARE_RD = "POLYGON ((234000 556000, 234100 556000, 234100 556100, 234000 556100, 234000 556000))"
SQUARE_WGS84 = GEOSGeometry(f"SRID=28992;{SQUARE_RD}").transform(4326, clone=True)


def square(geometry) -> bool:
    """Whether the geometry is that square, to a millimetre."""
    return geometry.equals_exact(GEOSGeometry(SQUARE_RD, srid=28992), tolerance=0.001)


def test_wkt_in_rd_new_is_read_as_it_stands():
    geometry = parse_geometrie(SQUARE_RD)
    assert geometry.srid == 28992 and geometry.geom_type == "Polygon"
    assert square(geometry)


def test_wkt_in_wgs84_is_recognised_by_its_small_numbers():
    geometry = parse_geometrie(SQUARE_WGS84.wkt)
    assert geometry.srid == 28992 and square(geometry)


def test_ewkt_that_names_its_system_is_taken_at_its_word():
    assert parse_geometrie("SRID=4326;POINT (6.566 52.992)").coords == pytest.approx(
        (234150, 556761), abs=1
    )


def test_geojson_in_rd_new_as_qgis_exports_it():
    collection = {
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}},
        "features": [
            {
                "type": "Feature",
                "properties": {},
                "geometry": json.loads(GEOSGeometry(SQUARE_RD).json),
            }
        ],
    }
    geometry = parse_geometrie(json.dumps(collection))
    assert geometry.srid == 28992 and square(geometry)


def test_geojson_in_wgs84_as_the_map_writes_it():
    assert square(parse_geometrie(SQUARE_WGS84.json))


def test_a_multipolygon_field_takes_a_polygon_as_a_multipolygon():
    geometry = parse_geometrie(SQUARE_WGS84.json, "MULTIPOLYGON")
    assert geometry.geom_type == "MultiPolygon" and len(geometry) == 1 and square(geometry[0])


def test_shapes_drawn_apart_become_one_multigeometry():
    drawn = {
        "type": "GeometryCollection",
        "geometries": [
            {"type": "Point", "coordinates": [6.56, 52.99]},
            {"type": "Point", "coordinates": [6.57, 52.99]},
        ],
    }
    assert parse_geometrie(json.dumps(drawn)).geom_type == "MultiPoint"


@pytest.mark.parametrize(
    ("text", "geom_type", "message"),
    [
        ("niet te lezen", "GEOMETRY", "Deze geometrie is niet te lezen."),
        ('{"type": "Point"}', "GEOMETRY", "Deze geometrie is niet te lezen."),
        ("POINT EMPTY", "GEOMETRY", "Deze geometrie is leeg."),
        ("POINT (52.992 6.566)", "GEOMETRY", "Staan x en y (of lengte- en breedtegraad)"),
        ("LINESTRING (234000 556000, 234100 556100)", "MULTIPOLYGON", "Hier hoort vlakken"),
        (
            "POLYGON ((234000 556000, 234100 556100, 234100 556000, 234000 556100, 234000 556000))",
            "POLYGON",
            "een vlak dat zichzelf snijdt",
        ),
    ],
)
def test_garbage_is_refused_in_dutch(text, geom_type, message):
    with pytest.raises(ValidationError) as refused:
        parse_geometrie(text, geom_type)
    assert message in refused.value.messages[0]


class Form(forms.Form):
    geometrie = forms.MultiPolygonField(srid=28992, widget=GeometrieWidget(), required=False)


def test_a_form_stores_the_drawn_polygon_in_rd_new_and_refuses_garbage_as_a_form_error():
    form = Form({"geometrie": SQUARE_WGS84.json})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["geometrie"].srid == 28992
    assert form.cleaned_data["geometrie"].geom_type == "MultiPolygon"
    form = Form({"geometrie": "POLYGON ((1 2"})
    assert not form.is_valid()
    assert form.errors["geometrie"][0].startswith("Deze geometrie is niet te lezen.")
    assert Form({"geometrie": ""}).is_valid()


@pytest.mark.django_db
def test_the_widget_shows_the_stored_geometry_in_rd_new_and_on_its_map():
    initial = GEOSGeometry(f"SRID=28992;MULTIPOLYGON ((({SQUARE_RD[10:-2]})))")
    html = str(Form(initial={"geometrie": initial})["geometrie"])
    assert f">{initial.wkt}</textarea>" in html
    assert 'aria-label="Kaart om de geometrie te tekenen"' in html
    assert '<label class="geometrie-widget__label" for="id_geometrie">' in html
    assert 'aria-describedby="id_geometrie-uitleg-tekst id_geometrie-melding"' in html
    assert "geom_type" not in html
    config = json.loads(html.split('<script type="application/json">')[1].split("</script>")[0])
    assert config["soort"] == "MULTIPOLYGON"
    assert config["geometrie"]["type"] == "MultiPolygon"
    assert config["gebiedenUrl"] == "/kaarten/gebieden/geojson/"
    assert config["voorbeeldUrl"] == "/cms/kaarten/geometrie/voorbeeld/"
    assert config["tegels"] is None  # the test settings have no background tiles


def test_garbage_typed_again_is_shown_as_typed_with_an_empty_map():
    html = str(Form({"geometrie": "POLYGON ((1 2"})["geometrie"])
    assert ">POLYGON ((1 2</textarea>" in html and '"geometrie": null' in html


def test_the_widget_brings_leaflet_leaflet_draw_and_its_own_script():
    media = Form().media
    assert media._js == [
        "leaflet/leaflet.js",
        "leaflet/draw/leaflet.draw.js",
        "js/geometrie-widget.js",
    ]
    css = media._css["all"]
    assert "leaflet/leaflet.css" in css and "css/geometrie-widget.css" in css


@pytest.mark.django_db
def test_the_cms_preview_reads_the_text_as_the_form_does(admin_client):
    url = "/cms/kaarten/geometrie/voorbeeld/"
    answer = admin_client.post(url, {"tekst": SQUARE_RD, "soort": "MULTIPOLYGON"})
    assert answer.status_code == 200
    geometry = answer.json()["geometrie"]
    assert geometry["type"] == "MultiPolygon"
    assert geometry["coordinates"][0][0][0] == pytest.approx(list(SQUARE_WGS84.coords[0][0]))
    refused = admin_client.post(url, {"tekst": "LINESTRING (1 2, 3 4)", "soort": "GEOMETRY"})
    assert refused.status_code == 200 and "niet in Nederland" in refused.json()["fout"]
