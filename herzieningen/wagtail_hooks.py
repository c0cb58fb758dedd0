from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Herziening


class HerzieningViewSet(SnippetViewSet):
    model = Herziening
    icon = "history"
    menu_label = _("Herzieningen")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["titel", "procedure", "besluit_datum", "in_werking_vanaf"]
    list_filter = ["procedure", "soort"]
    search_fields = ["titel"]


register_snippet(HerzieningViewSet)
