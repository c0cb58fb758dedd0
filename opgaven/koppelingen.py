"""What ties a page of the vision to the opgaven: for each page type, the link that points at it
and the register filter that selects the same opgaven, so a page's list and the filtered register
always agree."""

from django.db.models import Prefetch

from herzieningen.peildatum import geldig_op
from kaarten.ligging import met_wat_erin_ligt
from kaarten.models import Gebied
from visie.models import FocusgebiedPage, PrincipePage, SpoorPage, ThemaPage, UitwerkingPage

from .filters import gekoppeld, register_url
from .models import OpgaveGebied, OpgavePage

# page type: (the opgave's links to it, register filter, the page's value for that filter)
PAGE_LINKS = {
    PrincipePage: ("principe_links", "principe", lambda page: page.nummer),
    SpoorPage: ("spoor_links", "spoor", lambda page: page.nummer),
    ThemaPage: ("thema_links", "thema", lambda page: page.nummer),
    UitwerkingPage: ("uitwerking_links", "uitwerking", lambda page: page.slug),
}


def opgaven_of(page, limit: int, request=None) -> tuple[list, int, str] | None:
    """The first `limit` live opgaven linked to a page of the vision (on the request's
    ?peildatum), how many there are in all, and the register URL that lists them all; None for
    pages that opgaven do not link to."""
    if isinstance(page, FocusgebiedPage):
        if page.gebied_id is None:
            return [], 0, ""
        gebieden = [page.gebied]
        eerste, aantal = eerste_met_via(opgaven_van_gebieden(gebieden, request), gebieden, limit)
        return eerste, aantal, register_url(gebied=page.gebied.slug)
    if type(page) not in PAGE_LINKS:
        return None
    relation, key, value_of = PAGE_LINKS[type(page)]
    opgaven = geldig_op(OpgavePage.objects.live(), request)
    opgaven = gekoppeld(opgaven, relation, **{f"{key}_id": page.pk}).order_by("path")
    return list(opgaven[:limit]), opgaven.count(), register_url(**{key: value_of(page)})


def opgaven_van_gebieden(gebieden: list[Gebied], request=None):
    """The opgaven of some areas: those linked to the areas and to every place lying in them,
    in the register's order. The one definition behind an area's page, the register's filter,
    the matrix, the coverage view and 'Wat speelt er hier?'."""
    opgaven = geldig_op(OpgavePage.objects.live(), request)
    ids = met_wat_erin_ligt(gebieden)
    return gekoppeld(opgaven, "gebied_links", gebied_id__in=ids).order_by("path")


def eerste_met_via(opgaven, gebieden: list[Gebied], limit: int) -> tuple[list, int]:
    """The first `limit` of the opgaven of `gebieden` and how many there are, counted and cut
    in the database (a point in the centre has thousands at 100x the content). Each of the first
    gets `via`: the places it comes through, empty when it names one of the areas itself."""
    ids, asked = met_wat_erin_ligt(gebieden), {gebied.pk for gebied in gebieden}
    links = OpgaveGebied.objects.filter(gebied_id__in=ids).select_related("gebied")
    eerste = list(opgaven.prefetch_related(Prefetch("gebied_links", queryset=links))[:limit])
    for opgave in eerste:
        linked = [link.gebied for link in opgave.gebied_links.all()]
        opgave.via = [] if any(gebied.pk in asked for gebied in linked) else linked
    return eerste, opgaven.count()
