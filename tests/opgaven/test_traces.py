"""Tracing opgaven from every side: the pages they link to list them, the matrix counts them,
the coverage view shows what is missing, and the exports carry the same selection. Register,
matrix and exports must agree for any filter."""

import csv
import io
import re
from html import unescape

import openpyxl
import pytest

from opgaven.models import OpgavenRegisterPage, OpgavePage, OpgaveThema
from tests.factories import groei
from visie.models import (
    FocusgebiedPage,
    HoofdstukPage,
    PrincipePage,
    SpoorPage,
    ThemaPage,
    UitwerkingPage,
)

pytestmark = [pytest.mark.django_db, pytest.mark.echte_inhoud]


@pytest.fixture
def register_url():
    return OpgavenRegisterPage.objects.get().url


def live_opgaven(**lookup):
    return OpgavePage.objects.live().filter(**lookup).distinct()


def register_count(client, url: str) -> int:
    response = client.get(url)
    assert response.status_code == 200, url
    found = re.search(r'class="register__aantal"[^>]*>(\d+) opgave', response.content.decode())
    return int(found.group(1))


@pytest.mark.parametrize(
    "model, lookup, where",
    [
        (PrincipePage, "principe_links__principe", {"nummer": "1.2"}),
        (SpoorPage, "spoor_links__spoor", {"nummer": "3.1C"}),
        (ThemaPage, "thema_links__thema", {"nummer": "2.10"}),
        (UitwerkingPage, "uitwerking_links__uitwerking", {"slug": "groenvisie-assen-2040"}),
    ],
)
def test_linked_pages_list_their_opgaven(client, model, lookup, where):
    page = model.objects.get(**where)
    expected = live_opgaven(**{lookup: page})
    html = client.get(page.url).content.decode()
    section = html.split('id="opgaven-van-pagina-kop"', 1)[1].split("</section>", 1)[0]
    assert expected.exists()
    assert len(re.findall(r"<li>", section)) == expected.count()
    for opgave in expected:
        assert opgave.url in section


@pytest.mark.parametrize(
    "model, where", [(PrincipePage, {"nummer": "1.2"}), (FocusgebiedPage, {"slug": "lariks"})]
)
def test_a_page_with_many_opgaven_lists_the_first_and_links_all_in_the_register(
    client, monkeypatch, model, where
):
    monkeypatch.setattr("opgaven.wagtail_hooks.OPGAVEN_OP_PAGINA", 2)
    page = model.objects.get(**where)
    html = client.get(page.url).content.decode()
    section = html.split('id="opgaven-van-pagina-kop"', 1)[1].split("</section>", 1)[0]
    alle = re.search(r'<a href="([^"]+)">Alle (\d+) opgaven in het opgavenregister', section)
    assert len(re.findall(r"<li>", section)) == 2 < int(alle.group(2))
    assert "hier staan de eerste 2." in section
    assert register_count(client, unescape(alle.group(1))) == int(alle.group(2))


def test_every_focus_area_is_tied_to_its_gebied():
    for page in FocusgebiedPage.objects.all():
        assert page.gebied is not None and page.gebied.naam == page.title, page.slug


def test_pages_that_opgaven_do_not_link_to_have_no_opgaven_section(client):
    html = client.get(HoofdstukPage.objects.live().first().url).content.decode()
    assert "opgaven-van-pagina-kop" not in html


@pytest.mark.parametrize(
    "filters", [{}, {"gebied": "binnenstad"}, {"principe": "1.2", "q": "binnenstad"}]
)
def test_every_matrix_cell_agrees_with_the_register(client, register_url, filters):
    response = client.get(f"{register_url}matrix/", filters)
    assert response.status_code == 200
    html = response.content.decode()
    table = html.split('<table class="utrecht-table matrix">', 1)[1].split("</table>", 1)[0]
    cells = re.findall(r'<a href="([^"]+)">(\d+)</a></td>', table)
    assert cells
    for url, count in cells:
        assert register_count(client, url.replace("&amp;", "&")) == int(count), url


def test_matrix_rows_agree_with_a_principle_filter(client, register_url):
    html = client.get(f"{register_url}matrix/", {"principe": "1.3"}).content.decode()
    table = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    shown = re.findall(r'<span class="nummer">([\d.A-C]+)</span>', table)
    assert shown == ["1.3", "3.3A", "3.3B", "3.3C"]


def test_matrix_counts_opgaven_by_principle_and_theme(client, register_url):
    html = client.get(f"{register_url}matrix/").content.decode()
    principe = PrincipePage.objects.get(nummer="1.1")
    thema = ThemaPage.objects.get(nummer="2.8")
    expected = live_opgaven(principe_links__principe=principe, thema_links__thema=thema).count()
    assert f'<a href="{register_url}?principe=1.1&amp;thema=2.8">{expected}</a>' in html


