from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Herziening, Versie
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


def _vastgelegd(objects) -> list:
    """Those of `objects` (pages with everything under them, or snippets) of which a herziening
    made a version: adopted or proposed policy, which deleting would lose."""
    found = []
    for obj in objects:
        if isinstance(obj, Page):
            ids = Page.objects.descendant_of(obj, inclusive=True).values_list("id", flat=True)
            kinds = [m for m in GEREGISTREERD if issubclass(m, Page)]
        else:
            ids, kinds = [obj.pk], [type(obj)]
        types = ContentType.objects.get_for_models(*kinds).values() if kinds else []
        if Versie.objects.filter(content_type__in=types, object_id__in=list(ids)).exists():
            found.append(obj)
    return found


def _weigeren(request, objects, terug: str):
    namen = ", ".join(f"“{obj}”" for obj in objects)
    messages.error(
        request,
        _(
            "%(namen)s kan niet worden verwijderd: het is (of bevat) beleid dat een herziening "
            "heeft vastgelegd, en verwijderen zou die versie verliezen. Laat het vervallen met "
            "een nieuwe herziening."
        )
        % {"namen": namen},
    )
    return redirect(terug)


@hooks.register("before_delete_page")
def geen_vastgelegde_pagina_verwijderen(request, page):
    if _vastgelegd([page]):
        return _weigeren(request, [page], _terug(page))
    return None


@hooks.register("before_delete_snippet")
def geen_vastgelegd_snippet_verwijderen(request, instances):
    if type(instances[0]) in GEREGISTREERD and (weigeren := _vastgelegd(instances)):
        return _weigeren(request, weigeren, _terug(instances[0]))
    return None


@hooks.register("before_bulk_action")
def geen_vastgelegd_beleid_in_bulk_verwijderen(request, action_type, objects, action_class):
    if action_type != "delete":
        return None
    versioned = [obj for obj in objects if isinstance(obj, Page) or type(obj) in GEREGISTREERD]
    if weigeren := _vastgelegd(versioned):
        return _weigeren(request, weigeren, _terug(weigeren[0]))
    return None


def _terug(obj) -> str:
    """Where the refusal is shown: the listing the object was deleted from."""
    if isinstance(obj, Page):
        return reverse("wagtailadmin_explore", args=[obj.get_parent().pk])
    return reverse(obj.snippet_viewset.get_url_name("list"))
