"""Load the opgaven register from fixtures/opgaven/ (uitwerkingen.yaml and opgaven.yaml): the
uitwerking pages with what they serve, the register page and one page per opgave with its links
(the gebieden they name come from kaarten' load_gebieden). Like the vision's content: all or
nothing, and what exists is left as editors made it."""

from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify

from assen.laden import Geheugen
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
    """Each uitwerking, the register and each opgave once, by its key in the fixtures
    (assen.laden): what an editor deleted stays deleted, what an editor renamed is not made
    twice, and only a first load publishes."""
    report = LoadReport()
    home = HomePage.objects.get()
    index = UitwerkingenIndexPage.objects.get()
    uitwerkingen = {}
    geheugen = Geheugen("uitwerking")
    for position, entry in enumerate(
        read_entries(root / "uitwerkingen.yaml", OpgavenError), start=1
    ):
        where = f"uitwerkingen.yaml, entry {position}"
        try:
            uitwerkingen[entry["slug"]] = _add_uitwerking(index, entry, geheugen, where)
        except KeyError as missing:
            raise OpgavenError(f"{where}: lacks {missing}") from None

    registers = Geheugen("register")
    known, register = registers.bekend("opgaven", OpgavenRegisterPage, OpgavenRegisterPage.objects)
    if known and register is None:
        report.deleted.append("opgavenregister")  # and so its opgaven
        return report
    if register is None:
        register = OpgavenRegisterPage(title="Opgavenregister", slug="opgaven")
        _add_page(home, register, registers.eerste_keer)
        registers.onthoud("opgaven", register)

    opgaven = Geheugen("opgave")
    for position, entry in enumerate(read_entries(root / "opgaven.yaml", OpgavenError), start=1):
        where = f"opgaven.yaml, entry {position}"
        try:
            _add_opgave(register, entry, uitwerkingen, opgaven, report, where)
        except KeyError as missing:
            raise OpgavenError(f"{where}: lacks {missing}") from None
    return report


def _add_page(parent, page, live: bool) -> None:
    """A new page: published on a first load, else a draft for the workflow."""
    page.live = live
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()


def _add_uitwerking(index, entry: dict, geheugen: Geheugen, where: str):
    """Create the uitwerking, or give the one that the content fixtures made (the Groenvisie)
    the links it lacks; None if an editor deleted it. Once loaded, it is left as editors made
    it."""
    known, page = geheugen.bekend(entry["slug"], UitwerkingPage)
    if known:
        return page
    page = UitwerkingPage.objects.filter(slug=entry["slug"]).first()
    if page is not None and (page.principe_links.exists() or page.thema_links.exists()):
        geheugen.onthoud(entry["slug"], page)  # links given by a load before this memory
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
        _add_page(index, page, geheugen.eerste_keer)
    else:
        revision = page.save_revision()
        if geheugen.eerste_keer:
            revision.publish()
    geheugen.onthoud(entry["slug"], page)
    return page


def _add_opgave(
    register, entry: dict, uitwerkingen: dict, geheugen: Geheugen, report, where: str
) -> None:
    """Create the opgave with its links, unless it was loaded before."""
    slug = f"{entry['document']}-{slugify(entry['groep'])}-{entry['nummer']}"
    known, found = geheugen.bekend(slug, OpgavePage, OpgavePage.objects.filter(slug=slug))
    if known:
        (report.unchanged if found else report.deleted).append(slug)
        return
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
            if uitwerkingen[link["slug"]] is not None  # not one an editor deleted
        ]
    except KeyError as missing:
        raise OpgavenError(f"{where}: unknown uitwerking {missing}") from None
    _add_page(register, opgave, geheugen.eerste_keer)
    geheugen.onthoud(slug, opgave)
    report.created.append(slug)
