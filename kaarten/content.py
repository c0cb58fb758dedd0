"""Load the areas and maps of Assen from fixtures/kaarten/: the real CBS boundaries of the
municipality and its wijken, the indicative outlines (gebieden.yaml) of the focus areas and other
places the vision names, the places the maps draw (locaties.yaml), and the maps of the vision with
their layers and features (kaarten.yaml). Each outline and place becomes one Locatie, however
many gebieden and maps use it. All or nothing; what exists is left as staff edited it."""

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.conf import settings
from django.contrib.gis.gdal import DataSource, GDALException
from django.contrib.gis.geos import GEOSException
from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Page, Site

from assen.laden import Geheugen, bewaar

from .geo import as_multipolygon, from_rd_geojson
from .models import Gebied, Kaart, Kaartlaag, Kaartobject, KaartPagina, Locatie

KAARTEN_ROOT = settings.BASE_DIR / "fixtures" / "kaarten"
CBS_CREDIT = (
    "Grenzen: Kadaster / CBS, Gebiedsindelingen 2025 (via PDOK, vereenvoudigd door cartomap/nl)"
)
HELE_GEMEENTE = "Hele gemeente"


class KaartenError(ValueError):
    """An area fixture that cannot be loaded; the message names the file and the entry."""


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)  # by editors: not loaded again


def read_entries(path: Path, error: type[Exception] = KaartenError) -> list[dict]:
    """A fixture file: a YAML list of entries (also read by the opgaven register's loader)."""
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise error(f"{path}: {exc}") from None
    if not isinstance(entries, list):
        raise error(f"{path}: expected a list of entries")
    return entries


def _cbs_features(path: Path):
    try:
        layer = DataSource(str(path))[0]
    except (GDALException, IndexError) as exc:
        raise KaartenError(f"{path}: {exc}") from None
    for feature in layer:
        yield feature.get("statcode"), feature.get("statnaam"), feature.geom.geos


def _herkomst(value) -> str:
    """A provenance as the fixtures write it: one passage, or a list when several maps placed
    the same place after passages of their own."""
    return "\n".join(value) if isinstance(value, list) else value


def _outline(
    geheugen: Geheugen, slug: str, naam: str, geometry, indicatief: bool, herkomst: str
) -> Locatie | None:
    """The Locatie of an area's outline: the one already drawn alike, or a new one."""
    if geometry is None:
        return None
    found = Locatie.objects.filter(geometrie__equals=geometry).first()
    if found is not None:
        if herkomst and herkomst not in found.herkomst:
            found.herkomst = f"{found.herkomst}\n{herkomst}"  # why it also outlines this area
            found.save(update_fields=["herkomst"])
        return found
    locatie = Locatie(
        naam=naam, slug=slug, geometrie=geometry, indicatief=indicatief, herkomst=herkomst
    )
    bewaar(locatie, geheugen.eerste_keer)
    geheugen.onthoud(f"{slug}/grens", locatie)
    return locatie


def _add(
    report: LoadReport,
    geheugen: Geheugen,
    naam: str,
    soort: str,
    slug: str,
    geometrie,
    indicatief: bool = False,
    herkomst: str = "",
    **values,
) -> None:
    known, found = geheugen.bekend(slug, Gebied, Gebied.objects.filter(slug=slug))
    if known:
        (report.unchanged if found else report.deleted).append(slug)
        return
    live = geheugen.eerste_keer
    gebied = Gebied(
        naam=naam,
        soort=soort,
        slug=slug,
        locatie=_outline(geheugen, slug, naam, geometrie, indicatief, herkomst),
        **values,
    )
    bewaar(gebied, live)
    geheugen.onthoud(slug, gebied)
    report.created.append(slug)


@transaction.atomic
def load_gebieden(root: Path = KAARTEN_ROOT) -> LoadReport:
    """Each area once, by its slug in the fixtures (assen.laden): an area an editor deleted
    stays deleted."""
    report = LoadReport()
    geheugen = Geheugen("gebied")
    cbs_files = {
        "assen_gemeente_2025_rd.geojson": Gebied.Soort.GEMEENTE,
        "assen_wijken_2025_rd.geojson": Gebied.Soort.WIJK,
    }
    for filename, soort in cbs_files.items():
        for code, naam, geometry in _cbs_features(root / filename):
            # The municipality is the area of the opgaven that name no place.
            naam = HELE_GEMEENTE if soort == Gebied.Soort.GEMEENTE else naam
            _add(
                report,
                geheugen,
                naam,
                soort=soort,
                slug=Gebied.slug_for(naam, soort),
                cbs_code=code,
                geometrie=as_multipolygon(geometry),
                herkomst=CBS_CREDIT,
            )

    for position, entry in enumerate(read_entries(root / "gebieden.yaml"), start=1):
        where = f"gebieden.yaml, entry {position}"
        try:
            geometry = entry.get("geometrie")
            if geometry is not None:
                geometry = as_multipolygon(from_rd_geojson(geometry))
            _add(
                report,
                geheugen,
                entry["naam"],
                soort=entry["soort"],
                slug=entry["slug"],
                geometrie=geometry,
                indicatief=geometry is not None,
                herkomst=_herkomst(entry.get("herkomst", "")),
            )
        except KeyError as missing:
            raise KaartenError(f"{where}: lacks {missing}") from None
        except (GEOSException, GDALException, ValueError) as exc:
            raise KaartenError(f"{where}: invalid geometry: {exc}") from None
    return report


