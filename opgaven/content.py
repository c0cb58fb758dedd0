"""Load the opgaven register from fixtures/opgaven/ (uitwerkingen.yaml and opgaven.yaml): the
uitwerking pages with what they serve, the register page and one page per opgave with its links
(the gebieden they name come from kaarten' load_gebieden). Like the vision's content: all or
nothing, and what exists is left as editors made it."""

from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify

from kaarten.content import LoadReport, read_entries
from kaarten.models import Gebied
from visie.models import (
    HomePage,
    PrincipePage,
    SpoorPage,
    ThemaPage,
    UitwerkingenIndexPage,
    UitwerkingGebied,
    UitwerkingPage,
    UitwerkingPrincipe,
    UitwerkingThema,
)

from .models import (
    OpgaveGebied,
    OpgavenRegisterPage,
    OpgavePage,
    OpgavePrincipe,
    OpgaveSpoor,
    OpgaveThema,
    OpgaveUitwerking,
)

OPGAVEN_ROOT = settings.BASE_DIR / "fixtures" / "opgaven"
# Where a focus area and a CBS wijk share a name (Lariks), the text means the focus area.
GEBIED_PREFERENCE = [
    Gebied.Soort.FOCUSGEBIED,
    Gebied.Soort.PLEK,
    Gebied.Soort.GEMEENTE,
    Gebied.Soort.WIJK,
]


class OpgavenError(ValueError):
    """A register fixture that does not hold together; the message names the entry."""


def _gebied(naam: str, where: str) -> Gebied:
    gebieden = {g.soort: g for g in Gebied.objects.filter(naam=naam)}
    for soort in GEBIED_PREFERENCE:
        if soort in gebieden:
            return gebieden[soort]
    raise OpgavenError(
        f"{where}: no gebied named '{naam}' (add it to fixtures/kaarten/gebieden.yaml)"
    )


def _by_number(model, nummer: str, where: str):
    page = model.objects.filter(nummer=str(nummer)).first()
    if page is None:
        raise OpgavenError(f"{where}: no {model._meta.verbose_name} numbered {nummer}")
    return page


def _links(entry: dict, key: str, where: str) -> list[dict]:
    links = entry.get(key) or []
    if key != "uitwerkingen" and not links:
        raise OpgavenError(f"{where}: needs at least one link under '{key}'")
    return links


@transaction.atomic
def load_register(root: Path = OPGAVEN_ROOT) -> LoadReport:
    report = LoadReport()
    home = HomePage.objects.get()
    index = UitwerkingenIndexPage.objects.get()
    uitwerkingen = {}
    for position, entry in enumerate(
        read_entries(root / "uitwerkingen.yaml", OpgavenError), start=1
    ):
        where = f"uitwerkingen.yaml, entry {position}"
        try:
            uitwerkingen[entry["slug"]] = _add_uitwerking(index, entry, where)
        except KeyError as missing:
            raise OpgavenError(f"{where}: lacks {missing}") from None

    register = OpgavenRegisterPage.objects.first()
    if register is None:
        register = OpgavenRegisterPage(title="Opgavenregister", slug="opgaven")
        home.add_child(instance=register)
        register.save_revision().publish()

    for position, entry in enumerate(read_entries(root / "opgaven.yaml", OpgavenError), start=1):
        where = f"opgaven.yaml, entry {position}"
        try:
            slug = _add_opgave(register, entry, uitwerkingen, where)
        except KeyError as missing:
            raise OpgavenError(f"{where}: lacks {missing}") from None
        (report.created if slug else report.unchanged).append(slug or where)
    return report


def _add_uitwerking(index, entry: dict, where: str) -> UitwerkingPage:
    """Create the uitwerking, or give one that the content fixtures made (the Groenvisie) the
    links it lacks; an uitwerking that has links is left as editors made it."""
    page = UitwerkingPage.objects.filter(slug=entry["slug"]).first()
    if page is not None and (page.principe_links.exists() or page.thema_links.exists()):
        return page
    if page is None:
        page = UitwerkingPage(
            title=entry["naam"],
            slug=entry["slug"],
            soort=entry["soort"],
            status=entry["status"],
            bron=entry.get("bron", ""),
        )
    page.status_bron = entry.get("status_bron", "")
    page.onderbouwing = entry.get("reden", "")
    page.principe_links = [
        UitwerkingPrincipe(principe=_by_number(PrincipePage, nummer, where))
        for nummer in entry.get("principes") or []
    ]
    page.thema_links = [
        UitwerkingThema(thema=_by_number(ThemaPage, nummer, where))
        for nummer in entry.get("themas") or []
    ]
    page.gebied_links = [
        UitwerkingGebied(gebied=_gebied(naam, where)) for naam in entry.get("gebieden") or []
    ]
    if page.pk is None:
        index.add_child(instance=page)
    page.save_revision().publish()
    return page


def _add_opgave(register, entry: dict, uitwerkingen: dict, where: str) -> str | None:
    """Create the opgave with its links; None when it exists already."""
    slug = f"{entry['document']}-{slugify(entry['groep'])}-{entry['nummer']}"
    if OpgavePage.objects.filter(slug=slug).exists():
        return None
    opgave = OpgavePage(
        title=entry["titel"],
        slug=slug,
        document=entry["document"],
        groep=entry["groep"],
        nummer=entry["nummer"],
        tekst=entry["tekst"],
        bron=entry["bron"],
    )
    opgave.principe_links = [
        OpgavePrincipe(
            principe=_by_number(PrincipePage, link["nummer"], where), reden=link["reden"]
        )
        for link in _links(entry, "principes", where)
    ]
    opgave.spoor_links = [
        OpgaveSpoor(spoor=_by_number(SpoorPage, link["nummer"], where), reden=link["reden"])
        for link in _links(entry, "sporen", where)
    ]
    themas = [{"nummer": entry["thema"], "reden": f"Groep '{entry['groep']}'"}]
    themas += entry.get("extra_themas") or []
    opgave.thema_links = [
        OpgaveThema(thema=_by_number(ThemaPage, link["nummer"], where), reden=link.get("reden", ""))
        for link in themas
    ]
    opgave.gebied_links = [
        OpgaveGebied(gebied=_gebied(link["naam"], where), reden=link.get("reden", ""))
        for link in _links(entry, "gebieden", where)
    ]
    try:
        opgave.uitwerking_links = [
            OpgaveUitwerking(uitwerking=uitwerkingen[link["slug"]], reden=link["reden"])
            for link in _links(entry, "uitwerkingen", where)
        ]
    except KeyError as missing:
        raise OpgavenError(f"{where}: unknown uitwerking {missing}") from None
    register.add_child(instance=opgave)
    opgave.save_revision().publish()
    return slug
