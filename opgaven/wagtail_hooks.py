from django.template.loader import render_to_string
from wagtail import hooks

from kaarten.models import Gebied

from .admin_views import OpgaveListingViewSet
from .filters import register_url
from .koppelingen import opgaven_hier_en_overal, opgaven_of

# A page lists this many of its opgaven and leaves the rest to the filtered register, so a
# principle's page stays readable however many opgaven the register holds.
OPGAVEN_OP_PAGINA = 25


@hooks.register("visie_page_sections")
def opgaven_section(request, page) -> str:
    """The opgaven of a principle, spoor, theme, focus area or uitwerking, on its page."""
    found = opgaven_of(page, limit=OPGAVEN_OP_PAGINA, request=request)
    if found is None:
        return ""
    opgaven, aantal, url = found
    return render_to_string(
        "opgaven/includes/opgaven_van_pagina.html",
        {"page": page, "opgaven": opgaven, "aantal": aantal, "register_url": url},
        request=request,
    )


@hooks.register("register_admin_viewset")
def register_opgaven_listing():
    return OpgaveListingViewSet("opgaven")


@hooks.register("kaarten_hier_sections")
def opgaven_hier(request, gebieden) -> str:
    """On 'Wat speelt er hier?': the opgaven of the areas at a place, then the city-wide ones."""
    plaatsen = [gebied for gebied in gebieden if gebied.soort != gebied.Soort.GEMEENTE]
    hier, overal = opgaven_hier_en_overal(plaatsen, request)
    gemeente = Gebied.objects.filter(soort=Gebied.Soort.GEMEENTE, live=True).first()
    context = {
        "hier": hier[:OPGAVEN_OP_PAGINA],
        "hier_aantal": len(hier),
        "per_gebied": [(g.naam, register_url(gebied=g.slug)) for g in plaatsen],
        "overal": overal[:OPGAVEN_OP_PAGINA],
        "overal_aantal": len(overal),
        "overal_url": register_url(gebied=gemeente.slug) if gemeente else "",
    }
    return render_to_string("opgaven/includes/opgaven_hier.html", context, request=request)
