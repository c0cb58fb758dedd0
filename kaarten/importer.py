"""Import a GIS layer (GeoPackage, Shapefile, GeoJSON, GML: whatever GDAL reads) into the
gebieden or into a map layer. Every geometry is reprojected to RD New; a file without a
coordinate system is refused unless the system is given; invalid geometries are repaired or
refused; features outside the Netherlands are refused; so is every geometry the site could not
store or draw: none, an empty one, one of a kind the layer does not draw (a line in an area
layer, a mixed GeometryCollection) and one of more than GEODATA_MAX_VERTICES vertices. All or
nothing: one refused feature leaves the database as it was. Importing the same file again
updates what it created.

What an import stores is reviewed before it goes live: a new place is a draft Locatie, a new
gebied a draft Gebied, and a new geometry for a published place is a new revision of its
Locatie, which an editor submits to the workflow like any other change.

The features are checked first and stored afterwards in bulk (rows, revisions, log entries,
search and reference index in batches): saving them one by one, each with its own revision,
took 17 ms a feature and longer as a layer grew (see docs/decisions.md for the figures)."""

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.gis.gdal import CoordTransform, DataSource, GDALException, SpatialReference
from django.contrib.gis.geos import (
    GEOSException,
    GEOSGeometry,
    MultiLineString,
    MultiPoint,
    MultiPolygon,
    Polygon,
)
from django.db import IntegrityError, transaction
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import ModelLogEntry, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backends

from .geo import as_multipolygon
from .models import Gebied, Kaartlaag, Kaartobject, Locatie

# EPSG:28992's area of use, in WGS84: the Netherlands and its waters.
NETHERLANDS = Polygon.from_bbox((3.2, 50.75, 7.22, 53.7))
NETHERLANDS.srid = 4326

# The geometry kinds a layer of each form draws, and the multi-kind a GeometryCollection of only
# such parts becomes.
KINDS = {
    Kaartlaag.Vorm.VLAK: ({"Polygon", "MultiPolygon"}, MultiPolygon),
    Kaartlaag.Vorm.LIJN: ({"LineString", "MultiLineString"}, MultiLineString),
    Kaartlaag.Vorm.PUNT: ({"Point", "MultiPoint"}, MultiPoint),
}
VORM_NL = {Kaartlaag.Vorm.VLAK: "vlak", Kaartlaag.Vorm.LIJN: "lijn", Kaartlaag.Vorm.PUNT: "punt"}
VORM_EN = {
    Kaartlaag.Vorm.VLAK: "areas",
    Kaartlaag.Vorm.LIJN: "lines",
    Kaartlaag.Vorm.PUNT: "points",
}

# Rows per INSERT or UPDATE: well under SQLite's limit of variables per statement.
BATCH = 500


class GeodataError(Exception):
    """The file cannot be imported; the message is for the operator and names the feature,
    `melding` says the same in Dutch for the CMS."""

    def __init__(self, message: str, melding: str = ""):
        super().__init__(message)
        self.melding = melding or message


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    # GeometryCollections stored as the multi-kind the layer draws.
    converted: list[str] = field(default_factory=list)


@dataclass
class Target:
    """Where features go: the gebieden of one kind, or the features of one map layer."""

    gebied_soort: str | None = None
    laag: Kaartlaag | None = None
    code_field: str | None = None
    herkomst: str = ""

    @property
    def vorm(self) -> str:
        """Gebieden are areas; a layer draws what its form says."""
        return Kaartlaag.Vorm.VLAK if self.laag is None else self.laag.vorm


@dataclass
class Feature:
    """A checked feature, ready to store."""

    number: int
    naam: str
    code: str
    geometrie: GEOSGeometry

    @property
    def label(self) -> str:
        return f"feature {self.number} ({self.naam})"

    @property
    def nummer(self) -> str:
        return f"object {self.number} ({self.naam})"


def open_layer(path: str, layer: str | None = None):
    try:
        source = DataSource(path)
    except GDALException as exc:
        raise GeodataError(
            f"Cannot read {path}: {exc}", f"Het bestand kan niet worden gelezen: {exc}"
        ) from None
    try:
        return source[layer if layer is not None else 0]
    except (IndexError, KeyError, GDALException):
        names = ", ".join(str(found.name) for found in source)
        raise GeodataError(
            f"{path} has no layer {layer!r}; its layers are: {names}",
            f"Het bestand heeft geen laag {layer!r}; wel: {names}",
        ) from None


class _Transforms:
    """One transform per direction for the whole layer: building one is costly (PROJ looks the
    systems up), applying one is not."""

    def __init__(self, source_srs: SpatialReference):
        self.to_wgs84 = CoordTransform(source_srs, SpatialReference(4326))
        self.to_rd = CoordTransform(source_srs, SpatialReference(settings.SRID))


