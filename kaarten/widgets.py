"""The geometry field of the CMS: a Leaflet map to draw on, over the wijk boundaries, and the
same geometry as text that GIS staff can paste and keyboard users can type (GeoJSON or WKT, in
RD New or WGS84). The text is what the form sends; the map writes into it."""

import json

from django import forms
from django.conf import settings
from django.contrib.gis.gdal import GDALException, OGRGeometry
from django.contrib.gis.geos import (
    GeometryCollection,
    GEOSException,
    GEOSGeometry,
    MultiLineString,
    MultiPoint,
    MultiPolygon,
)
from django.core.exceptions import ValidationError
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

# Where RD New is defined: the Netherlands and a margin (x and y in metres). A geometry that lands
# elsewhere was typed wrongly, most often with x and y or longitude and latitude swapped.
RD_BOUNDS = (-7000, 289000, 300000, 629000)
MULTI = {"Point": MultiPoint, "LineString": MultiLineString, "Polygon": MultiPolygon}
# Django's names of a form field's geometry type, as GEOS names the geometries.
GEOS_NAMES = {
    "POINT": "Point",
    "LINESTRING": "LineString",
    "POLYGON": "Polygon",
    "MULTIPOINT": "MultiPoint",
    "MULTILINESTRING": "MultiLineString",
    "MULTIPOLYGON": "MultiPolygon",
    "GEOMETRYCOLLECTION": "GeometryCollection",
}
DUTCH_NAMES = {
    "Point": _("een punt"),
    "LineString": _("een lijn"),
    "Polygon": _("een vlak"),
    "MultiPoint": _("punten"),
    "MultiLineString": _("lijnen"),
    "MultiPolygon": _("vlakken"),
    "GeometryCollection": _("een verzameling geometrieën"),
}
UNREADABLE = _(
    "Deze geometrie is niet te lezen. Geef GeoJSON of WKT, bijvoorbeeld "
    "POINT (234150 556761) in RD New of POINT (6.566 52.992) in WGS84."
)


def _geometries_in_json(data: dict) -> list[dict]:
    """The geometries of a GeoJSON geometry, feature or feature collection (as QGIS exports)."""
    if data.get("type") == "FeatureCollection":
        return [feature["geometry"] for feature in data["features"] if feature.get("geometry")]
    if data.get("type") == "Feature":
        return [data["geometry"]] if data.get("geometry") else []
    return [data]


def _read(text: str) -> GEOSGeometry:
    """The geometry in the text, with the SRID only if the text names one (EWKT)."""
    if text.startswith("{"):
        parts = [
            # Through WKB, which carries no system: GDAL would take all GeoJSON for WGS84.
            GEOSGeometry(OGRGeometry.from_json(json.dumps(part)).wkb)
            for part in _geometries_in_json(json.loads(text))
        ]
        if not parts:
            raise ValueError("no geometry")
        return parts[0] if len(parts) == 1 else GeometryCollection(*parts)
    return GEOSGeometry(text)


def _simple_parts(geometry: GEOSGeometry) -> list[GEOSGeometry]:
    if geometry.geom_type.startswith("Multi") or geometry.geom_type == "GeometryCollection":
        return [part for member in geometry for part in _simple_parts(member)]
    return [geometry]


def _as_type(geometry: GEOSGeometry, geom_type: str) -> GEOSGeometry:
    """The geometry as the field's type: a polygon becomes a multipolygon for a MultiPolygonField,
    and several drawn shapes of one kind become one multi-geometry."""
    srid = geometry.srid
    if geom_type == "GEOMETRY":
        if geometry.geom_type != "GeometryCollection":
            return geometry
        parts = _simple_parts(geometry)
        kinds = {part.geom_type for part in parts}
        if len(parts) == 1:
            return parts[0]
        if len(kinds) == 1:
            return MULTI[kinds.pop()](*parts, srid=srid)
        return GeometryCollection(*parts, srid=srid)
    wanted = GEOS_NAMES[geom_type]
    if geometry.geom_type == wanted:
        return geometry
    parts = _simple_parts(geometry)
    if wanted == "GeometryCollection":
        return GeometryCollection(*parts, srid=srid)
    if wanted.startswith("Multi") and {part.geom_type for part in parts} == {wanted[5:]}:
        return MULTI[wanted[5:]](*parts, srid=srid)
    raise ValidationError(
        _("Hier hoort %(wanted)s, maar dit is %(found)s."),
        code="invalid_geom_type",
        params={"wanted": DUTCH_NAMES[wanted], "found": DUTCH_NAMES[geometry.geom_type]},
    )


