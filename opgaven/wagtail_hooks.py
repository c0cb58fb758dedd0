from django.template.loader import render_to_string
from wagtail import hooks

from herzieningen.peildatum import geldig_op
from kaarten.models import Gebied

from .admin_views import OpgaveListingViewSet
from .filters import gekoppeld, register_url
from .koppelingen import eerste_met_via, opgaven_of, opgaven_van_gebieden
from .models import OpgavePage

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


def _eerste(opgaven) -> tuple[list, int]:
    return list(opgaven[:OPGAVEN_OP_PAGINA]), opgaven.count()


@hooks.register("kaarten_hier_sections")
def opgaven_hier(request, gebieden) -> str:
    """On 'Wat speelt er hier?': the opgaven of the areas at a place (as
    `koppelingen.opgaven_van_gebieden` defines them), then the city-wide ones not already listed,
    the first OPGAVEN_OP_PAGINA of each and how many there are. A point in the centre has
    thousands at 100x the content, so they are counted and cut in the database, and only the
    first are marked with the places they come through."""
    plaatsen = [gebied for gebied in gebieden if gebied.soort != gebied.Soort.GEMEENTE]
    opgaven = geldig_op(OpgavePage.objects.live(), request).defer("tekst").order_by("path")
    hier = opgaven_van_gebieden(plaatsen, request).defer("tekst")
    eerste, hier_aantal = eerste_met_via(hier, plaatsen, OPGAVEN_OP_PAGINA)
    overal = gekoppeld(opgaven, "gebied_links", gebied__soort=Gebied.Soort.GEMEENTE).exclude(
        pk__in=hier.values("pk")
    )
    overal, overal_aantal = _eerste(overal)
    gemeente = Gebied.objects.filter(soort=Gebied.Soort.GEMEENTE, live=True).first()
    context = {
        "hier": eerste,
        "hier_aantal": hier_aantal,
        "per_gebied": [(g.naam, register_url(gebied=g.slug)) for g in plaatsen],
        "overal": overal,
        "overal_aantal": overal_aantal,
        "overal_url": register_url(gebied=gemeente.slug) if gemeente else "",
    }
    return render_to_string("opgaven/includes/opgaven_hier.html", context, request=request)
