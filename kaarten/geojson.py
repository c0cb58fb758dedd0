"""RFC 7946 GeoJSON of map features: WGS84 longitude/latitude, six decimals (about 10 cm),
exterior rings counterclockwise and holes clockwise, no 'crs' member."""

import json
import threading

from django.conf import settings
from django.contrib.gis.db.models.functions import AsGeoJSON, PointOnSurface, Transform
from django.contrib.gis.gdal import CoordTransform, SpatialReference

PRECISION = 6  # decimals of a degree: about 10 cm


# GDAL's transforms may not be shared between threads, and building one takes tens of ms: one
# per thread and direction, for every request that transforms.
_per_thread = threading.local()


def _transform(source: int, target: int) -> CoordTransform:
    transforms = _per_thread.__dict__
    if (source, target) not in transforms:
        transforms[source, target] = CoordTransform(
            SpatialReference(source), SpatialReference(target)
        )
    return transforms[source, target]


def to_wgs84() -> CoordTransform:
    return _transform(settings.SRID, settings.API_SRID)


def to_rd() -> CoordTransform:
    return _transform(settings.API_SRID, settings.SRID)


def _round(coordinates):
    if isinstance(coordinates[0], (int, float)):
        return [round(coordinates[0], PRECISION), round(coordinates[1], PRECISION)]
    return [_round(part) for part in coordinates]


def _signed_area(ring) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False))


def _oriented(polygon: list) -> list:
    """The right-hand rule of RFC 7946 § 3.1.6."""
    return [
        ring if (_signed_area(ring) > 0) == (index == 0) else ring[::-1]
        for index, ring in enumerate(polygon)
    ]


def _rfc7946(data: dict) -> dict:
    if data["type"] == "GeometryCollection":  # what a place drawn in several parts may be
        data["geometries"] = [_rfc7946(part) for part in data["geometries"]]
        return data
    data["coordinates"] = _round(data["coordinates"])
    if data["type"] == "Polygon":
        data["coordinates"] = _oriented(data["coordinates"])
    elif data["type"] == "MultiPolygon":
        data["coordinates"] = [_oriented(polygon) for polygon in data["coordinates"]]
    return data


def geometry(geom, transform: CoordTransform | None = None) -> dict:
    return _rfc7946(json.loads(geom.transform(transform or to_wgs84(), clone=True).json))


def feature(kaartobject, request) -> dict:
    """A map entry annotated by `in_wgs84`."""
    laag, locatie = kaartobject.laag, kaartobject.locatie
    punt = json.loads(kaartobject.punt_wgs84)["coordinates"]
    pagina = kaartobject.pagina
    return {
        "type": "Feature",
        "id": kaartobject.pk,
        "geometry": _rfc7946(json.loads(kaartobject.geometrie_wgs84)),
        "properties": {
            "naam": kaartobject.naam,
            "kaart": laag.kaart.titel,
            "laag": laag.label,
            "laag_id": laag.pk,
            "groep": laag.groep,
            "kleur": laag.kleur,
            "vorm": laag.vorm,
            "locatie": locatie.slug,
            "indicatief": locatie.indicatief,
            "herkomst": locatie.herkomst,
            "pagina": pagina.title if pagina else None,
            "url": request.build_absolute_uri(pagina.get_url(request)) if pagina else None,
            # Where the map puts the keyboard-reachable marker of a line or area.
            "punt": _round(punt),
        },
    }


def in_wgs84(kaartobjecten):
    """The entries with their place and its marker point as WGS84 GeoJSON, transformed by the
    database for the whole collection: no geometry passes through Python's GEOS and GDAL."""
    geometrie = "locatie__geometrie"
    return kaartobjecten.defer(geometrie).annotate(
        geometrie_wgs84=AsGeoJSON(Transform(geometrie, settings.API_SRID), precision=PRECISION),
        punt_wgs84=AsGeoJSON(
            Transform(PointOnSurface(geometrie), settings.API_SRID), precision=PRECISION
        ),
    )


def feature_collection(kaartobjecten, request) -> dict:
    return {
        "type": "FeatureCollection",
        "features": [feature(kaartobject, request) for kaartobject in in_wgs84(kaartobjecten)],
    }
