"""What the map component shows: a map of the vision, or the features of all maps that are
about one page (a focus area, a theme). Both give the same shape to the template."""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.urls import reverse

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


def lagen_met_objecten(objecten=None) -> Prefetch:
    objecten = (objecten or Kaartobject.objects).select_related("pagina")
    return Prefetch(
        "lagen",
        queryset=Kaartlaag.objects.prefetch_related(Prefetch("objecten", queryset=objecten)),
    )


def kaart_weergave(kaart: Kaart) -> KaartWeergave:
    """`kaart` with its layers and their features prefetched (lagen_met_objecten)."""
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
    kaarten = Kaart.objects.filter(paginas__pagina=page).prefetch_related(lagen_met_objecten())
    if kaarten:
        return [kaart_weergave(kaart) for kaart in kaarten]
    objecten = Kaartobject.objects.filter(pagina=page)
    gebied = getattr(page, "gebied", None)
    if objecten.exists():
        geojson_url = reverse("kaarten:pagina_geojson", args=[page.pk])
        gebied = None  # the map is about the page's own features, not about its area
    elif gebied is not None and gebied.geometrie is not None:
        objecten = objecten_in(gebied)
        geojson_url = reverse("kaarten:gebied_geojson", args=[gebied.slug])
    else:
        return []
    lagen = zonder_herhaling(
        Kaartlaag.objects.filter(objecten__in=objecten)
        .distinct()
        .select_related("kaart")
        .order_by("kaart__volgorde", "sort_order")
        .prefetch_related(Prefetch("objecten", queryset=objecten.select_related("pagina")))
    )
    if not lagen:
        return []  # an area with nothing of the maps in it
    for laag in lagen:
        laag.groep = laag.kaart.titel  # the legend groups the layers by the map they come from
    return [
        KaartWeergave(
            titel=f"{page.title} op de kaarten van de visie",
            dom_id=f"pagina_{page.pk}",
            lagen=lagen,
            geojson_url=geojson_url,
            gebied=gebied,
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
                kaartobject.geometrie.wkb.tobytes(),
            )
            for kaartobject in laag.objecten.all()
        }
        if not features <= shown:
            shown |= features
            kept.append(laag)
    return kept


def objecten_in(gebied: Gebied):
    """The features of all maps that lie in an area, but for those covering the whole
    municipality (they lie in every area and say nothing about this one)."""
    return Kaartobject.objects.filter(geometrie__intersects=binnenrand(gebied.geometrie)).exclude(
        gebied__soort=Gebied.Soort.GEMEENTE
    )


def binnenrand(geometrie):
    """An area shrunk by 50 m, so that what only touches its coarse edge stays out."""
    inner = geometrie.buffer(-50)
    return geometrie if inner.empty else inner
