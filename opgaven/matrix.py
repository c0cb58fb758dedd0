"""The trace matrix: principles and their sporen against the themes, each cell the number of
opgaven (of the current filter) that share that row and that theme, linking to the register
filtered the same way, so matrix, register and exports agree."""

from dataclasses import dataclass, field

from visie.models import PrincipePage, SpoorPage, ThemaPage

from .filters import register_url, thema_order


@dataclass
class Cel:
    aantal: int
    url: str


@dataclass
class Rij:
    page: PrincipePage | SpoorPage
    is_spoor: bool
    cellen: list[Cel] = field(default_factory=list)
    totaal: Cel | None = None


@dataclass
class Matrix:
    themas: list[ThemaPage]
    rijen: list[Rij]
    kolomtotalen: list[Cel]
    totaal: Cel


def build_matrix(opgaven: list, filters: dict) -> Matrix:
    """`opgaven` come filtered by `filters` (the register filter's cleaned data) and with their
    links prefetched. A filter on a principle, spoor or theme keeps only the rows and columns
    that agree with it: a cell's link adds its row and column to the filter, and the register
    takes one value per filter."""
    linked = [
        (
            {link.principe.nummer for link in opgave.principe_links.all()},
            {link.spoor.nummer for link in opgave.spoor_links.all()},
            {link.thema.nummer for link in opgave.thema_links.all()},
        )
        for opgave in opgaven
    ]
    themas = sorted(ThemaPage.objects.live(), key=thema_order)
    if "thema" in filters:
        themas = [thema for thema in themas if thema.nummer == filters["thema"]]
    sporen = list(SpoorPage.objects.live().order_by("path"))

    def cel(row_key: str, row_value: str | None, thema: str | None) -> Cel:
        index = {"principe": 0, "spoor": 1}.get(row_key)
        aantal = sum(
            1
            for links in linked
            if (index is None or row_value in links[index]) and (thema is None or thema in links[2])
        )
        query = dict(filters)
        if index is not None:
            query[row_key] = row_value
        if thema is not None:
            query["thema"] = thema
        return Cel(aantal, register_url(**query))

    def rij(page, key: str) -> Rij:
        return Rij(
            page=page,
            is_spoor=key == "spoor",
            cellen=[cel(key, page.nummer, thema.nummer) for thema in themas],
            totaal=cel(key, page.nummer, None),
        )

    rijen = []
    for principe in PrincipePage.objects.live().order_by("nummer"):
        if filters.get("principe", principe.nummer) != principe.nummer:
            continue
        rijen.append(rij(principe, "principe"))
        for spoor in sporen:
            if (
                spoor.path.startswith(principe.path)
                and filters.get("spoor", spoor.nummer) == spoor.nummer
            ):
                rijen.append(rij(spoor, "spoor"))
    return Matrix(
        themas=themas,
        rijen=rijen,
        kolomtotalen=[cel("", None, thema.nummer) for thema in themas],
        totaal=cel("", None, None),
    )
