"""Which area lies in which, and which places lie in an area: derived from the outlines, never
typed. An area lies in another when at least half of it does (the vision's outlines are
indicative and their edges coarse, so neighbours that only touch stay out); a line when at least
half its length does; a point when it does. The municipality holds everything and is left out:
what names it names no place."""

from django.contrib.gis.geos import GEOSGeometry
from django.core.cache import cache

from assen import generation

from .models import Gebied, Locatie

OVERLAP = 0.5
PLAATSEN = [Gebied.Soort.WIJK, Gebied.Soort.FOCUSGEBIED, Gebied.Soort.PLEK]


def ligt_in(geometrie: GEOSGeometry, omtrek: GEOSGeometry) -> bool:
    """Whether a place (point, line or area) lies in an area's outline."""
    if not geometrie.intersects(omtrek):
        return False
    if geometrie.dims == 2:
        return geometrie.intersection(omtrek).area >= OVERLAP * geometrie.area
    if geometrie.dims == 1:
        return geometrie.intersection(omtrek).length >= OVERLAP * geometrie.length
    return omtrek.contains(geometrie)


def plaatsen():
    """The published areas with an outline that places can lie in: wijken, focus areas and
    other named places."""
    return (
        Gebied.objects.filter(live=True, soort__in=PLAATSEN, locatie__live=True)
        .select_related("locatie")
        .order_by("soort", "naam")
    )


def gebieden_in(gebied: Gebied) -> list[Gebied]:
    """`gebied` itself, then the areas that lie in it (one query)."""
    if gebied.soort not in PLAATSEN or gebied.geometrie is None:
        return [gebied]
    omtrek = gebied.geometrie
    inside = [
        other
        for other in plaatsen().filter(locatie__geometrie__intersects=omtrek).exclude(pk=gebied.pk)
        if ligt_in(other.geometrie, omtrek)
    ]
    return [gebied, *inside]


def gebieden_om(geometrie: GEOSGeometry) -> list[Gebied]:
    """The areas a place lies in (one query)."""
    return [
        gebied
        for gebied in plaatsen().filter(locatie__geometrie__intersects=geometrie)
        if ligt_in(geometrie, gebied.geometrie)
    ]


def ligging() -> dict[int, list[int]]:
    """For every area, the ids of the areas lying in it, itself included, for views that show
    all areas at once: computed once per content generation (one query) and shared."""
    return cache.get_or_set(generation.key("ligging"), _ligging, timeout=generation.TIMEOUT)


def _ligging() -> dict[int, list[int]]:
    gebieden = list(plaatsen())
    return {
        gebied.pk: [gebied.pk]
        + [
            other.pk
            for other in gebieden
            if other.pk != gebied.pk and ligt_in(other.geometrie, gebied.geometrie)
        ]
        for gebied in gebieden
    }


def met_wat_erin_ligt(gebieden: list[Gebied]) -> set[int]:
    """The ids of the areas and of every area lying in one of them, from the shared
    `ligging`."""
    inside = ligging()
    return {pk for gebied in gebieden for pk in inside.get(gebied.pk, [gebied.pk])}


def locaties_in(gebied: Gebied):
    """The published places that lie in an area (its own outline included, which maps may
    draw), but the municipality's outline, which lies in none."""
    omtrek = gebied.geometrie
    return [
        locatie
        for locatie in Locatie.objects.filter(live=True, geometrie__intersects=omtrek).exclude(
            gebieden__soort=Gebied.Soort.GEMEENTE
        )
        if ligt_in(locatie.geometrie, omtrek)
    ]
