"""Load the opgaven register from fixtures/opgaven/ (uitwerkingen.yaml and opgaven.yaml): the
gebieden they name, the uitwerking pages, the register page and one page per opgave with its
links. Like the vision's content: all or nothing, and what exists is left as editors made it."""

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.conf import settings
from django.db import transaction
from django.utils.text import slugify

from kaarten.models import Gebied
from visie.models import (
    HomePage,
    PrincipePage,
    SpoorPage,
    ThemaPage,
    UitwerkingenIndexPage,
    UitwerkingPage,
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
HELE_GEMEENTE = "Hele gemeente"
# The CBS units of Assen (Gebiedsindelingen 2025) and the six focus areas of section 3.4.
CBS_GEBIEDEN = {
    HELE_GEMEENTE: ("gemeente", "GM0106"),
    "Centrum": ("wijk", "WK010600"),
    "Lariks": ("wijk", "WK010601"),
    "Noorderpark": ("wijk", "WK010602"),
    "Assen-Oost": ("wijk", "WK010603"),
    "Pittelo": ("wijk", "WK010604"),
    "Assen-West": ("wijk", "WK010605"),
    "Peelo": ("wijk", "WK010606"),
    "Marsdijk": ("wijk", "WK010607"),
    "Kloosterveen": ("wijk", "WK010608"),
    "Buitengebied": ("wijk", "WK010699"),
}
FOCUSGEBIEDEN = [
    "Binnenstad",
    "Havenkwartier",
    "Lariks",
    "Kloosterveen",
    "Assen-Zuid",
    "Toeristisch Recreatieve Zone",
]


class OpgavenError(ValueError):
    """A register fixture that does not hold together; the message names the entry."""


@dataclass
class RegisterReport:
    created: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def _read(path: Path) -> list[dict]:
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise OpgavenError(f"{path}: {exc}") from None
    if not isinstance(entries, list):
        raise OpgavenError(f"{path}: expected a list of entries")
    return entries


def _gebied(naam: str) -> Gebied:
    """Focus areas win over a CBS wijk of the same name: they are the vision's own units."""
    if naam in FOCUSGEBIEDEN:
        soort, code = Gebied.Soort.FOCUSGEBIED, ""
    elif naam in CBS_GEBIEDEN:
        soort, code = CBS_GEBIEDEN[naam]
    else:
        soort, code = Gebied.Soort.PLEK, ""
    slug = slugify(naam) if soort != Gebied.Soort.WIJK else f"wijk-{slugify(naam)}"
    gebied, _ = Gebied.objects.get_or_create(
        naam=naam, soort=soort, defaults={"slug": slug, "cbs_code": code}
    )
    return gebied


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
def load_register(root: Path = OPGAVEN_ROOT) -> RegisterReport:
    report = RegisterReport()
    home = HomePage.objects.get()
    for naam in [*CBS_GEBIEDEN, *FOCUSGEBIEDEN]:
        _gebied(naam)

    index = UitwerkingenIndexPage.objects.get()
    uitwerkingen = {}
    for entry in _read(root / "uitwerkingen.yaml"):
        page = UitwerkingPage.objects.filter(slug=entry["slug"]).first()
        if page is None:
            page = UitwerkingPage(
                title=entry["naam"],
                slug=entry["slug"],
                soort=entry["soort"],
                status=entry["status"],
                bron=entry.get("bron", ""),
            )
            index.add_child(instance=page)
            page.save_revision().publish()
        uitwerkingen[entry["slug"]] = page

    register = OpgavenRegisterPage.objects.first()
    if register is None:
        register = OpgavenRegisterPage(title="Opgavenregister", slug="opgaven")
        home.add_child(instance=register)
        register.save_revision().publish()

    for position, entry in enumerate(_read(root / "opgaven.yaml"), start=1):
        where = f"opgaven.yaml, entry {position}"
        try:
            slug = _add_opgave(register, entry, uitwerkingen, where)
        except KeyError as missing:
            raise OpgavenError(f"{where}: lacks {missing}") from None
        (report.created if slug else report.unchanged).append(slug or where)
    return report


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
        OpgaveGebied(gebied=_gebied(link["naam"]), reden=link.get("reden", ""))
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
