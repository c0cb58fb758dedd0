"""Import a GIS layer (GeoPackage, Shapefile, GeoJSON, GML: whatever GDAL reads) into the
gebieden or into a map layer. Every geometry is reprojected to RD New; a file without a
coordinate system is refused unless the system is given; invalid geometries are repaired or
refused; features outside the Netherlands are refused. All or nothing: one refused feature
leaves the database as it was. Importing the same file again updates what it created.

What an import stores is reviewed before it goes live: a new place is a draft Locatie, a new
gebied a draft Gebied, and a new geometry for a published place is a new revision of its
Locatie, which an editor submits to the workflow like any other change."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.gis.gdal import DataSource, GDALException, SpatialReference
from django.contrib.gis.geos import (
    GEOSException,
    MultiLineString,
    MultiPoint,
    MultiPolygon,
    Polygon,
)
from django.db import transaction
from django.utils.text import slugify

from .geo import as_multipolygon
from .models import Gebied, Kaartlaag, Kaartobject, Locatie

# EPSG:28992's area of use, in WGS84: the Netherlands and its waters.
NETHERLANDS = Polygon.from_bbox((3.2, 50.75, 7.22, 53.7))
NETHERLANDS.srid = 4326


# The most vertices one feature may have: both databases store, index and draw that reliably,
# where SpatiaLite stored a polygon of some 600,000 as nothing at all. Simplify larger ones first
# (ogr2ogr -simplify).
MAX_HOEKPUNTEN = 100_000
# What a layer of each kind can draw; an area (gebied) is always a polygon.
VORMEN = {
    Kaartlaag.Vorm.VLAK: ("Polygon", "MultiPolygon"),
    Kaartlaag.Vorm.LIJN: ("LineString", "MultiLineString"),
    Kaartlaag.Vorm.PUNT: ("Point", "MultiPoint"),
}
MULTI = {"Polygon": MultiPolygon, "LineString": MultiLineString, "Point": MultiPoint}


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


def _geometry(feature, label: str, source_srs, vorm: str, report: ImportReport):
    """The feature's geometry in RD New, or why it cannot be stored: none or empty, too large,
    of a kind the layer cannot draw, invalid beyond repair, or outside the Netherlands."""
    try:
        ogr = feature.geom
    except GDALException:
        raise GeodataError(f"{label}: has no geometry") from None
    if source_srs is not None:
        ogr.srs = source_srs
    geometry = ogr.geos
    if geometry.empty:
        raise GeodataError(f"{label}: the geometry is empty")
    if geometry.num_coords > MAX_HOEKPUNTEN:
        raise GeodataError(
            f"{label}: {geometry.num_coords:,} vertices, more than the {MAX_HOEKPUNTEN:,} a "
            "feature may have; simplify it first (for example ogr2ogr -simplify 0.5)"
        )
    if geometry.geom_type == "GeometryCollection":
        geometry = _one_kind(geometry, label, report)
    polygonal = vorm == Kaartlaag.Vorm.VLAK
    if not geometry.valid:
        reason = geometry.valid_reason
        geometry = geometry.make_valid()
        if polygonal and geometry.geom_type not in VORMEN[vorm]:
            raise GeodataError(f"{label}: invalid geometry ({reason}) that cannot be repaired")
        report.repaired.append(f"{label} ({reason})")
    if geometry.geom_type not in VORMEN[vorm]:
        raise GeodataError(
            f"{label}: a {geometry.geom_type} cannot be drawn in a layer of "
            f"{Kaartlaag.Vorm(vorm).label.lower()} features"
        )
    wgs84 = geometry.transform(4326, clone=True)
    if not NETHERLANDS.contains(wgs84):
        raise GeodataError(f"{label}: lies outside the Netherlands ({wgs84.extent})")
    geometry.transform(settings.SRID)
    return as_multipolygon(geometry) if polygonal else geometry


def _one_kind(collection, label: str, report: ImportReport):
    """A GeometryCollection of parts of one kind becomes the multi-geometry of that kind (the
    maps draw those); one that mixes kinds is refused."""
    parts = [
        part
        for member in collection
        for part in (member if member.geom_type.startswith("Multi") else [member])
    ]
    kinds = {part.geom_type for part in parts}
    if len(kinds) != 1 or next(iter(kinds)) not in MULTI:
        raise GeodataError(
            f"{label}: a GeometryCollection of {', '.join(sorted(kinds))}; a feature must be "
            "points, lines or areas, not a mix"
        )
    report.repaired.append(f"{label} (GeometryCollection stored as {len(parts)} parts)")
    return MULTI[kinds.pop()](*parts, srid=collection.srid)


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
                vorm = Kaartlaag.Vorm.VLAK if target.laag is None else target.laag.vorm
                geometry = _geometry(feature, label, source_srs, vorm, report)
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


def _draw(locatie: Locatie | None, naam: str, geometry, herkomst: str) -> Locatie:
    """A draft of the place with the imported geometry: a new draft Locatie, or a new revision
    of an existing one (whose published row stays as it is until the revision is published)."""
    if locatie is None:
        locatie = Locatie(naam=naam, slug=_free_slug(Locatie, naam), live=False)
    locatie.geometrie = geometry
    locatie.indicatief = False
    locatie.herkomst = herkomst
    if locatie.pk is None or not locatie.live:
        locatie.save()
    locatie.save_revision(log_action=True)
    return locatie


def _save(target: Target, feature, naam: str, geometry, report: ImportReport) -> None:
    if target.laag is not None:
        found = Kaartobject.objects.filter(laag=target.laag, naam=naam)
        found = found.select_related("locatie").first()
        locatie = _draw(found.locatie if found else None, naam, geometry, target.herkomst)
        if found is None:
            Kaartobject.objects.create(laag=target.laag, naam=naam, locatie=locatie)
    else:
        code = str(feature.get(target.code_field)) if target.code_field else ""
        lookup = {"cbs_code": code} if code else {"naam": naam}
        found = (
            Gebied.objects.filter(soort=target.gebied_soort, **lookup)
            .select_related("locatie")
            .first()
        )
        locatie = _draw(found.locatie if found else None, naam, geometry, target.herkomst)
        if found is None:
            gebied = Gebied.objects.create(
                naam=naam,
                soort=target.gebied_soort,
                slug=_free_slug(Gebied, Gebied.slug_for(naam, target.gebied_soort)),
                cbs_code=code,
                locatie=locatie,
                live=False,
            )
            gebied.save_revision(log_action=True)
        elif found.locatie_id != locatie.pk:
            found.locatie = locatie
            found.save_revision(log_action=True)
    (report.updated if found else report.created).append(naam)


def _free_slug(model, base: str) -> str:
    base = slugify(base)[:110]
    slug, number = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug
