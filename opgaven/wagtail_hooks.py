from django.db.models import Prefetch
from django.template.loader import render_to_string
from wagtail import hooks

from kaarten.ligging import met_wat_erin_ligt
from kaarten.models import Gebied

from .admin_views import OpgaveListingViewSet
from .filters import gekoppeld, register_url
from .koppelingen import opgaven_of
from .models import OpgaveGebied, OpgavePage

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
    ids, asked = met_wat_erin_ligt(plaatsen), {gebied.pk for gebied in plaatsen}
    opgaven = OpgavePage.objects.live().defer("tekst").order_by("path")
    hier = gekoppeld(opgaven, "gebied_links", gebied_id__in=ids)
    eerste, hier_aantal = _eerste(
        hier.prefetch_related(
            Prefetch(
                "gebied_links",
                queryset=OpgaveGebied.objects.filter(gebied_id__in=ids).select_related("gebied"),
            )
        )
    )
    for opgave in eerste:
        linked = [link.gebied for link in opgave.gebied_links.all()]
        opgave.via = [] if any(gebied.pk in asked for gebied in linked) else linked
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
