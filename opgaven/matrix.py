"""The trace matrix: principles and their sporen against the themes, each cell the number of
opgaven (of the current filter) that share that row and that theme, linking to the register
filtered the same way, so matrix, register and exports agree."""

from dataclasses import dataclass, field

from django.db.models import Count

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


LINKS = {"principe": "principe_links__principe__nummer", "spoor": "spoor_links__spoor__nummer"}
THEMA = "thema_links__thema__nummer"


def _counts(opgaven, row: str) -> dict[tuple[str | None, str | None], int]:
    """How many of `opgaven` there are per (row number, theme number) and per row number
    (theme None), `row` being 'principe', 'spoor' or '' for the totals: GROUP BY queries, not a
    loop over the opgaven, so the matrix costs the same at a hundred times the content."""
    selected = opgaven.model.objects.filter(pk__in=opgaven.values("pk"))
    row_key = [LINKS[row]] if row else []
    result = {(None, None): selected.count()} if not row else {}
    for keys in (row_key + [THEMA], row_key):
        if not keys:
            continue
        for entry in selected.values(*keys).annotate(aantal=Count("pk", distinct=True)).order_by():
            row_value = entry[LINKS[row]] if row else None
            result[(row_value, entry.get(THEMA))] = entry["aantal"]
    return result


def build_matrix(opgaven, filters: dict) -> Matrix:
    """`opgaven` is the register's queryset, filtered by `filters` (the register filter's
    cleaned data). A filter on a principle, spoor or theme keeps only the rows and columns that
    agree with it: a cell's link adds its row and column to the filter, and the register takes
    one value per filter."""
    aantallen = {row: _counts(opgaven, row) for row in ("principe", "spoor", "")}
    themas = sorted(ThemaPage.objects.live(), key=thema_order)
    if "thema" in filters:
        themas = [thema for thema in themas if thema.nummer == filters["thema"]]
    sporen = list(SpoorPage.objects.live().order_by("path"))

    def cel(row_key: str, row_value: str | None, thema: str | None) -> Cel:
        query = dict(filters)
        if row_key:
            query[row_key] = row_value
        if thema is not None:
            query["thema"] = thema
        return Cel(aantallen[row_key].get((row_value, thema), 0), register_url(**query))

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
