"""Exports of the register as CSV and Excel: one row per opgave of the current filter, the
relations as readable columns. Both formats are built from the same rows."""

import csv
import datetime
import io
from collections import defaultdict

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, TYPE_STRING
from openpyxl.styles import Font

from .filters import koppeling

COLUMNS = [
    "Document",
    "Groep",
    "Nummer",
    "Titel",
    "Tekst",
    "Leidende principes",
    "Strategische sporen",
    "Thema's",
    "Gebieden",
    "Uitwerkingen",
    "Bron",
    "Adres",
]
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


# A spreadsheet reads a cell that starts with one of these as a formula (OWASP's CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value):
    """Text that a spreadsheet would run as a formula gets a leading apostrophe, which Excel and
    LibreOffice read as 'this is text'."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return f"'{value}"
    return value


def _xlsx_cell(sheet, value) -> WriteOnlyCell:
    """Text stays text: never a formula, and without the control characters XLSX cannot hold."""
    if not isinstance(value, str):
        return WriteOnlyCell(sheet, value=value)
    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
    cell.data_type = TYPE_STRING
    return cell


def _append_text(sheet, row: list) -> None:
    sheet.append([_xlsx_cell(sheet, value) for value in row])


def _joined(values) -> str:
    return "; ".join(values)


# Per kind of link: the related name on an opgave and the fields that name its target.
LINKED = [
    ("principe_links", ("principe__nummer", "principe__title")),
    ("spoor_links", ("spoor__nummer", "spoor__title")),
    ("thema_links", ("thema__nummer", "thema__title")),
    ("gebied_links", ("gebied__naam",)),
    ("uitwerking_links", ("uitwerking__title",)),
]


def rows(opgaven, base_url: str) -> list[list]:
    """One row per opgave of `opgaven`, in its order; `base_url` is the register's address,
    which the opgaven's own addresses extend. Read as plain values, a query per kind of link:
    a model instance per opgave and link made an export of thousands take seconds."""
    opgaven = opgaven.prefetch_related(None)
    names = {}
    for relation, fields in LINKED:
        link = koppeling(opgaven, relation)
        per_opgave = names[relation] = defaultdict(list)
        for opgave_id, *target in (
            link.objects.filter(opgave__in=opgaven.values("pk"))
            .order_by("opgave_id", "sort_order")
            .values_list("opgave_id", *fields)
        ):
            per_opgave[opgave_id].append(" ".join(str(part) for part in target))
    documents = {value: str(label) for value, label in opgaven.model.Document.choices}
    return [
        [
            documents[document],
            groep,
            nummer,
            title,
            tekst,
            *(_joined(names[relation][pk]) for relation, _ in LINKED),
            bron,
            f"{base_url}{slug}/",
        ]
        for pk, document, groep, nummer, title, tekst, bron, slug in opgaven.values_list(
            "pk", "document", "groep", "nummer", "title", "tekst", "bron", "slug"
        )
    ]


def _csv(table: list[list]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows([_csv_cell(value) for value in row] for row in table)
    # A byte order mark, so that Excel reads the accents as UTF-8.
    return out.getvalue().encode("utf-8-sig")


def _xlsx(table: list[list], description: str) -> bytes:
    # Write-only: rows are streamed to the file, three times faster for a large register.
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Opgaven")
    sheet.freeze_panes = "A2"
    header = []
    for column in COLUMNS:
        cell = WriteOnlyCell(sheet, value=column)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for row in table:
        _append_text(sheet, row)
    about = workbook.create_sheet("Over deze export")
    for line in description.splitlines():
        _append_text(about, [line])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def export_response(
    table: list[list], formaat: str, description: str, peildatum: datetime.date | None
) -> HttpResponse:
    content = _csv(table) if formaat == "csv" else _xlsx(table, description)
    response = HttpResponse(content, content_type=FORMATS[formaat])
    stamp = f"geldend-op-{peildatum}" if peildatum else timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="opgaven-assen-{stamp}.{formaat}"'
    return response
