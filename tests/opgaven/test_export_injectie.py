"""Formula injection: whatever text an opgave or a filter holds, a spreadsheet that opens the
export shows it as text and never computes it. Proved with LibreOffice, the real client."""

import csv
import io
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

pytestmark = pytest.mark.django_db

HOSTILE = ["=1+41", "+1+41", "-1+41", "@SUM(1,41)"]


def libreoffice_csv(path: Path, workdir: Path) -> list[list[str]]:
    """Every sheet of a spreadsheet file as LibreOffice computes it, exported to CSV."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.fail("LibreOffice (soffice) is not installed: make test installs it")
    # Field separator, quote, UTF-8, first line, ..., and -1: every sheet to its own file.
    filter_options = "44,34,76,1,,0,false,true,false,false,false,-1"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{workdir}/profiel",
            "--headless",
            "--convert-to",
            f"csv:Text - txt - csv (StarCalc):{filter_options}",
            "--outdir",
            str(workdir / "uit"),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    rows = []
    for sheet in sorted((workdir / "uit").glob("*.csv")):
        rows += list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8-sig"))))
    return rows


@pytest.fixture
def hostile_opgave(kleine_visie):
    opgave = kleine_visie.opgaven[0]
    opgave.title = "Vijandig"
    opgave.tekst = "\n".join(HOSTILE) + "\x07"  # a bell: XLSX cannot hold control characters
    opgave.bron = HOSTILE[0]
    opgave.save()
    return opgave


@pytest.mark.parametrize("formaat", ["csv", "xlsx"])
def test_a_spreadsheet_shows_hostile_text_as_text(client, tmp_path, hostile_opgave, formaat):
    url = f"{hostile_opgave.get_parent().url}export/{formaat}/"
    # The filter text lands in the "Over deze export" sheet, a newline starting a new line.
    response = client.get(url, {"q": "Vijandig\n=1+41"})
    assert response.status_code == 200
    path = tmp_path / f"export.{formaat}"
    path.write_bytes(response.content)

    shown = libreoffice_csv(path, tmp_path)
    cells = [cell for row in shown for cell in row]
    assert "42" not in cells and not any(cell.endswith("42") for cell in cells)
    text = "\n".join(cells)
    for hostile in HOSTILE:
        assert hostile in text
    if formaat == "xlsx":
        about = openpyxl.load_workbook(path)["Over deze export"]
        assert any("=1+41" in (row[0] or "") for row in about.iter_rows(values_only=True))
