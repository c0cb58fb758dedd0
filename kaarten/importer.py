"""Import a GIS layer (GeoPackage, Shapefile, GeoJSON, GML: whatever GDAL reads) into the
gebieden or into a map layer. Every geometry is reprojected to RD New; a file without a
coordinate system is refused unless the system is given; invalid geometries are repaired or
refused; features outside the Netherlands are refused. All or nothing: one refused feature
leaves the database as it was. Importing the same file again updates what it created."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.gis.gdal import DataSource, GDALException, SpatialReference
from django.contrib.gis.geos import GEOSException, Polygon
from django.db import transaction

from .geo import as_multipolygon
from .models import Gebied, Kaartlaag, Kaartobject

# EPSG:28992's area of use, in WGS84: the Netherlands and its waters.
NETHERLANDS = Polygon.from_bbox((3.2, 50.75, 7.22, 53.7))
NETHERLANDS.srid = 4326


class GeodataError(Exception):
    """The file cannot be imported; the message is for the operator and names the feature."""


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)


@dataclass
class Target:
    """Where features go: the gebieden of one kind, or the features of one map layer."""

    gebied_soort: str | None = None
    laag: Kaartlaag | None = None
    code_field: str | None = None
    herkomst: str = ""


def open_layer(path: str, layer: str | None = None):
    try:
        source = DataSource(path)
    except GDALException as exc:
        raise GeodataError(f"Cannot read {path}: {exc}") from None
    try:
        return source[layer if layer is not None else 0]
    except (IndexError, KeyError, GDALException):
        names = ", ".join(str(found.name) for found in source)
        raise GeodataError(f"{path} has no layer {layer!r}; its layers are: {names}") from None


def _geometry(feature, label: str, source_srs, polygonal: bool, report: ImportReport):
    ogr = feature.geom
    if source_srs is not None:
        ogr.srs = source_srs
    geometry = ogr.geos
    if not geometry.valid:
        reason = geometry.valid_reason
        geometry = geometry.make_valid()
        if polygonal and geometry.geom_type not in ("Polygon", "MultiPolygon"):
            raise GeodataError(f"{label}: invalid geometry ({reason}) that cannot be repaired")
        report.repaired.append(f"{label} ({reason})")
    wgs84 = geometry.transform(4326, clone=True)
    if not NETHERLANDS.contains(wgs84):
        raise GeodataError(f"{label}: lies outside the Netherlands ({wgs84.extent})")
    geometry.transform(settings.SRID)
    return as_multipolygon(geometry) if polygonal else geometry


def import_layer(
    layer,
    target: Target,
    name_field: str,
    source_srid: int | None = None,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    source_srs = SpatialReference(source_srid) if source_srid else None
    if source_srs is None and layer.srs is None:
        raise GeodataError(
            "The file has no coordinate reference system; give it with --source-srid "
            "(28992 for RD New, 4326 for WGS84)."
        )
    if name_field not in layer.fields:
        raise GeodataError(
            f"The layer has no field {name_field!r}; its fields are: {', '.join(layer.fields)}"
        )
    report = ImportReport()
    problems = []
    total = len(layer)
    with transaction.atomic():
        for number, feature in enumerate(layer, start=1):
            naam = str(feature.get(name_field) or "").strip()
            label = f"feature {number} ({naam or 'without a name'})"
            try:
                if not naam:
                    raise GeodataError(f"{label}: the field {name_field!r} is empty")
                geometry = _geometry(
                    feature, label, source_srs, target.gebied_soort is not None, report
                )
                _save(target, feature, naam, geometry, report)
            except (GEOSException, GDALException, ValueError) as exc:
                problems.append(f"{label}: {exc}")
            except GeodataError as exc:
                problems.append(str(exc))
            if progress:
                progress(number, total)
        if problems:
            raise GeodataError("Nothing was imported:\n  " + "\n  ".join(problems))
        if dry_run:
            transaction.set_rollback(True)
    return report


def _save(target: Target, feature, naam: str, geometry, report: ImportReport) -> None:
    if target.laag is not None:
        found = Kaartobject.objects.filter(laag=target.laag, naam=naam).first()
        kaartobject = found or Kaartobject(laag=target.laag, naam=naam)
        kaartobject.geometrie = geometry
        kaartobject.indicatief = False
        kaartobject.herkomst = target.herkomst
        kaartobject.save()
    else:
        code = str(feature.get(target.code_field)) if target.code_field else ""
        lookup = {"cbs_code": code} if code else {"naam": naam}
        found = Gebied.objects.filter(soort=target.gebied_soort, **lookup).first()
        gebied = found or Gebied(
            naam=naam, soort=target.gebied_soort, slug=_free_slug(naam, target.gebied_soort)
        )
        gebied.naam, gebied.cbs_code = naam, code or gebied.cbs_code
        gebied.geometrie = geometry
        gebied.indicatief = False
        gebied.herkomst = target.herkomst
        gebied.save()
    (report.updated if found else report.created).append(naam)


def _free_slug(naam: str, soort: str) -> str:
    base = Gebied.slug_for(naam, soort)
    slug, number = base, 2
    while Gebied.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug
