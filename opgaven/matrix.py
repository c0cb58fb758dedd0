"""The trace matrix: principles and their sporen against the themes, each cell the number of
opgaven (of the current filter) that share that row and that theme, linking to the register
filtered the same way, so matrix, register and exports agree."""

from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count

from assen import generation
from visie.models import PrincipePage, SpoorPage, ThemaPage

from .filters import koppeling, register_url, thema_order


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


def _counts(opgaven, row: str) -> dict[tuple[int | None, int | None], int]:
    """How many of `opgaven` there are per (row page id, theme id) and per row page id (theme
    None), `row` being 'principe' or 'spoor'; for '' per theme id (row None) and in all. GROUP
    BY queries on the link tables, not a loop over the opgaven, so the matrix costs the same at
    a hundred times the content."""
    selected = opgaven.values("pk")

    def grouped(relation: str, *fields: str):
        links = koppeling(opgaven, relation)
        return (
            links.objects.filter(opgave_id__in=selected)
            .values_list(*fields)
            .annotate(aantal=Count("opgave_id", distinct=True))
            .order_by()
        )

    if not row:
        result = {(None, None): opgaven.model.objects.filter(pk__in=selected).count()}
        result |= {(None, thema): aantal for thema, aantal in grouped("thema_links", "thema_id")}
        return result
    per_thema = grouped(f"{row}_links", f"{row}_id", "opgave__thema_links__thema_id")
    result = {(page, thema): aantal for page, thema, aantal in per_thema if thema is not None}
    result |= {(page, None): aantal for page, aantal in grouped(f"{row}_links", f"{row}_id")}
    return result


def _paginas() -> tuple[list, list, list]:
    """The principles, sporen and themes that make the rows and columns, once per content
    generation from the shared cache, without their texts."""
    key = generation.key("opgaven:matrix")
    found = cache.get(key)
    if found is None:
        found = (
            list(PrincipePage.objects.live().defer_streamfields().order_by("nummer")),
            list(SpoorPage.objects.live().defer_streamfields().order_by("path")),
            sorted(ThemaPage.objects.live().defer_streamfields(), key=thema_order),
        )
        cache.set(key, found, timeout=generation.TIMEOUT)
    return found


def build_matrix(opgaven, filters: dict) -> Matrix:
    """`opgaven` is the register's queryset, filtered by `filters` (the register filter's
    cleaned data). A filter on a principle, spoor or theme keeps only the rows and columns that
    agree with it: a cell's link adds its row and column to the filter, and the register takes
    one value per filter."""
    aantallen = {row: _counts(opgaven, row) for row in ("principe", "spoor", "")}
    principes, sporen, themas = _paginas()
    if "thema" in filters:
        themas = [thema for thema in themas if thema.nummer == filters["thema"]]

    def cel(row_key: str, row_page, thema: ThemaPage | None) -> Cel:
        query = dict(filters)
        if row_key:
            query[row_key] = row_page.nummer
        if thema is not None:
            query["thema"] = thema.nummer
        aantal = aantallen[row_key].get((row_page and row_page.pk, thema and thema.pk), 0)
        return Cel(aantal, register_url(**query))

    def rij(page, key: str) -> Rij:
        return Rij(
            page=page,
            is_spoor=key == "spoor",
            cellen=[cel(key, page, thema) for thema in themas],
            totaal=cel(key, page, None),
        )

    rijen = []
    for principe in principes:
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
        kolomtotalen=[cel("", None, thema) for thema in themas],
        totaal=cel("", None, None),
    )
