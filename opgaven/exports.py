"""Exports of the register as CSV and Excel: one row per opgave of the current filter, the
relations as readable columns. Both formats are built from the same rows."""

import csv
import io

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, TYPE_STRING, Cell
from openpyxl.styles import Font

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


def _xlsx_cell(sheet, value) -> Cell:
    """Text stays text: never a formula, and without the control characters XLSX cannot hold."""
    if not isinstance(value, str):
        return Cell(sheet, value=value)
    cell = Cell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
    cell.data_type = TYPE_STRING
    return cell


def _append_text(sheet, row: list) -> None:
    # Cells made before appending: reading the appended row back (sheet[sheet.max_row]) scans
    # the whole sheet, which made a large export quadratic.
    sheet.append([_xlsx_cell(sheet, value) for value in row])


def _joined(values) -> str:
    return "; ".join(values)


def rows(opgaven, request) -> list[list]:
    """`opgaven` with their links prefetched; the order is the register's."""
    return [
        [
            opgave.get_document_display(),
            opgave.groep,
            opgave.nummer,
            opgave.title,
            opgave.tekst,
            _joined(
                f"{link.principe.nummer} {link.principe.title}"
                for link in opgave.principe_links.all()
            ),
            _joined(f"{link.spoor.nummer} {link.spoor.title}" for link in opgave.spoor_links.all()),
            _joined(f"{link.thema.nummer} {link.thema.title}" for link in opgave.thema_links.all()),
            _joined(link.gebied.naam for link in opgave.gebied_links.all()),
            _joined(link.uitwerking.title for link in opgave.uitwerking_links.all()),
            opgave.bron,
            request.build_absolute_uri(opgave.get_url(request)),
        ]
        for opgave in opgaven
    ]


def _csv(table: list[list]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows([_csv_cell(value) for value in row] for row in table)
    # A byte order mark, so that Excel reads the accents as UTF-8.
    return out.getvalue().encode("utf-8-sig")


def _xlsx(table: list[list], description: str) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Opgaven"
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table:
        _append_text(sheet, row)
    sheet.freeze_panes = "A2"
    about = workbook.create_sheet("Over deze export")
    for line in description.splitlines():
        _append_text(about, [line])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def export_response(opgaven, request, formaat: str, description: str) -> HttpResponse:
    table = rows(opgaven, request)
    content = _csv(table) if formaat == "csv" else _xlsx(table, description)
    response = HttpResponse(content, content_type=FORMATS[formaat])
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="opgaven-assen-{stamp}.{formaat}"'
    return response
