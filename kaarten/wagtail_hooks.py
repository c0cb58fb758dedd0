from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Gebied


class GebiedViewSet(SnippetViewSet):
    model = Gebied
    icon = "site"
    menu_label = "Gebieden"
    add_to_admin_menu = True
    list_display = ["naam", "soort", "cbs_code"]
    list_filter = ["soort"]
    search_fields = ["naam"]


register_snippet(GebiedViewSet)
