from django.template.loader import render_to_string
from django.urls import path
from django.utils.html import format_html_join
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import geometrie_voorbeeld
from .maps import kaarten_van_pagina
from .models import Gebied, Kaart, Kaartobject


class GebiedViewSet(SnippetViewSet):
    model = Gebied
    icon = "site"
    menu_label = "Gebieden"
    add_to_admin_menu = True
    list_display = ["naam", "soort", "cbs_code", "indicatief"]
    list_filter = ["soort", "indicatief"]
    search_fields = ["naam"]


class KaartViewSet(SnippetViewSet):
    model = Kaart
    icon = "globe"
    menu_label = "Kaarten"
    add_to_admin_menu = True
    list_display = ["titel", "bron", "volgorde"]
    search_fields = ["titel"]


class KaartobjectViewSet(SnippetViewSet):
    model = Kaartobject
    icon = "location"
    menu_label = "Kaartobjecten"
    add_to_admin_menu = True
    list_display = ["naam", "laag", "indicatief"]
    list_filter = ["laag__kaart", "indicatief"]
    search_fields = ["naam"]


register_snippet(GebiedViewSet)
register_snippet(KaartViewSet)
register_snippet(KaartobjectViewSet)


@hooks.register("register_admin_urls")
def geometrie_urls():
    """The geometry widget's preview: its text read by the server, for the map."""
    return [
        path(
            "kaarten/geometrie/voorbeeld/",
            geometrie_voorbeeld,
            name="kaarten_geometrie_voorbeeld",
        )
    ]


@hooks.register("visie_page_sections", order=-10)
def kaarten_section(request, page) -> str:
    """The maps of a page of the vision, shown above its other sections."""
    return format_html_join(
        "",
        "{}",
        (
            (render_to_string("kaarten/includes/kaart_sectie.html", {"weergave": w}, request),)
            for w in kaarten_van_pagina(page)
        ),
    )
