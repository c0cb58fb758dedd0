from wagtail import hooks

from .admin_views import UitwerkingListingViewSet
from .models import FocusgebiedPage


@hooks.register("register_admin_viewset")
def register_uitwerkingen_listing():
    return UitwerkingListingViewSet("uitwerkingen")


@hooks.register("kaarten_gebied_paginas")
def focusgebied_paginas(gebieden) -> list[tuple[int, str, str]]:
    """For the areas that 'kaarten' shows: the focus area pages about them, as (area id, title,
    url)."""
    return [
        (page.gebied_id, f"Focusgebied {page.title}", page.url)
        for page in FocusgebiedPage.objects.live().filter(gebied__in=gebieden).order_by("path")
    ]
