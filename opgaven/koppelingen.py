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
        opgaven = opgaven_van_gebieden([page.gebied], request)
        return opgaven[:limit], len(opgaven), register_url(gebied=page.gebied.slug)
    if type(page) not in PAGE_LINKS:
        return None
    relation, key, value_of = PAGE_LINKS[type(page)]
    opgaven = geldig_op(OpgavePage.objects.live(), request)
    opgaven = gekoppeld(opgaven, relation, **{f"{key}_id": page.pk}).order_by("path")
    return list(opgaven[:limit]), opgaven.count(), register_url(**{key: value_of(page)})


def opgaven_van_gebieden(gebieden: list[Gebied], request=None) -> list[OpgavePage]:
    """The opgaven of some areas: those linked to the areas and to every place lying in them.
    Each opgave's `via` names the places it comes through, empty when it names one of the areas
    itself. The one definition behind an area's page, the register's filter, the matrix, the
    coverage view and 'Wat speelt er hier?'."""
    ids, asked = met_wat_erin_ligt(gebieden), {gebied.pk for gebied in gebieden}
    opgaven = list(
        geldig_op(OpgavePage.objects.live(), request)
        .filter(gebied_links__gebied_id__in=ids)
        .distinct()
        .order_by("path")
        .prefetch_related(
            Prefetch("gebied_links", queryset=OpgaveGebied.objects.select_related("gebied"))
        )
    )
    for opgave in opgaven:
        linked = [link.gebied for link in opgave.gebied_links.all() if link.gebied_id in ids]
        opgave.via = [] if any(g.pk in asked for g in linked) else linked
    return opgaven


def opgaven_hier_en_overal(gebieden: list[Gebied], request=None) -> tuple[list, list]:
    """For 'Wat speelt er hier?': the opgaven of the areas at a place, and those of the whole
    municipality (which every place in Assen shares)."""
    hier = opgaven_van_gebieden(gebieden, request) if gebieden else []
    shown = {opgave.pk for opgave in hier}
    overal = [
        opgave
        for opgave in geldig_op(OpgavePage.objects.live(), request)
        .filter(gebied_links__gebied__soort=Gebied.Soort.GEMEENTE)
        .distinct()
        .order_by("path")
        if opgave.pk not in shown
    ]
    return hier, overal
