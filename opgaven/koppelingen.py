"""What ties a page of the vision to the opgaven: for each page type, the link that points at it
and the register filter that selects the same opgaven, so a page's list and the filtered register
always agree."""

from kaarten.models import Gebied
from visie.models import FocusgebiedPage, PrincipePage, SpoorPage, ThemaPage, UitwerkingPage

from .filters import register_url
from .models import OpgavePage

# page type: (lookup from an opgave to the page, register filter, the page's value for it)
PAGE_LINKS = {
    PrincipePage: ("principe_links__principe", "principe", lambda page: page.nummer),
    SpoorPage: ("spoor_links__spoor", "spoor", lambda page: page.nummer),
    ThemaPage: ("thema_links__thema", "thema", lambda page: page.nummer),
    UitwerkingPage: ("uitwerking_links__uitwerking", "uitwerking", lambda page: page.slug),
}


def opgaven_of(page) -> tuple[list, str] | None:
    """The live opgaven linked to a page of the vision and the register URL that lists them;
    None for pages that opgaven do not link to."""
    if isinstance(page, FocusgebiedPage):
        if page.gebied_id is None:
            return [], ""
        lookup, key, value = "gebied_links__gebied_id", "gebied", page.gebied.slug
        target = page.gebied_id
    elif type(page) in PAGE_LINKS:
        lookup, key, value_of = PAGE_LINKS[type(page)]
        value, target = value_of(page), page.pk
    else:
        return None
    opgaven = OpgavePage.objects.live().filter(**{lookup: target}).distinct().order_by("path")
    return list(opgaven), register_url(**{key: value})


def opgaven_of_gebieden(gebieden) -> tuple[list, list]:
    """The live opgaven of some areas: those of the areas themselves, and those of the whole
    municipality (which every place in Assen shares)."""
    opgaven = (
        OpgavePage.objects.live()
        .filter(gebied_links__gebied__in=gebieden)
        .distinct()
        .order_by("path")
        .prefetch_related("gebied_links__gebied")
    )
    hier, overal = [], []
    for opgave in opgaven:
        soorten = {
            link.gebied.soort for link in opgave.gebied_links.all() if link.gebied in gebieden
        }
        (hier if soorten - {Gebied.Soort.GEMEENTE} else overal).append(opgave)
    return hier, overal