def _getal(number: int) -> str:
    return f"{number:_}".replace("_", ".")  # 100.000, as Dutch writes it


def _refuse(label: str, nummer: str, english: str, dutch: str) -> GeodataError:
    return GeodataError(f"{label}: {english}", f"{nummer}: {dutch}")


def _shape(geometry: GEOSGeometry, vorm: str, label: str, nummer: str, report: ImportReport):
    """The geometry as the layer draws it; a GeometryCollection of only such parts becomes
    their multi-kind (the maps and the DSO export know no collections)."""
    allowed, multi = KINDS[vorm]
    if geometry.geom_type in allowed:
        return geometry
    parts = list(geometry) if geometry.geom_type == "GeometryCollection" else []
    if parts and all(part.geom_type in allowed for part in parts):
        flat = [
            single
            for part in parts
            for single in (part if part.geom_type.startswith("Multi") else [part])
        ]
        report.converted.append(f"{label} (GeometryCollection → {multi.__name__})")
        return multi(*flat, srid=geometry.srid)
    raise _refuse(
        label,
        nummer,
        f"a {geometry.geom_type} cannot be drawn in a layer of {VORM_EN[vorm]} "
        f"(it takes {' or '.join(sorted(allowed))})",
        f"een {geometry.geom_type} past niet in een laag van de vorm {VORM_NL[vorm]}",
    )


def _geometry(feature, label: str, nummer: str, transforms: _Transforms, vorm: str, report):
    try:
        ogr = feature.geom
    except GDALException:  # OGR hands no geometry to copy
        raise _refuse(label, nummer, "has no geometry", "heeft geen geometrie") from None
    if ogr.empty:
        raise _refuse(label, nummer, "has an empty geometry", "heeft een lege geometrie")
    # The maps are flat: a height or measure would not fit the column (PostGIS refuses it).
    ogr.set_3d(False)
    ogr.set_measured(False)
    wgs84 = ogr.clone()
    wgs84.transform(transforms.to_wgs84)
    if not NETHERLANDS.contains(wgs84.geos):
        raise _refuse(
            label,
            nummer,
            f"lies outside the Netherlands ({wgs84.extent})",
            "ligt buiten Nederland",
        )
    ogr.transform(transforms.to_rd)
    geometry = GEOSGeometry(ogr.wkb, srid=settings.SRID)
    limit = settings.GEODATA_MAX_VERTICES
    if geometry.num_coords > limit:
        raise _refuse(
            label,
            nummer,
            f"has {geometry.num_coords:,} vertices, more than the {limit:,} a feature may have; "
            "simplify it or split it up",
            f"heeft {_getal(geometry.num_coords)} hoekpunten, meer dan de {_getal(limit)} die "
            "een object mag hebben; vereenvoudig of verdeel het",
        )
    geometry = _shape(geometry, vorm, label, nummer, report)
    if not geometry.valid:
        reason = geometry.valid_reason
        try:
            geometry = _shape(geometry.make_valid(), vorm, label, nummer, ImportReport())
        except GeodataError:
            raise _refuse(
                label,
                nummer,
                f"invalid geometry ({reason}) that cannot be repaired",
                f"ongeldige geometrie ({reason}) die niet te herstellen is",
            ) from None
        report.repaired.append(f"{label} ({reason})")
    return geometry


def _read(layer, target: Target, name_field: str, transforms, report, progress) -> list[Feature]:
    """Every feature checked; a GeodataError naming each one that is refused."""
    features, problems = [], []
    total = len(layer)
    for number, feature in enumerate(layer, start=1):
        naam = str(feature.get(name_field) or "").strip()
        label = f"feature {number} ({naam or 'without a name'})"
        nummer = f"object {number} ({naam or 'zonder naam'})"
        try:
            if not naam:
                raise _refuse(
                    label,
                    nummer,
                    f"the field {name_field!r} is empty",
                    f"het veld {name_field!r} is leeg",
                )
            geometry = _geometry(feature, label, nummer, transforms, target.vorm, report)
            if target.gebied_soort is not None:
                geometry = as_multipolygon(geometry)
            code = str(feature.get(target.code_field) or "") if target.code_field else ""
            features.append(Feature(number, naam, code, geometry))
        except (GEOSException, GDALException, ValueError) as exc:
            problems.append(_refuse(label, nummer, str(exc), str(exc)))
        except GeodataError as exc:
            problems.append(exc)
        if progress:
            progress(number, total)
    if problems:
        raise GeodataError(
            "Nothing was imported:\n  " + "\n  ".join(str(p) for p in problems),
            "\n".join(p.melding for p in problems),
        )
    return features


