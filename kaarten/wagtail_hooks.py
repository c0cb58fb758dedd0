from django.template.loader import render_to_string
from django.urls import path, reverse_lazy
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_views import geodata_importeren, geometrie_voorbeeld
from .maps import kaarten_van_pagina
from .models import Gebied, Kaart, Kaartlaag, Locatie

VORMEN = {0: _("punt"), 1: _("lijn"), 2: _("vlak")}


def ja_nee(name: str, label: str, accessor) -> Column:
    """A yes/no column in Dutch words instead of True/False."""
    return Column(name, label=label, accessor=lambda obj: _("ja") if accessor(obj) else _("nee"))


class GebiedViewSet(SnippetViewSet):
    model = Gebied
    icon = "site"
    menu_label = _("Gebieden")
    list_display = [
        "naam",
        "soort",
        "cbs_code",
        ja_nee("indicatief", _("grens indicatief"), lambda gebied: gebied.indicatief),
    ]
    list_filter = ["soort"]

    def get_queryset(self, request):
        return Gebied.objects.select_related("locatie")  # each row's "indicatief" reads it


class LocatieViewSet(SnippetViewSet):
    model = Locatie
    icon = "location"
    menu_label = _("Locaties")
    list_display = [
        "naam",
        Column("vorm", label=_("vorm"), accessor=lambda loc: VORMEN[loc.geometrie.dims]),
        ja_nee("indicatief", _("indicatief"), lambda locatie: locatie.indicatief),
        Column("gebruik", label=_("op kaarten"), accessor=lambda loc: len(loc.kaartobjecten.all())),
    ]
    list_filter = ["indicatief"]

    def get_queryset(self, request):
        return Locatie.objects.prefetch_related("kaartobjecten")  # counted with the list


class KaartViewSet(SnippetViewSet):
    model = Kaart
    icon = "globe"
    menu_label = _("Kaarten")
    list_display = ["titel", "bron", "volgorde"]
    search_fields = ["titel"]


def stijl(laag: Kaartlaag):
    """The layer's colour as a swatch beside its shape and code."""
    return format_html(
        '<span class="kaart-staal" aria-hidden="true" style="display:inline-block;width:1em;'
        'height:1em;vertical-align:middle;background:{}"></span> {} {}',
        laag.kleur,
        laag.get_vorm_display().lower(),
        laag.kleur,
    )


class KaartlaagViewSet(SnippetViewSet):
    model = Kaartlaag
    icon = "list-ul"
    menu_label = _("Kaartlagen")
    list_display = ["label", "kaart", Column("stijl", label=_("stijl"), accessor=stijl)]
    list_filter = ["kaart", "vorm"]
    search_fields = ["label"]


class KaartenGroup(SnippetViewSetGroup):
    """Everything of the maps under one 'Kaarten' menu, edited through the same workflow as
    the pages."""

    items = (KaartViewSet, KaartlaagViewSet, LocatieViewSet, GebiedViewSet)
    menu_icon = "globe"
    menu_label = _("Kaarten")
    menu_name = "kaarten"

    def get_submenu_items(self):
        return [
            *super().get_submenu_items(),
            ImportMenuItem(
                _("Geodata importeren"),
                reverse_lazy("kaarten_importeren"),
                icon_name="upload",
                order=len(self.items) + 1,
            ),
        ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("kaarten.import_geodata")


register_snippet(KaartenGroup)


@hooks.register("register_admin_urls")
def geometrie_urls():
    """The geometry widget's preview: its text read by the server, for the map."""
    return [
        path(
            "kaarten/geometrie/voorbeeld/",
            geometrie_voorbeeld,
            name="kaarten_geometrie_voorbeeld",
        ),
        path("kaarten/importeren/", geodata_importeren, name="kaarten_importeren"),
    ]


@hooks.register("visie_page_sections", order=-10)
def kaarten_section(request, page) -> str:
    """The maps of a page of the vision, shown above its other sections."""
    return format_html_join(
        "",
        "{}",
        (
            (
                render_to_string(
                    "kaarten/includes/kaart_sectie.html", {"weergave": w, "page": page}, request
                ),
            )
            for w in kaarten_van_pagina(page)
        ),
    )
