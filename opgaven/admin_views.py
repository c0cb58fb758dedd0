"""The admin's own list of opgaven: every opgave with its chain, filterable by what it links to
and searchable, next to Wagtail's page tree."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.pages import PageListingViewSet

from kaarten.models import Gebied
from visie.admin_views import LinkFilter
from visie.models import PrincipePage, SpoorPage, ThemaPage, UitwerkingPage

from .models import (
    OpgaveGebied,
    OpgavePage,
    OpgavePrincipe,
    OpgaveSpoor,
    OpgaveThema,
    OpgaveUitwerking,
)


class OpgaveFilterSet(PageListingViewSet.filterset_class):
    principe = LinkFilter(
        OpgavePrincipe,
        "opgave",
        "principe",
        label=_("Leidend principe"),
        queryset=PrincipePage.objects.order_by("nummer"),
    )
    spoor = LinkFilter(
        OpgaveSpoor,
        "opgave",
        "spoor",
        label=_("Strategisch spoor"),
        queryset=SpoorPage.objects.order_by("nummer"),
    )
    thema = LinkFilter(
        OpgaveThema,
        "opgave",
        "thema",
        label=_("Thema"),
        queryset=ThemaPage.objects.order_by("path"),
    )
    gebied = LinkFilter(
        OpgaveGebied,
        "opgave",
        "gebied",
        label=_("Gebied"),
        queryset=Gebied.objects.filter(opgave_links__isnull=False).distinct(),
    )
    uitwerking = LinkFilter(
        OpgaveUitwerking,
        "opgave",
        "uitwerking",
        label=_("Uitwerking"),
        queryset=UitwerkingPage.objects.order_by("title"),
    )

    class Meta:
        model = OpgavePage
        fields = ["document"]


class OpgaveListingViewSet(PageListingViewSet):
    model = OpgavePage
    icon = "list-ol"
    menu_label = _("Opgaven")
    add_to_admin_menu = True
    menu_order = 210
    filterset_class = OpgaveFilterSet
    columns = [
        *PageListingViewSet.columns[:1],
        Column("groep", label=_("Groep"), sort_key="groep"),
        Column("nummer", label=_("Nr."), sort_key="nummer"),
        *PageListingViewSet.columns[1:],
    ]