def test_a_bad_matrix_filter_gets_a_400_with_the_message(client, register_url):
    response = client.get(f"{register_url}matrix/", {"spoor": "3.9Z"})
    assert response.status_code == 400
    assert "Dit filter kan niet worden toegepast." in response.content.decode()


def test_coverage_lists_what_lacks_opgaven_and_opgaven_that_lack_a_link(client, register_url):
    html = client.get(f"{register_url}dekking/").content.decode()
    for thema in ThemaPage.objects.live().exclude(pk__in=OpgaveThema.objects.values("thema_id")):
        assert thema.url in html.split("Zonder opgave", 1)[1]
    assert "Geen: elke opgave heeft een thema." in html

    opgave = OpgavePage.objects.get(slug="omgevingsvisie-mobiliteit-2")
    opgave.thema_links.all().delete()
    html = client.get(f"{register_url}dekking/").content.decode()
    zonder_thema = html.split("Zonder thema", 1)[1].split("<h3", 1)[0]
    assert opgave.url in zonder_thema


def test_coverage_names_how_many_lack_an_uitwerking_and_lists_the_first_25(client, register_url):
    groei(2)  # factory copies: more than 25 without one
    zonder = list(OpgavePage.objects.live().filter(uitwerking_links__isnull=True).order_by("path"))
    assert len(zonder) > 25
    html = client.get(f"{register_url}dekking/").content.decode()
    section = html.split("geen uitwerking noemt", 1)[1]
    assert f"{len(zonder)} opgaven; hieronder de eerste 25." in section
    assert all(f'"{opgave.url}"' in section for opgave in zonder[:25])
    assert not any(f'"{opgave.url}"' in section for opgave in zonder[25:])


def csv_rows(client, url, params):
    response = client.get(url, params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="opgaven-assen-')
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize("filters", [{}, {"principe": "1.1", "thema": "2.8"}, {"q": "fiets"}])
def test_exports_carry_the_registers_selection(client, register_url, filters):
    expected = register_count(
        client, f"{register_url}?{'&'.join(f'{k}={v}' for k, v in filters.items())}"
    )
    rows = csv_rows(client, f"{register_url}export/csv/", filters)
    header, body = rows[0], rows[1:]
    assert len(body) == expected
    assert header[:5] == ["Document", "Groep", "Nummer", "Titel", "Tekst"]

    response = client.get(f"{register_url}export/xlsx/", filters)
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["Opgaven"]
    excel = [
        ["" if cell is None else str(cell) for cell in row]
        for row in sheet.iter_rows(values_only=True)
    ]
    assert excel == rows


def test_export_columns_name_the_relations(client, register_url):
    opgave = OpgavePage.objects.get(slug="omgevingsvisie-werklocaties-en-bedrijvigheid-3")
    rows = csv_rows(client, f"{register_url}export/csv/", {"q": "Messchenveld"})
    header, (row,) = rows[0], rows[1:]
    record = dict(zip(header, row, strict=True))
    assert record["Tekst"] == opgave.tekst
    spoor = opgave.spoor_links.first().spoor
    assert f"{spoor.nummer} {spoor.title}" in record["Strategische sporen"]
    assert "Messchenveld II" in record["Gebieden"]
    assert record["Adres"] == f"http://testserver{opgave.url}"


def test_excel_keeps_text_that_looks_like_a_formula_as_text(client, register_url):
    opgave = OpgavePage.objects.get(slug="omgevingsvisie-mobiliteit-2")
    opgave.tekst = '=HYPERLINK("http://example.com")'
    opgave.save()
    response = client.get(f"{register_url}export/xlsx/", {"q": "HYPERLINK"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["Opgaven"]
    cell = sheet.cell(row=2, column=5)
    assert cell.value == opgave.tekst
    assert cell.data_type == "s"


def test_exports_refuse_bad_filters_and_unknown_formats(client, register_url):
    response = client.get(f"{register_url}export/csv/", {"thema": "99"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert "Dit filter kan niet worden toegepast" in response.content.decode()
    assert client.get(f"{register_url}export/pdf/").status_code == 404


def test_register_links_to_matrix_and_exports_with_the_same_filter(client, register_url):
    html = client.get(register_url, {"thema": "2.2"}).content.decode()
    for view in ["matrix/", "export/csv/", "export/xlsx/"]:
        assert f'href="{register_url}{view}?thema=2.2"' in html


@pytest.mark.parametrize(("view", "label"), [("matrix/", "Matrix"), ("dekking/", "Dekking")])
def test_the_views_breadcrumbs_lead_back_to_the_register(client, register_url, view, label):
    html = client.get(f"{register_url}{view}").content.decode()
    trail = html[
        html.index('aria-label="Kruimelpad"') : html.index("</nav>", html.index("Kruimelpad"))
    ]
    assert f'href="{register_url}">Opgavenregister</a>' in trail
    assert f'<span aria-current="page">{label}</span>' in trail
