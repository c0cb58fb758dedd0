"""Which area lies in which, and which places lie in an area: derived from the outlines, never
typed. An area lies in another when at least half of it does (the vision's outlines are
indicative and their edges coarse, so neighbours that only touch stay out); a line when at least
half its length does; a point when it does. The municipality holds everything and is left out:
what names it names no place.

Computed in the database (a spatial join through the spatial index) and kept per content
generation: the outlines change only on publishing."""

from django.contrib.gis.geos import Point
from django.core.cache import cache
from django.db import connection

from assen import generation

from .models import Gebied, Locatie
from .ruimtelijk import COLUMN, TABLE, in_kader, overlapt_sql

OVERLAP = 0.5
PLAATSEN = [Gebied.Soort.WIJK, Gebied.Soort.FOCUSGEBIED, Gebied.Soort.PLEK]


def _ligt_in_sql(binnen: str, omtrek: str) -> str:
    """SQL: the geometry `binnen` lies in the area `omtrek` (both SQL geometries)."""
    deel = f"ST_Intersection({binnen}, {omtrek})"
    return (
        f"ST_Intersects({omtrek}, {binnen}) AND CASE ST_Dimension({binnen}) "
        f"WHEN 2 THEN ST_Area({deel}) >= {OVERLAP} * ST_Area({binnen}) "
        f"WHEN 1 THEN ST_Length({deel}) >= {OVERLAP} * ST_Length({binnen}) "
        f"ELSE ST_Contains({omtrek}, {binnen}) END"
    )


def _paren(omtrekken: list[int], binnen: list[int] | None = None) -> list[tuple[int, int]]:
    """(outline, place) for the places (Locatie ids; None: all) lying in each outline."""
    if not omtrekken:
        return []
    o, b = f"o.{COLUMN}", f"b.{COLUMN}"
    where = [f"o.id IN ({', '.join(['%s'] * len(omtrekken))})", overlapt_sql("b", o)]
    params = list(omtrekken)
    if binnen is not None:
        where.append(f"b.id IN ({', '.join(['%s'] * len(binnen))})")
        params += binnen
    # Only names and placeholders are formatted in; the ids are parameters.
    sql = (
        f"SELECT o.id, b.id FROM {TABLE} o, {TABLE} b WHERE {' AND '.join(where)} "  # noqa: S608
        f"AND {_ligt_in_sql(b, o)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def plaatsen():
    """The published areas with an outline that places can lie in: wijken, focus areas and
    other named places."""
    return (
        Gebied.objects.filter(live=True, soort__in=PLAATSEN, locatie__live=True)
        .select_related("locatie")
        .order_by("soort", "naam")
    )


def ligging() -> dict[int, list[int]]:
    """For every area, the ids of the areas lying in it, itself included: computed once per
    content generation (two queries) and shared."""
    return cache.get_or_set(generation.key("ligging"), _ligging, timeout=generation.TIMEOUT)


def _ligging() -> dict[int, list[int]]:
    gebieden = list(plaatsen().values_list("pk", "locatie_id"))
    op_omtrek = {}
    for pk, locatie in gebieden:
        op_omtrek.setdefault(locatie, []).append(pk)
    omtrekken = list(op_omtrek)
    inside = {pk: [pk] for pk, _ in gebieden}
    for omtrek, binnen in _paren(omtrekken, omtrekken):
        for gebied in op_omtrek[omtrek]:
            # Two areas may share one outline (the Lariks wijk and focus area): each lies in
            # the other.
            inside[gebied] += [pk for pk in op_omtrek[binnen] if pk != gebied]
    return inside


def gebieden_in(gebied: Gebied) -> list[Gebied]:
    """`gebied` itself, then the areas that lie in it."""
    inside = ligging().get(gebied.pk, [gebied.pk])[1:]
    return [gebied, *plaatsen().filter(pk__in=inside)] if inside else [gebied]


def gebieden_om(gebied: Gebied) -> list[Gebied]:
    """The areas an area lies in."""
    holding = [pk for pk, inside in ligging().items() if gebied.pk in inside[1:]]
    return list(plaatsen().filter(pk__in=holding)) if holding else []


def gebieden_op(punt: Point) -> list[Gebied]:
    """The areas holding a point."""
    return list(
        plaatsen().filter(in_kader(punt, pad="locatie__"), locatie__geometrie__contains=punt)
    )


def met_wat_erin_ligt(gebieden: list[Gebied]) -> set[int]:
    """The ids of the areas and of every area lying in one of them, from the shared
    `ligging`."""
    inside = ligging()
    return {pk for gebied in gebieden for pk in inside.get(gebied.pk, [gebied.pk])}


def locaties_in(gebied: Gebied) -> list[int]:
    """The ids of the published places that lie in an area (its own outline included, which
    maps may draw), but the municipality's outline, which lies in none: computed once per
    content generation and shared."""

    def compute():
        ids = [binnen for _, binnen in _paren([gebied.locatie_id])]
        return list(
            Locatie.objects.filter(live=True, pk__in=ids)
            .exclude(gebieden__soort=Gebied.Soort.GEMEENTE)
            .values_list("pk", flat=True)
        )

    if gebied.locatie_id is None:
        return []
    return cache.get_or_set(
        generation.key(f"locaties_in:{gebied.pk}"), compute, timeout=generation.TIMEOUT
    )
