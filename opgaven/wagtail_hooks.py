from django.template.loader import render_to_string
from wagtail import hooks

from .admin_views import OpgaveListingViewSet
from .koppelingen import opgaven_hier_en_overal, opgaven_of

# A page lists this many of its opgaven and leaves the rest to the filtered register, so a
# principle's page stays readable however many opgaven the register holds.
OPGAVEN_OP_PAGINA = 25


@hooks.register("visie_page_sections")
def opgaven_section(request, page) -> str:
    """The opgaven of a principle, spoor, theme, focus area or uitwerking, on its page."""
    found = opgaven_of(page, limit=OPGAVEN_OP_PAGINA)
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
    hier, overal = opgaven_hier_en_overal(
        [gebied for gebied in gebieden if gebied.soort != gebied.Soort.GEMEENTE]
    )
    return render_to_string(
        "opgaven/includes/opgaven_hier.html", {"hier": hier, "overal": overal}, request=request
    )
