"""The admin's list of uitwerkingen, filterable by status, type and what they serve."""

from django.forms import CheckboxSelectMultiple
from django.utils.translation import gettext_lazy as _
from django_filters import ModelMultipleChoiceFilter, MultipleChoiceFilter
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.pages import PageListingViewSet

from kaarten.models import Gebied

from .models import (
    PrincipePage,
    ThemaPage,
    UitwerkingGebied,
    UitwerkingPage,
    UitwerkingPrincipe,
    UitwerkingThema,
)


class LinkFilter(ModelMultipleChoiceFilter):
    """Pages linked (through an orderable link model) to any of the chosen objects. It filters
    on a subquery of page ids, because the admin's search cannot filter on joined fields."""

    def __init__(self, link_model, page_field: str, target_field: str, **kwargs):
        # (not 'parent': django-filter sets that to the filterset)
        self.link_model, self.page_field, self.target_field = link_model, page_field, target_field
        kwargs.setdefault("widget", CheckboxSelectMultiple)
        super().__init__(**kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        links = self.link_model.objects.filter(**{f"{self.target_field}__in": value})
        return qs.filter(pk__in=links.values(f"{self.page_field}_id"))


class UitwerkingFilterSet(PageListingViewSet.filterset_class):
    status = MultipleChoiceFilter(
        label=_("Status"), choices=UitwerkingPage.Status.choices, widget=CheckboxSelectMultiple
    )
    soort = MultipleChoiceFilter(
        label=_("Soort"), choices=UitwerkingPage.Soort.choices, widget=CheckboxSelectMultiple
    )
    principe = LinkFilter(
        UitwerkingPrincipe,
        "uitwerking",
        "principe",
        label=_("Leidend principe"),
        queryset=PrincipePage.objects.order_by("nummer"),
    )
    thema = LinkFilter(
        UitwerkingThema,
        "uitwerking",
        "thema",
        label=_("Thema"),
        queryset=ThemaPage.objects.order_by("path"),
    )
    gebied = LinkFilter(
        UitwerkingGebied,
        "uitwerking",
        "gebied",
        label=_("Gebied"),
        queryset=Gebied.objects.filter(uitwerking_links__isnull=False).distinct(),
    )

    class Meta:
        model = UitwerkingPage
        fields = []


class UitwerkingListingViewSet(PageListingViewSet):
    model = UitwerkingPage
    icon = "doc-full"
    menu_label = _("Uitwerkingen")
    add_to_admin_menu = True
    menu_order = 220
    filterset_class = UitwerkingFilterSet
    columns = [
        *PageListingViewSet.columns[:1],
        Column("get_soort_display", label=_("Soort"), sort_key="soort"),
        Column("get_status_display", label=_("Status uitwerking"), sort_key="status"),
        *PageListingViewSet.columns[1:],
    ]
