"""What the map component shows: a map of the vision, or the features of all maps that are
about one page (a focus area, a theme). Both give the same shape to the template."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, F, Prefetch, QuerySet, Window
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
    # The entries a map put together for a page or area draws; None: all of the map's.
    objecten: QuerySet | None = None

    def tekst_lagen(self) -> list:
        """The layers with their first entries, read only when the text version is rendered
        (which is kept per content generation)."""
        return met_eerste_objecten(self.lagen, self.objecten)


def getoond():
    """The map entries the public sees: on a published layer of a published map, showing a
    published place."""
    return Kaartobject.objects.filter(
        laag__live=True, laag__kaart__live=True, locatie__live=True
    ).select_related("locatie", "pagina")


# A map's text version lists this many entries per layer and links to the rest, so a page
# with a map stays small however many places a layer gets: the Visiekaart's 25 layers with
# their provenance stay under 300 KB at 100x the content (no layer has more than four today).
OBJECTEN_IN_TEKST = 10


def getoonde_lagen() -> Prefetch:
    """A map's published layers (the text version adds their entries)."""
    return Prefetch(
        "lagen", queryset=Kaartlaag.objects.filter(live=True).select_related("principe")
    )


def met_eerste_objecten(lagen: list, objecten: QuerySet | None = None) -> list:
    """Each layer's first entries for the text version (`in_tekst`) and how many it has in
    all (`aantal`), of `objecten` (default: all published ones), in one query."""
    eerste = (
        (getoond() if objecten is None else objecten)
        .filter(laag__in=lagen)
        # SpatiaLite cannot read a geometry through the subquery a window filter makes; the
        # text needs none.
        .defer("locatie__geometrie")
        .annotate(
            rang=Window(
                RowNumber(), partition_by=F("laag_id"), order_by=[F("sort_order"), F("pk")]
            ),
            aantal=Window(Count("pk"), partition_by=F("laag_id")),
        )
        .filter(rang__lte=OBJECTEN_IN_TEKST)
    )
    per_laag = defaultdict(list)
    for kaartobject in eerste:
        per_laag[kaartobject.laag_id].append(kaartobject)
    for laag in lagen:
        laag.in_tekst = per_laag[laag.pk]
        laag.aantal = laag.in_tekst[0].aantal if laag.in_tekst else 0
    return lagen


def kaart_weergave(kaart: Kaart) -> KaartWeergave:
    """`kaart` with its layers prefetched (getoonde_lagen)."""
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
        getoonde_lagen()
    )
    if kaarten:
        return [kaart_weergave(kaart) for kaart in kaarten]
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
    map it comes from; none when there is nothing to show. What each layer shows is read as
    plain values: an area at 100x the content holds thousands of entries."""
    per_laag = defaultdict(set)
    for laag_id, naam, locatie_id in objecten.values_list("laag_id", "naam", "locatie_id"):
        per_laag[laag_id].add((naam, locatie_id))
    lagen = zonder_herhaling(
        Kaartlaag.objects.filter(pk__in=per_laag)
        .select_related("kaart", "principe")
        .order_by("kaart__volgorde", "sort_order"),
        per_laag,
    )
    if not lagen:
        return []
    for laag in lagen:
        laag.groep = laag.kaart.titel  # the legend groups the layers by the map they come from
    return [
        KaartWeergave(
            titel=titel,
            dom_id=dom_id,
            lagen=lagen,
            geojson_url=geojson_url,
            gebied=gebied,
            objecten=objecten,
        )
    ]


def zonder_herhaling(lagen, per_laag: dict[int, set]) -> list:
    """Layers of several maps without what one map repeats of another (the Visiekaart repeats
    the three principles' maps, the map with street names the Visiekaart): a layer stays only
    if it shows a feature (a name on a place, `per_laag`) that no earlier layer with the same
    legend item showed."""
    shown, kept = set(), []
    for laag in lagen:
        features = {(laag.label, laag.kleur, laag.vorm, *feature) for feature in per_laag[laag.pk]}
        if not features <= shown:
            shown |= features
            kept.append(laag)
    return kept


def objecten_in(gebied: Gebied):
    """The entries of all maps showing a place that lies in an area."""
    return getoond().filter(locatie__in=locaties_in(gebied))
