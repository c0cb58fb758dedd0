from wagtail import hooks

from .admin_views import UitwerkingListingViewSet


@hooks.register("register_admin_viewset")
def register_uitwerkingen_listing():
    return UitwerkingListingViewSet("uitwerkingen")
