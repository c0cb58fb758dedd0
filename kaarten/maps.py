"""What the map component shows: a map of the vision, or the features of all maps that are
about one page (a focus area, a theme). Both give the same shape to the template."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, F, Prefetch, Q, Window
from django.db.models.functions import RowNumber
from django.urls import reverse

from .ligging import locaties_in
from .models import Gebied, Kaart, Kaartlaag, Kaartobject


@dataclass
class KaartWeergave:
    titel: str
    dom_id: str
    lagen: list
    geojson_url: str
    bron: str = ""
    noot: str = ""
    kaart_url: str = ""
    # The area a map of one area is about: drawn as its outline, and the map opens on it.
    gebied: Gebied | None = None


def getoond():
    """The map entries the public sees: on a published layer of a published map, showing a
    published place."""
    return Kaartobject.objects.filter(
        laag__live=True, laag__kaart__live=True, locatie__live=True
    ).select_related("locatie", "pagina")


# A map's text version lists this many entries per layer and links to the rest, so a page
# with a map stays small however many places a layer gets.
OBJECTEN_IN_TEKST = 25


def lagen_met_objecten() -> Prefetch:
    """A map's published layers with how many entries each has (kaart_weergave adds the
    first ones)."""
    return Prefetch(
        "lagen",
        queryset=Kaartlaag.objects.filter(live=True)
        .select_related("principe")
        .annotate(aantal=Count("objecten", filter=Q(objecten__locatie__live=True))),
    )


def met_eerste_objecten(lagen: list) -> list:
    """Each layer's first entries for the text version (`in_tekst`), in one query."""
    eerste = (
        getoond()
        .filter(laag__in=lagen)
        # SpatiaLite cannot read a geometry through the subquery a window filter makes; the
        # text needs none.
        .defer("locatie__geometrie")
        .annotate(
            rang=Window(RowNumber(), partition_by=F("laag_id"), order_by=[F("sort_order"), F("pk")])
        )
        .filter(rang__lte=OBJECTEN_IN_TEKST)
    )
    per_laag = defaultdict(list)
    for kaartobject in eerste:
        per_laag[kaartobject.laag_id].append(kaartobject)
    for laag in lagen:
        laag.in_tekst = per_laag[laag.pk]
    return lagen


def kaart_weergave(kaart: Kaart) -> KaartWeergave:
    """`kaart` with its layers prefetched (lagen_met_objecten) and their first entries."""
    return kaart_weergaven([kaart])[0]


def kaart_weergaven(kaarten) -> list[KaartWeergave]:
    """Several maps at once: the first entries of all their layers come in one query."""
    kaarten = list(kaarten)
    met_eerste_objecten([laag for kaart in kaarten for laag in kaart.lagen.all()])
    return [_weergave(kaart) for kaart in kaarten]


def _weergave(kaart: Kaart) -> KaartWeergave:
    return KaartWeergave(
        titel=kaart.titel,
        dom_id=f"kaart_{kaart.pk}",
        lagen=list(kaart.lagen.all()),
        geojson_url=reverse("kaarten:geojson", args=[kaart.slug]),
        bron=kaart.bron,
        noot=kaart.noot,
        kaart_url=reverse("kaarten:kaart", args=[kaart.slug]),
    )


def kaarten_van_pagina(page) -> list[KaartWeergave]:
    """The maps that stand on a page. A page without its own map gets one map of the features
    of all maps that are about it, or, for a page about an area (one with a `gebied`, like a
    focus area), that lie in that area."""
    kaarten = Kaart.objects.filter(live=True, paginas__pagina=page).prefetch_related(
        lagen_met_objecten()
    )
    if kaarten:
        return kaart_weergaven(kaarten)
    objecten = getoond().filter(pagina=page)
    if objecten.exists():
        # The map is about the page's own features, not about its area.
        url = reverse("kaarten:pagina_geojson", args=[page.pk])
        return samengesteld(
            objecten, f"{page.title} op de kaarten van de visie", url, f"pagina_{page.pk}"
        )
    gebied = getattr(page, "gebied", None)
    if gebied is not None and gebied.geometrie is not None:
        return kaart_van_gebied(gebied, page.title)
    return []


def kaart_van_gebied(gebied: Gebied, titel: str) -> list[KaartWeergave]:
    """One map of what the maps of the vision draw in an area, outlining the area."""
    url = reverse("kaarten:gebied_geojson", args=[gebied.slug])
    return samengesteld(
        objecten_in(gebied),
        f"{titel} op de kaarten van de visie",
        url,
        f"gebied_{gebied.pk}",
        gebied=gebied,
    )


def samengesteld(
    objecten, titel: str, geojson_url: str, dom_id: str, gebied=None
) -> list[KaartWeergave]:
    """One map of entries taken from several maps, each shown once, the legend grouped by the
    map it comes from; none when there is nothing to show."""
    lagen = zonder_herhaling(
        Kaartlaag.objects.filter(objecten__in=objecten)
        .distinct()
        .select_related("kaart", "principe")
        .order_by("kaart__volgorde", "sort_order")
        .prefetch_related(Prefetch("objecten", queryset=objecten))
    )
    if not lagen:
        return []
    for laag in lagen:
        laag.groep = laag.kaart.titel  # the legend groups the layers by the map they come from
        laag.aantal = len(laag.objecten.all())
        laag.in_tekst = laag.objecten.all()[:OBJECTEN_IN_TEKST]
    return [
        KaartWeergave(
            titel=titel, dom_id=dom_id, lagen=lagen, geojson_url=geojson_url, gebied=gebied
        )
    ]


def zonder_herhaling(lagen) -> list:
    """Layers of several maps without what one map repeats of another (the Visiekaart repeats
    the three principles' maps, the map with street names the Visiekaart): a layer stays only
    if it shows a feature that no earlier layer with the same legend item showed."""
    shown, kept = set(), []
    for laag in lagen:
        features = {
            (
                laag.label,
                laag.kleur,
                laag.vorm,
                kaartobject.naam,
                kaartobject.locatie_id,
            )
            for kaartobject in laag.objecten.all()
        }
        if not features <= shown:
            shown |= features
            kept.append(laag)
    return kept


def objecten_in(gebied: Gebied):
    """The entries of all maps showing a place that lies in an area."""
    return getoond().filter(locatie__in=locaties_in(gebied))