def load_locaties(root: Path = KAARTEN_ROOT) -> dict[str, dict]:
    """The places of locaties.yaml by slug, as entries; stored when a map first uses them."""
    return {entry["slug"]: entry for entry in read_entries(root / "locaties.yaml")}


def _locatie(slug: str, locaties: dict[str, dict], geheugen: Geheugen, where: str):
    """The place of locaties.yaml with this slug, stored the first time a map uses it; None if
    an editor deleted it since."""
    known, found = geheugen.bekend(slug, Locatie, Locatie.objects.filter(slug=slug))
    if known:
        return found
    entry = locaties.get(slug)
    if entry is None:
        raise KaartenError(f"{where}: no locatie '{slug}' in locaties.yaml")
    geometry = from_rd_geojson(entry["geometrie"])
    if not geometry.valid:
        raise KaartenError(f"locaties.yaml, '{slug}': invalid geometry ({geometry.valid_reason})")
    locatie = Locatie(
        naam=entry["naam"],
        slug=slug,
        geometrie=geometry,
        indicatief=True,
        herkomst=_herkomst(entry["herkomst"]),
    )
    bewaar(locatie, geheugen.eerste_keer)
    geheugen.onthoud(slug, locatie)
    return locatie


def _page_at(path: str, where: str) -> Page:
    """A page given by its URL path below the home page, as the fixtures write it."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise KaartenError(f"{where}: there is no site yet (run load_content first)")
    page = Page.objects.filter(url_path=f"{site.root_page.url_path}{path.strip('/')}/").first()
    if page is None:
        raise KaartenError(f"{where}: no page at {path}")
    return page


def _opgave(slug: str, where: str) -> Page:
    pages = list(Page.objects.filter(slug=slug)[:2])
    if len(pages) != 1:
        raise KaartenError(f"{where}: no single page with slug '{slug}' (run load_opgaven first)")
    return pages[0]


def _feature(laag: Kaartlaag, entry: dict, locaties: dict, geheugen: Geheugen, where: str):
    """The layer's entry, or None where an editor deleted its place."""
    if entry.get("gebied"):
        gebied = Gebied.objects.filter(slug=entry["gebied"]).select_related("locatie").first()
        if gebied is None or gebied.locatie is None:
            raise KaartenError(f"{where}: no gebied with an outline and slug '{entry['gebied']}'")
        locatie = gebied.locatie
    else:
        locatie = _locatie(entry["locatie"], locaties, geheugen, where)
        if locatie is None:
            return None
    if entry.get("opgave"):
        pagina = _opgave(entry["opgave"], where)
    elif entry.get("pagina"):
        pagina = _page_at(entry["pagina"], where)
    else:
        pagina = None
    return Kaartobject(laag=laag, naam=entry["naam"], locatie=locatie, pagina=pagina)


@transaction.atomic
def load_kaarten(root: Path = KAARTEN_ROOT) -> LoadReport:
    """The maps of kaarten.yaml with their layers and features, each map once by its slug in
    the fixture (assen.laden): a map that exists is left as staff edited it, its deleted layers
    included, and a map an editor deleted stays deleted."""
    report = LoadReport()
    locaties = load_locaties(root)
    geheugen, plekken = Geheugen("kaart"), Geheugen("locatie")
    for position, entry in enumerate(read_entries(root / "kaarten.yaml"), start=1):
        where = f"kaarten.yaml, map {position}"
        try:
            known, found = geheugen.bekend(
                entry["slug"], Kaart, Kaart.objects.filter(slug=entry["slug"])
            )
            if known:
                (report.unchanged if found else report.deleted).append(entry["slug"])
                continue
            live = geheugen.eerste_keer
            kaart = Kaart(
                titel=entry["titel"],
                slug=entry["slug"],
                bron=entry["bron"],
                noot=entry.get("noot") or "",
                volgorde=position,
            )
            kaart.paginas = [
                KaartPagina(pagina=_page_at(path, where))
                for path in [entry["pagina"], *(entry.get("ook_op") or [])]
            ]
            kaart.full_clean(exclude=["paginas"])
            bewaar(kaart, live)
            geheugen.onthoud(entry["slug"], kaart)
            for sort_order, laag_entry in enumerate(entry["lagen"]):
                principe = laag_entry.get("principe")
                laag = Kaartlaag(
                    kaart=kaart,
                    sort_order=sort_order,
                    label=laag_entry["label"],
                    groep=laag_entry.get("groep") or "",
                    principe=_page_at(principe, where) if principe else None,
                    kleur=laag_entry["stijl"]["kleur"],
                    vorm=laag_entry["stijl"]["vorm"],
                )
                laag.full_clean(exclude=["kaart"])
                objecten = laag_entry.get("objecten") or []
                if not objecten:
                    raise KaartenError(f"{where}: layer '{laag.label}' has no features")
                features = [
                    _feature(laag, feature, locaties, plekken, f"{where}, '{laag.label}', {n}")
                    for n, feature in enumerate(objecten, start=1)
                ]
                laag.objecten = [feature for feature in features if feature is not None]
                bewaar(laag, live)
                geheugen.onthoud(f"{entry['slug']}/lagen/{sort_order}", laag)
        except KeyError as missing:
            raise KaartenError(f"{where}: lacks {missing}") from None
        except ValidationError as exc:
            raise KaartenError(f"{where}: {exc}") from None
        except (GEOSException, GDALException, ValueError) as exc:
            raise KaartenError(f"{where}: invalid geometry: {exc}") from None
        report.created.append(entry["slug"])
    return report
