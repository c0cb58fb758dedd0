from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Herziening
from .versies import GEREGISTREERD, geldende_versie


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


@hooks.register("before_serve_page")
def pagina_op_peildatum(page, request, serve_args, serve_kwargs):
    """On a ?peildatum, a versioned page as its version in force on that date: the revision
    that version holds, or a 404 that says so when the page did not hold then."""
    peildatum = getattr(request, "peildatum", None)
    if not peildatum or type(page) not in GEREGISTREERD:
        return None
    versie = geldende_versie(page, peildatum)
    if versie is None:
        return render(
            request,
            "herzieningen/niet_op_peildatum.html",
            {"pagina": page, "peildatum": peildatum},
            status=404,
        )
    if versie.revision_id and versie.revision_id != page.live_revision_id:
        return versie.revision.as_object().serve(request, *serve_args, **serve_kwargs)
    return None
