"""Spatial filters that use the database's spatial index on both backends. PostGIS answers
`&&` from its GiST index; Django's SpatiaLite backend never consults the R*Tree by itself, so
there the box is looked up in SpatiaLite's `SpatialIndex` table and the rows are taken by id.
Only the places (`Locatie`) have a geometry, so these filters are about them."""

from django.contrib.gis.geos import GEOSGeometry, Polygon
from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

from .models import Locatie

TABLE = Locatie._meta.db_table
COLUMN = Locatie._meta.get_field("geometrie").column


def _spatialite() -> bool:
    return connection.vendor == "sqlite"


def _in_index(frame: str) -> str:
    """SpatiaLite: the ids of the places whose box overlaps `frame` (an SQL geometry)."""
    # Table and column names only: nothing a request sent.
    return (
        f"SELECT ROWID FROM SpatialIndex WHERE f_table_name = '{TABLE}' "  # noqa: S608
        f"AND f_geometry_column = '{COLUMN}' AND search_frame = {frame}"
    )


def overlapt_sql(alias: str, frame: str) -> str:
    """SQL: the place `alias` (a table alias of kaarten_locatie) has a box overlapping that
    of `frame`, another SQL geometry; for joins written in SQL."""
    if _spatialite():
        return f"{alias}.id IN ({_in_index(frame)})"
    return f"{alias}.{COLUMN} && {frame}"


def in_kader(geometrie: GEOSGeometry, marge: float = 0, pad: str = "") -> Q:
    """The rows whose place's box overlaps that of `geometrie` widened by `marge` metres: the
    cheap first cut that an exact lookup (intersects, dwithin, contains) then refines. `pad`
    leads from the queried model to its Locatie ("locatie__" from a Gebied or Kaartobject)."""
    xmin, ymin, xmax, ymax = geometrie.extent
    kader = (xmin - marge, ymin - marge, xmax + marge, ymax + marge)
    if _spatialite():
        ids = RawSQL(  # noqa: S611 - the box's numbers are parameters
            _in_index("BuildMbr(%s, %s, %s, %s, %s)"), [*kader, geometrie.srid]
        )
        return Q(**{f"{pad}id__in": ids})
    box = Polygon.from_bbox(kader)
    box.srid = geometrie.srid
    return Q(**{f"{pad}geometrie__bboverlaps": box})
