"""What changed: between two versions of one object (its words, its links, its geometry), and in
the whole vision between two dates (which objects came, changed or went).

Generic over the versioned models: a version's content is its revision, read back as the object
it held, and compared field by field, so this module needs none of the apps whose content it
compares."""

import datetime
import difflib
import math
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.gis.db.models import GeometryField
from django.db.models import Q
from django.urls import reverse
from django.utils.formats import date_format, number_format
from modelcluster.fields import ParentalKey
from modelcluster.models import (
    ClusterableModel,
    get_all_child_relations,
    model_from_serializable_data,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from .models import Versie
from .wijzigingen import url_van

# What every page or editorial object holds for its bookkeeping (tree, publishing, locking,
# revisions), not as content; a page's title is content.
BOEKHOUDING = ({f.name for f in Page._meta.get_fields()} - {"title"}) | {"sort_order"}
# Unchanged words kept on either side of a change, so a long text shows where the change is.
CONTEXT = 8

GELIJK, WEG, ERBIJ, WEGGELATEN = "gelijk", "weg", "erbij", "weggelaten"
# Compass points for a move, counter-clockwise from east as atan2 counts.
RICHTINGEN = [
    "oosten",
    "noordoosten",
    "noorden",
    "noordwesten",
    "westen",
    "zuidwesten",
    "zuiden",
    "zuidoosten",
]


@dataclass
class Stuk:
    soort: str  # GELIJK, WEG, ERBIJ or WEGGELATEN (unchanged words left out)
    tekst: str


@dataclass
class Tekstverschil:
    veld: str
    stukken: list[Stuk]


@dataclass
class Koppeling:
    soort: str
    titel: str
    url: str


@dataclass
class Maat:
    """A size in two versions (an area in ha, a length in m)."""

    oud: float
    nieuw: float
    # Below this the change does not show at the precision the page gives.
    drempel: float

    @property
    def verschil(self) -> float:
        return self.nieuw - self.oud

    @property
    def groei(self) -> float:
        return abs(self.verschil)

    @property
    def gelijk(self) -> bool:
        return self.groei < self.drempel


@dataclass
class Geometrieverschil:
    veld: str
    oud: object
    nieuw: object
    oppervlak: Maat | None = None
    lengte: Maat | None = None
    verschuiving: float = 0.0  # m, of the centroid
    richting: str = ""

    @property
    def verschoven(self) -> bool:
        return self.verschuiving >= 0.5

    @property
    def alleen_vorm(self) -> bool:
        """Neither moved nor grown: what changed is the outline's shape."""
        return not self.verschoven and all(
            maat is None or maat.gelijk for maat in (self.oppervlak, self.lengte)
        )

    @property
    def tekening(self) -> dict:
        """Old and new drawn on one small map: SVG paths in RD metres (y flipped, as SVG counts
        down) and the view box around both. Server-side, so it needs no script or tiles."""
        delen = [g for g in (self.oud, self.nieuw) if g is not None]
        minx = min(g.extent[0] for g in delen)
        miny = min(g.extent[1] for g in delen)
        maxx = max(g.extent[2] for g in delen)
        maxy = max(g.extent[3] for g in delen)
        marge = max(maxx - minx, maxy - miny, 100) * 0.1
        straal = max(maxx - minx, maxy - miny, 100) / 40
        return {
            "viewbox": " ".join(
                f"{v:.0f}"
                for v in (
                    minx - marge,
                    -maxy - marge,
                    maxx - minx + 2 * marge,
                    maxy - miny + 2 * marge,
                )
            ),
            "oud": _svg_pad(self.oud, straal),
            "nieuw": _svg_pad(self.nieuw, straal),
        }


def _svg_pad(geometrie, straal: float) -> str:
    """An SVG path of a point (a small circle), line or area, or of a collection of them."""
    if geometrie is None:
        return ""
    if geometrie.geom_type.startswith("Multi") or geometrie.geom_type == "GeometryCollection":
        return " ".join(_svg_pad(deel, straal) for deel in geometrie)
    if geometrie.geom_type == "Point":
        x, y = geometrie.coords[:2]
        return (
            f"M {x - straal:.1f} {-y:.1f} a {straal:.1f} {straal:.1f} 0 1 0 {2 * straal:.1f} 0 "
            f"a {straal:.1f} {straal:.1f} 0 1 0 {-2 * straal:.1f} 0"
        )
    ringen = geometrie if geometrie.geom_type == "Polygon" else [geometrie]
    sluit = " Z" if geometrie.geom_type == "Polygon" else ""
    return " ".join(
        "M " + " L ".join(f"{x:.1f} {-y:.1f}" for x, y, *_ in ring.coords) + sluit
        for ring in ringen
    )


@dataclass
class Verschil:
    teksten: list[Tekstverschil] = field(default_factory=list)
    erbij: list[Koppeling] = field(default_factory=list)
    weg: list[Koppeling] = field(default_factory=list)
    geometrie: list[Geometrieverschil] = field(default_factory=list)

    @property
    def leeg(self) -> bool:
        return not (self.teksten or self.erbij or self.weg or self.geometrie)


def woordverschil(oud: str, nieuw: str) -> list[Stuk]:
    """The words removed and added, with a few unchanged words around each change."""
    a, b = oud.split(), nieuw.split()
    opcodes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    stukken = []
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag != "equal":
            if i2 > i1:
                stukken.append(Stuk(WEG, " ".join(a[i1:i2])))
            if j2 > j1:
                stukken.append(Stuk(ERBIJ, " ".join(b[j1:j2])))
            continue
        words = a[i1:i2]
        first, last = index == 0, index == len(opcodes) - 1
        keep_start = 0 if first else CONTEXT
        keep_end = 0 if last else CONTEXT
        if len(words) <= keep_start + keep_end or (first and last):
            stukken.append(Stuk(GELIJK, " ".join(words)))
            continue
        if keep_start:
            stukken.append(Stuk(GELIJK, " ".join(words[:keep_start])))
        stukken.append(Stuk(WEGGELATEN, "…"))
        if keep_end:
            stukken.append(Stuk(GELIJK, " ".join(words[-keep_end:])))
    return stukken


def _basis(model):
    """Pages are looked up (and compared) as pages, whatever their type."""
    return Page if issubclass(model, Page) else model


def _tekst(veld, obj) -> str:
    if obj is None:
        return ""
    value = veld.value_from_object(obj)
    if isinstance(veld, StreamField | RichTextField):
        return " ".join(veld.get_searchable_content(value))  # the words, without the HTML
    if value is None:
        return ""
    if veld.choices:
        return str(dict(veld.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, datetime.date):
        return date_format(value, "j F Y")
    if isinstance(value, Decimal | float):
        return number_format(value, force_grouping=True)  # an amount as the page shows it
    return str(value)


def _inhoudsvelden(model):
    for veld in model._meta.concrete_fields:
        if veld.name not in BOEKHOUDING and not veld.is_relation:
            yield veld


def _koppelingen(obj) -> set[tuple[str, type, int]]:
    """(kind, target model, target id) of each link: the object's own foreign keys and
    many-to-many fields, and the foreign keys of its inline rows (an opgave's principle, spoor,
    theme, area and uitwerking links)."""
    if obj is None:
        return set()
    found = set()
    model = type(obj)
    for veld in model._meta.concrete_fields:
        if veld.many_to_one and veld.name not in BOEKHOUDING:
            target = getattr(obj, veld.attname)
            if target is not None:
                found.add((str(veld.verbose_name), _basis(veld.related_model), target))
    for veld in model._meta.many_to_many:
        if veld.name not in BOEKHOUDING:
            for target in getattr(obj, veld.name).all():
                found.add((str(veld.verbose_name), _basis(veld.related_model), target.pk))
    for relation, child_fields in _inline(model):
        for row in getattr(obj, relation.get_accessor_name()).all():
            for veld in child_fields:
                target = getattr(row, veld.attname)
                if target is not None:
                    found.add((str(veld.verbose_name), _basis(veld.related_model), target))
    return found


def _inline(model):
    """The inline rows an editor keeps with the object, each with its foreign keys (empty for
    rows that are text, such as an uitwerking's decisions and costs). Wagtail's own (comments)
    are not content."""
    for relation in get_all_child_relations(model):
        child = relation.related_model
        if child._meta.app_label.startswith("wagtail"):
            continue
        keys = [
            veld
            for veld in child._meta.concrete_fields
            if veld.many_to_one and not isinstance(veld, ParentalKey)
        ]
        yield relation, keys


def _inline_tekst(obj, relation) -> str:
    if obj is None:
        return ""
    rows = getattr(obj, relation.get_accessor_name()).all()
    return " · ".join(
        " ".join(filter(None, (_tekst(veld, row) for veld in _inhoudsvelden(type(row)))))
        for row in rows
    )


def _in_meters(geometrie):
    if geometrie is not None and geometrie.srid and geometrie.srid != settings.SRID:
        return geometrie.transform(settings.SRID, clone=True)
    return geometrie


def geometrieverschil(veld, oud, nieuw) -> Geometrieverschil | None:
    oud, nieuw = _in_meters(oud), _in_meters(nieuw)
    if oud is None and nieuw is None:
        return None
    if oud is not None and nieuw is not None and oud.equals_exact(nieuw):
        return None
    uitkomst = Geometrieverschil(str(veld.verbose_name), oud, nieuw)
    if oud is None or nieuw is None:
        return uitkomst
    if max(oud.dims, nieuw.dims) == 2:
        uitkomst.oppervlak = Maat(oud.area / 10_000, nieuw.area / 10_000, drempel=0.05)
    elif max(oud.dims, nieuw.dims) == 1:
        uitkomst.lengte = Maat(oud.length, nieuw.length, drempel=0.5)
    dx = nieuw.centroid.x - oud.centroid.x
    dy = nieuw.centroid.y - oud.centroid.y
    uitkomst.verschuiving = math.hypot(dx, dy)
    uitkomst.richting = RICHTINGEN[round(math.atan2(dy, dx) / (math.pi / 4)) % 8]
    return uitkomst


def inhoud(versie: Versie | None):
    """The object as this version holds it; None for a version that says it lapsed. Built from
    the revision's content as `revision.as_object()` does, but without its check that every
    link's target still exists (a query per link): a link to what is gone is named as such."""
    if versie is None or versie.wijziging == Versie.Wijziging.VERVALLEN:
        return None
    revision = versie.revision
    model = ContentType.objects.get_for_id(revision.content_type_id).model_class()
    if issubclass(model, ClusterableModel):
        return model.from_serializable_data(revision.content, check_fks=False)
    return model_from_serializable_data(model, revision.content, check_fks=False)


def verschil(model, oud, nieuw, request) -> Verschil:
    """What changed from `oud` to `nieuw` (objects as two versions hold them; None for none)."""
    uitkomst = Verschil()
    for veld in _inhoudsvelden(model):
        if isinstance(veld, GeometryField):
            geo = geometrieverschil(
                veld,
                oud and veld.value_from_object(oud),
                nieuw and veld.value_from_object(nieuw),
            )
            if geo is not None:
                uitkomst.geometrie.append(geo)
            continue
        a, b = _tekst(veld, oud), _tekst(veld, nieuw)
        if a.split() != b.split():
            uitkomst.teksten.append(Tekstverschil(str(veld.verbose_name), woordverschil(a, b)))
    for relation, keys in _inline(model):
        if not keys:
            a, b = _inline_tekst(oud, relation), _inline_tekst(nieuw, relation)
            if a.split() != b.split():
                naam = str(relation.related_model._meta.verbose_name_plural)
                uitkomst.teksten.append(Tekstverschil(naam, woordverschil(a, b)))
    was, wordt = _koppelingen(oud), _koppelingen(nieuw)
    doelen = _doelen({(model, pk) for _, model, pk in was | wordt})
    for links, lijst in ((wordt - was, uitkomst.erbij), (was - wordt, uitkomst.weg)):
        for soort, target_model, pk in links:
            target = doelen.get((target_model, pk))
            titel = str(target) if target is not None else f"nr. {pk} (bestaat niet meer)"
            url = url_van(target, request) if target is not None else ""
            lijst.append(Koppeling(soort, titel, url))
        lijst.sort(key=lambda koppeling: (koppeling.soort, koppeling.titel))
    return uitkomst


def _doelen(keys) -> dict:
    """What links point to, in a query per kind of target."""
    per_model = defaultdict(set)
    for model, pk in keys:
        per_model[model].add(pk)
    return {
        (model, obj.pk): obj
        for model, ids in per_model.items()
        for obj in model.objects.filter(pk__in=ids)
    }


@dataclass
class Onderdeel:
    soort: str
    titel: str
    herziening: str
    herziening_slug: str
    url: str


@dataclass
class Overzicht:
    toegevoegd: list[Onderdeel] = field(default_factory=list)
    gewijzigd: list[Onderdeel] = field(default_factory=list)
    vervallen: list[Onderdeel] = field(default_factory=list)


def verschil_tussen(van: datetime.date, tot: datetime.date) -> Overzicht:
    """Which objects the vision gained, changed and lost from `van` to `tot`: per object the
    version in force on each date, read from the versions' validity in one query."""
    rows = Versie.objects.filter(
        Q(geldig_vanaf__lte=tot) & (Q(geldig_tot__isnull=True) | Q(geldig_tot__gt=van))
    ).values(
        "pk",
        "content_type_id",
        "object_id",
        "wijziging",
        "geldig_vanaf",
        "geldig_tot",
        "revision__object_str",
        "herziening__titel",
        "herziening__slug",
    )
    op = defaultdict(dict)  # (content type, object) -> {date: the row in force on it}
    for row in rows:
        for datum in (van, tot):
            if row["geldig_vanaf"] <= datum and (
                row["geldig_tot"] is None or row["geldig_tot"] > datum
            ):
                current = op[row["content_type_id"], row["object_id"]].get(datum)
                if current is None or current["geldig_vanaf"] < row["geldig_vanaf"]:
                    op[row["content_type_id"], row["object_id"]][datum] = row
    overzicht = Overzicht()
    for (content_type_id, object_id), rijen in op.items():
        oud, nieuw = rijen.get(van), rijen.get(tot)
        was, is_er = _bestaat(oud), _bestaat(nieuw)
        if was and is_er and oud["pk"] != nieuw["pk"]:
            lijst = overzicht.gewijzigd
        elif is_er and not was:
            lijst = overzicht.toegevoegd
        elif was and not is_er:
            lijst = overzicht.vervallen
        else:
            continue
        content_type = ContentType.objects.get_for_id(content_type_id)
        model = content_type.model_class()
        if model is None:
            continue  # a model that no longer exists
        bron = nieuw or oud
        args = [content_type.app_label, content_type.model, object_id]
        if nieuw is None:
            url = reverse("herzieningen:geschiedenis", args=args)
        else:
            query = f"?van={oud['pk']}&tot={nieuw['pk']}" if oud else f"?tot={nieuw['pk']}"
            url = reverse("herzieningen:verschil", args=args) + query
        lijst.append(
            Onderdeel(
                str(model._meta.verbose_name),
                bron["revision__object_str"] or f"nr. {object_id}",
                bron["herziening__titel"],
                bron["herziening__slug"],
                url,
            )
        )
    for lijst in (overzicht.toegevoegd, overzicht.gewijzigd, overzicht.vervallen):
        lijst.sort(key=lambda onderdeel: (onderdeel.soort, onderdeel.titel))
    return overzicht


def _bestaat(row) -> bool:
    return row is not None and row["wijziging"] != Versie.Wijziging.VERVALLEN
