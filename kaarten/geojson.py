"""RFC 7946 GeoJSON of map features: WGS84 longitude/latitude, six decimals (about 10 cm),
exterior rings counterclockwise and holes clockwise, no 'crs' member."""

import json

from django.conf import settings
from django.contrib.gis.gdal import CoordTransform, SpatialReference


def to_wgs84() -> CoordTransform:
    """One transform for a whole collection: building it is most of the cost of a feature."""
    return CoordTransform(SpatialReference(settings.SRID), SpatialReference(settings.API_SRID))


def _round(coordinates):
    if isinstance(coordinates[0], (int, float)):
        return [round(coordinates[0], 6), round(coordinates[1], 6)]
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


def feature(kaartobject, request, transform: CoordTransform) -> dict:
    laag, locatie = kaartobject.laag, kaartobject.locatie
    punt = locatie.geometrie.point_on_surface.transform(transform, clone=True)
    pagina = kaartobject.pagina
    return {
        "type": "Feature",
        "id": kaartobject.pk,
        "geometry": geometry(locatie.geometrie, transform),
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
            "punt": [round(punt.x, 6), round(punt.y, 6)],
        },
    }


def feature_collection(kaartobjecten, request) -> dict:
    transform = to_wgs84()
    return {
        "type": "FeatureCollection",
        "features": [feature(kaartobject, request, transform) for kaartobject in kaartobjecten],
    }
