"""Geometry conversions shared by the loaders, the import and the views."""

import json

from django.conf import settings
from django.contrib.gis.gdal import OGRGeometry
from django.contrib.gis.geos import GEOSGeometry, MultiPolygon


def from_rd_geojson(geometry: dict) -> GEOSGeometry:
    """A GeoJSON geometry written in RD New coordinates, as the fixtures hold them. (GDAL takes
    every GeoJSON geometry for WGS84, so it is read through WKB, which carries no system.)"""
    return GEOSGeometry(OGRGeometry.from_json(json.dumps(geometry)).wkb, srid=settings.SRID)


def as_multipolygon(geometry: GEOSGeometry) -> MultiPolygon:
    """Areas are stored as multipolygons in RD New, whatever shape and system they come in."""
    if geometry.srid != settings.SRID:
        geometry.transform(settings.SRID)
    if geometry.geom_type == "Polygon":
        geometry = MultiPolygon(geometry, srid=settings.SRID)
    if geometry.geom_type != "MultiPolygon":
        raise ValueError(f"an area must be a polygon, not a {geometry.geom_type}")
    return geometry
