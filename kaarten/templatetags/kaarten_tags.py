from dataclasses import dataclass, field

from django import template
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.html import format_html
from leaflet.templatetags.leaflet_tags import leaflet_map

from assen import generation

from ..maps import OBJECTEN_IN_TEKST

register = template.Library()
ZONDER_PRINCIPE = "Overige lagen"


@dataclass
class Groep:
    """Legend items under one switch: those of one leading principle, or the rest."""

    naam: str
    principe_id: int | None
    lagen: list = field(default_factory=list)
    aan: bool = True


def groepen(lagen, pagina=None, een_kaart=True) -> list[Groep]:
    """The layers grouped by principle, in their order. A map of the whole vision, with all
    three principles (the Visiekaart), opens with one group on: the principle of the page it
    stands on (a principle or one of its sporen), else the first; the others are a switch away.
    Other maps, and a map put together for one page or area (een_kaart False), show everything
    they have."""
    by_key: dict = {}
    for laag in lagen:
        principe = laag.principe
        key = principe.pk if principe else None
        if key not in by_key:
            naam = principe.title if principe else ZONDER_PRINCIPE
            by_key[key] = Groep(naam=naam, principe_id=key)
        by_key[key].lagen.append(laag)
    result = list(by_key.values())
    principled = [g for g in result if g.principe_id is not None]
    if een_kaart and len(principled) >= 3:
        ids = set()
        if pagina is not None and pagina.depth > 1:
            ids = {pagina.pk, pagina.get_parent().pk}  # a principle, or a spoor under it
        chosen = next((g for g in principled if g.principe_id in ids), principled[0])
        for groep in principled:
            groep.aan = groep is chosen
    return result


@register.inclusion_tag("kaarten/includes/kaart.html", takes_context=True)
def kaart(context, weergave, tekst_open=False):
    """The map component: the Leaflet map, its legend as layer switcher, and the same
    features as text."""
    return {
        "request": context.get("request"),
        "tekst_open": tekst_open,
        "tekst": kaart_tekst(weergave, context.get("request")),
        "groepen": groepen(weergave.lagen, context.get("page"), bool(weergave.kaart_url)),
        **vars(weergave),
    }


def kaart_tekst(weergave, request) -> str:
    """The map as text, every layer's first entries: most of what a page with a map costs to
    render, and the same wherever the map stands, so rendered once per content generation."""

    def render():
        context = {
            "lagen": weergave.tekst_lagen(),
            "gebied": weergave.gebied,
            "objecten_in_tekst": OBJECTEN_IN_TEKST,
        }
        return render_to_string("kaarten/includes/kaart_tekst.html", context, request)

    key = generation.key(f"kaart-tekst:{weergave.dom_id}")
    return cache.get_or_set(key, render, timeout=generation.TIMEOUT)


@register.simple_tag(takes_context=True)
def kaart_middelen(context) -> str:
    """Leaflet and the map script, once per page, only on pages that show a map."""
    request = context.get("request")
    if request is None or getattr(request, "_kaart_middelen", False):
        return ""
    request._kaart_middelen = True  # this request only: the next page decides anew
    return render_to_string("kaarten/includes/middelen.html", request=request)


@register.simple_tag
def kaartvenster(dom_id: str, start: str) -> str:
    """The element a Leaflet map grows in, with django-leaflet's options (tiles, extent, zooms)
    as data, so kaart.js starts it without the inline script of django-leaflet's own tag, which
    the Content-Security-Policy forbids. `start` names the function that fills it: 'kaart' for
    the maps of the vision, 'hier' for Wat speelt er hier?."""
    return format_html(
        '<div id="{}" class="leaflet-container-default" data-leaflet="{}" data-start="{}"></div>',
        dom_id,
        leaflet_map(dom_id)["djoptions"],
        start,
    )
