"""RFC 7946 GeoJSON of map features: WGS84 longitude/latitude, six decimals (about 10 cm),
exterior rings counterclockwise and holes clockwise, no 'crs' member."""

import json

from django.conf import settings


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


def geometry(geom) -> dict:
    data = json.loads(geom.transform(settings.API_SRID, clone=True).json)
    data["coordinates"] = _round(data["coordinates"])
    if data["type"] == "Polygon":
        data["coordinates"] = _oriented(data["coordinates"])
    elif data["type"] == "MultiPolygon":
        data["coordinates"] = [_oriented(polygon) for polygon in data["coordinates"]]
    return data


def feature(kaartobject, request) -> dict:
    laag, locatie = kaartobject.laag, kaartobject.locatie
    punt = locatie.geometrie.point_on_surface.transform(settings.API_SRID, clone=True)
    pagina = kaartobject.pagina
    return {
        "type": "Feature",
        "id": kaartobject.pk,
        "geometry": geometry(locatie.geometrie),
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
    return {
        "type": "FeatureCollection",
        "features": [feature(kaartobject, request) for kaartobject in kaartobjecten],
    }