def import_layer(
    layer,
    target: Target,
    name_field: str,
    source_srid: int | None = None,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    source_srs = SpatialReference(source_srid) if source_srid else layer.srs
    if source_srs is None:
        raise GeodataError(
            "The file has no coordinate reference system; give it with --source-srid "
            "(28992 for RD New, 4326 for WGS84).",
            "Het bestand zegt niet in welk coördinatenstelsel het is; geef de EPSG-code op "
            "(28992 voor RD, 4326 voor WGS84).",
        )
    if name_field not in layer.fields:
        raise GeodataError(
            f"The layer has no field {name_field!r}; its fields are: {', '.join(layer.fields)}",
            f"De laag heeft geen veld {name_field!r}; wel: {', '.join(layer.fields)}",
        )
    report = ImportReport()
    features = _read(layer, target, name_field, _Transforms(source_srs), report, progress)
    with transaction.atomic():
        _Store(target, report).store(features)
        if dry_run:
            transaction.set_rollback(True)
    return report


class _Store:
    """Stores checked features as drafts, in bulk: first the Locaties, then their revisions and
    log entries, then the Gebieden or Kaartobjecten that point at them."""

    def __init__(self, target: Target, report: ImportReport):
        self.target, self.report = target, report
        self.now = timezone.now()
        # One action in the history: every log entry of this import shares it.
        self.uuid = uuid.uuid4()
        self.slugs = {
            Locatie: set(Locatie.objects.values_list("slug", flat=True)),
            Gebied: set(Gebied.objects.values_list("slug", flat=True)),
        }

    def store(self, features: list[Feature]) -> None:
        # What an earlier import (or an editor) made, by the key a feature finds it by: a layer's
        # entry by its name, a gebied by its CBS code or else its name.
        found = {}
        if self.target.laag is not None:
            entries = Kaartobject.objects.filter(laag=self.target.laag)
            for kaartobject in entries.select_related("locatie"):
                found.setdefault(kaartobject.naam, kaartobject)
            keys = [feature.naam for feature in features]
        else:
            gebieden = Gebied.objects.filter(soort=self.target.gebied_soort)
            for gebied in gebieden.select_related("locatie"):
                if gebied.cbs_code:
                    found.setdefault(("code", gebied.cbs_code), gebied)
                found.setdefault(("naam", gebied.naam), gebied)
            keys = [("code", f.code) if f.code else ("naam", f.naam) for f in features]

        # The last feature of a name wins, as it did when each was stored in turn.
        drawn: dict = {}
        for key, feature in zip(keys, features, strict=True):
            if key in drawn:
                locatie = drawn[key][0]
            elif key in found and found[key].locatie is not None:
                locatie = found[key].locatie
            else:
                locatie = Locatie(
                    naam=feature.naam, slug=self._free_slug(Locatie, feature.naam), live=False
                )
            locatie.geometrie = feature.geometrie
            locatie.indicatief = False
            locatie.herkomst = self.target.herkomst
            (self.report.updated if key in drawn or key in found else self.report.created).append(
                feature.naam
            )
            drawn[key] = (locatie, feature)

        locaties = [locatie for locatie, _feature in drawn.values()]
        of = {id(locatie): feature for locatie, feature in drawn.values()}
        new = [locatie for locatie in locaties if locatie.pk is None]
        # A published place keeps its row until the revision is published.
        drafts = [locatie for locatie in locaties if locatie.pk is not None and not locatie.live]
        self._create(new, of)
        Locatie.objects.bulk_update(
            drafts, ["geometrie", "indicatief", "herkomst"], batch_size=BATCH
        )
        self._verify(new + drafts, of)
        self._revise(Locatie, locaties)
        self._index(Locatie, new)

        if self.target.laag is not None:
            Kaartobject.objects.bulk_create(
                [
                    Kaartobject(laag=self.target.laag, naam=key, locatie=locatie)
                    for key, (locatie, _feature) in drawn.items()
                    if key not in found
                ],
                batch_size=BATCH,
            )
            # What the CMS says uses a place: once for the layer, not once per new entry.
            ReferenceIndex.create_or_update_for_object(self.target.laag)
        else:
            self._gebieden(drawn, found)

    def _gebieden(self, drawn: dict, found: dict) -> None:
        new, changed = [], []
        for key, (locatie, feature) in drawn.items():
            gebied = found.get(key)
            if gebied is None:
                soort = self.target.gebied_soort
                new.append(
                    Gebied(
                        naam=feature.naam,
                        soort=soort,
                        slug=self._free_slug(Gebied, Gebied.slug_for(feature.naam, soort)),
                        cbs_code=feature.code,
                        locatie=locatie,
                        live=False,
                    )
                )
            elif gebied.locatie_id != locatie.pk:  # an area without an outline gets one
                gebied.locatie = locatie
                changed.append(gebied)
        Gebied.objects.bulk_create(new, batch_size=BATCH)
        Gebied.objects.bulk_update(
            [gebied for gebied in changed if not gebied.live], ["locatie"], batch_size=BATCH
        )
        self._revise(Gebied, new + changed)
        self._index(Gebied, new)
        for gebied in new + changed:
            ReferenceIndex.create_or_update_for_object(gebied)

    def _create(self, locaties: list[Locatie], of: dict) -> None:
        """INSERT in batches. A geometry the database refuses to store (SpatiaLite's parser gives
        up on very large ones) fails its batch: the rows are then inserted one by one to name
        the feature."""
        for start in range(0, len(locaties), BATCH):
            batch = locaties[start : start + BATCH]
            try:
                with transaction.atomic():
                    Locatie.objects.bulk_create(batch)
            except IntegrityError:
                for locatie in batch:
                    try:
                        with transaction.atomic():
                            locatie.save(force_insert=True)
                    except IntegrityError as exc:
                        raise _not_stored(of[id(locatie)], exc) from None
                raise

    def _verify(self, locaties: list[Locatie], of: dict) -> None:
        """Read back what was written: a geometry the database stored as NULL would break every
        spatial query of the public pages."""
        by_pk = {locatie.pk: locatie for locatie in locaties}
        pks = list(by_pk)
        for start in range(0, len(pks), BATCH):
            missing = (
                Locatie.objects.filter(pk__in=pks[start : start + BATCH], geometrie__isnull=True)
                .values_list("pk", flat=True)
                .first()
            )
            if missing is not None:
                raise _not_stored(of[id(by_pk[missing])], "its geometry was stored as NULL")

    def _revise(self, model, objects: list) -> None:
        """A revision per object and a log entry per revision, as save_revision(log_action=True)
        makes them, but in bulk; it also skips save_revision's full_clean, which queries the
        database once per unique field and constraint (the rows are checked already)."""
        if not objects:
            return
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        base_content_type = objects[0].get_base_content_type()
        revisions = Revision.objects.bulk_create(
            [
                Revision(
                    content_type=content_type,
                    base_content_type=base_content_type,
                    object_id=str(obj.pk),
                    created_at=self.now,
                    content=obj.serializable_data(),
                    object_str=str(obj),
                )
                for obj in objects
            ],
            batch_size=BATCH,
        )
        for obj, revision in zip(objects, revisions, strict=True):
            obj.latest_revision = revision
            obj.has_unpublished_changes = True
        # Each row points at its newest revision: one UPDATE per batch, where bulk_update would
        # build a CASE of BATCH branches per field in Python.
        latest = (
            Revision.objects.filter(
                content_type=content_type, object_id=Cast(OuterRef("pk"), CharField())
            )
            .order_by("-pk")
            .values("pk")[:1]
        )
        for start in range(0, len(objects), BATCH):
            model.objects.filter(pk__in=[obj.pk for obj in objects[start : start + BATCH]]).update(
                latest_revision=Subquery(latest), has_unpublished_changes=True
            )
        ModelLogEntry.objects.bulk_create(
            [
                ModelLogEntry(
                    content_type=content_type,
                    object_id=str(obj.pk),
                    label=str(obj),
                    action="wagtail.edit",
                    timestamp=self.now,
                    uuid=self.uuid,
                    revision=revision,
                    content_changed=True,
                    data={},
                )
                for obj, revision in zip(objects, revisions, strict=True)
            ],
            batch_size=BATCH,
        )

    @staticmethod
    def _index(model, objects: list) -> None:
        """The search index of the CMS's lists, as a save would update it, in one go."""
        for backend in get_search_backends(with_auto_update=True):
            for start in range(0, len(objects), BATCH):
                backend.add_bulk(model, objects[start : start + BATCH])

    def _free_slug(self, model, base: str) -> str:
        base = slugify(base)[:110]
        slug, number = base, 2
        while slug in self.slugs[model]:
            slug, number = f"{base}-{number}", number + 1
        self.slugs[model].add(slug)
        return slug


def _not_stored(feature: Feature, reason) -> GeodataError:
    return GeodataError(
        f"Nothing was imported: the database did not store {feature.label} ({reason}); "
        "where a large geometry is the cause, simplify it or split it up.",
        f"De database kon {feature.nummer} niet opslaan; is de geometrie groot, vereenvoudig of "
        "verdeel die dan.",
    )