def parse_geometrie(text: str, geom_type: str = "GEOMETRY") -> GEOSGeometry:
    """The geometry in `text` (GeoJSON or WKT) in RD New, as the field's type.

    The coordinate system is detected: coordinates within ±180 and ±90 are WGS84 longitude and
    latitude, larger ones RD New metres. EWKT that names its system (SRID=28992;POINT (...))
    is taken at its word. Raises a ValidationError with a Dutch message on anything else."""
    try:
        geometry = _read(text.strip())
    except (GDALException, GEOSException, ValueError, TypeError, KeyError, AttributeError):
        raise ValidationError(UNREADABLE, code="invalid_geom") from None
    if geometry.empty:
        raise ValidationError(_("Deze geometrie is leeg."), code="invalid_geom")
    if not geometry.srid:
        xmin, ymin, xmax, ymax = geometry.extent
        in_degrees = max(abs(xmin), abs(xmax)) <= 180 and max(abs(ymin), abs(ymax)) <= 90
        geometry.srid = settings.API_SRID if in_degrees else settings.SRID
    try:
        geometry.transform(settings.SRID)
    except (GDALException, GEOSException):
        raise ValidationError(
            _("Dit coördinatenstelsel (SRID %(srid)s) is onbekend."),
            code="transform_error",
            params={"srid": geometry.srid},
        ) from None
    xmin, ymin, xmax, ymax = geometry.extent
    if xmin < RD_BOUNDS[0] or ymin < RD_BOUNDS[1] or xmax > RD_BOUNDS[2] or ymax > RD_BOUNDS[3]:
        raise ValidationError(
            _(
                "Deze geometrie ligt niet in Nederland. Staan x en y (of lengte- en "
                "breedtegraad) misschien omgewisseld? In WGS84 komt de lengtegraad eerst."
            ),
            code="invalid_geom",
        )
    geometry = _as_type(geometry, geom_type)
    if not geometry.valid:
        raise ValidationError(
            _("Deze geometrie is ongeldig, bijvoorbeeld een vlak dat zichzelf snijdt (%(reden)s)."),
            code="invalid_geom",
            params={"reden": geometry.valid_reason},
        )
    return geometry


def as_wgs84_geojson(geometry: GEOSGeometry) -> dict:
    """The geometry as GeoJSON in WGS84 for the map, at full precision: rounding here would move
    the corners that an editor did not touch."""
    return json.loads(geometry.transform(settings.API_SRID, clone=True).json)


class GeometrieWidget(forms.Widget):
    """A map with Leaflet.draw over the wijk boundaries, and a textarea that holds the value.

    Use it on any geometry field of a snippet or page: FieldPanel("geometrie",
    widget=GeometrieWidget()). The form field (Django's GeometryField) calls `deserialize`, so
    a bad text becomes a form error in Dutch rather than a server error."""

    template_name = "kaarten/widgets/geometrie.html"

    class Media:
        css = {
            "all": [
                "leaflet/leaflet.css",
                "leaflet/draw/leaflet.draw.css",
                "css/geometrie-widget.css",
            ]
        }
        js = ["leaflet/leaflet.js", "leaflet/draw/leaflet.draw.js", "js/geometrie-widget.js"]

    def __init__(self, attrs=None):
        super().__init__({"rows": 4, **(attrs or {})})

    @property
    def geom_type(self) -> str:
        # Django's GeometryField puts its type here (GEOMETRY, MULTIPOLYGON, POINT, ...).
        return self.attrs.get("geom_type", "GEOMETRY")

    def deserialize(self, value: str) -> GEOSGeometry:
        return parse_geometrie(value, self.geom_type)

    def format_value(self, value):
        """The stored geometry as WKT in RD New, exactly as stored; a text as it was typed."""
        if isinstance(value, GEOSGeometry):
            return value.transform(settings.SRID, clone=True).wkt
        return value or ""

    def _map_geometry(self, value) -> dict | None:
        if isinstance(value, GEOSGeometry):
            return as_wgs84_geojson(value)
        if value:
            try:
                return as_wgs84_geojson(self.deserialize(value))
            except ValidationError:
                return None  # the form shows the error; the map stays empty
        return None

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        widget["attrs"].pop("geom_type", None)
        widget["attrs"].pop("map_srid", None)
        id_ = widget["attrs"].setdefault("id", f"id_{name}")
        own = f"{id_}-uitleg-tekst {id_}-melding"
        given = widget["attrs"].get("aria-describedby")
        widget["attrs"].update(
            {
                "aria-describedby": f"{given} {own}" if given else own,
                "spellcheck": "false",
                "autocomplete": "off",
            }
        )
        tiles = settings.LEAFLET_CONFIG.get("TILES") or []
        widget["config"] = {
            "soort": self.geom_type,
            "geometrie": self._map_geometry(value),
            "assen": settings.ASSEN_EXTENT,
            "gebiedenUrl": reverse("kaarten:gebieden_geojson"),
            "voorbeeldUrl": _preview_url(),
            # The first background layer of the settings, if any: the map works without it.
            "tegels": {"url": tiles[0][1], "opties": tiles[0][2]} if tiles else None,
        }
        return context


def _preview_url() -> str | None:
    try:
        return reverse("kaarten_geometrie_voorbeeld")
    except NoReverseMatch:  # outside the CMS
        return None
