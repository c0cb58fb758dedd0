"""GIS staff import geodata in the CMS: the same import as `import_geodata`, all or nothing, its
features stored as drafts for review; only GIS-beheerders (and administrators) may."""

import io
import zipfile
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from kaarten.models import Gebied, Locatie
from tests.cms import cms_login
from visie.roles import GIS_BEHEERDERS, REDACTEUREN

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rollen")]
DATA = Path(__file__).resolve().parent.parent / "data"
URL = "/cms/kaarten/importeren/"


def login(client, group: str):
    user = get_user_model().objects.create_user(group.lower(), "gis@assen.nl", "x")
    user.groups.add(Group.objects.get(name=group))
    cms_login(client, user)
    return client


def upload(name: str, content: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content if content is not None else (DATA / name).read_bytes())


def test_gis_staff_import_places_as_drafts(client):
    gis = login(client, GIS_BEHEERDERS)
    page = gis.get(URL)
    assert page.status_code == 200
    assert 'name="bestand"' in page.content.decode()
    assert "Geodata importeren" in gis.get("/cms/").content.decode()  # in the Kaarten menu
    response = gis.post(
        URL,
        {"bestand": upload("wijken_rd.geojson"), "doel": "gebied:plek", "naamveld": "naam"},
    )
    assert response.status_code == 200
    assert "2 nieuw, 0 bijgewerkt" in response.content.decode()
    noord = Gebied.objects.get(naam="Testwijk Noord")
    assert not noord.live and not noord.locatie.live and noord.locatie.geometrie.srid == 28992


def test_a_zipped_shapefile_without_crs_needs_the_epsg_code(client):
    gis = login(client, GIS_BEHEERDERS)
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        for suffix in (".shp", ".shx", ".dbf"):
            archive.write(DATA / f"zonder_crs{suffix}", f"zonder_crs{suffix}")
    data = {"doel": "gebied:plek", "naamveld": "naam"}
    refused = gis.post(URL, {**data, "bestand": upload("wijken.zip", packed.getvalue())})
    assert refused.status_code == 400
    assert "Niets geïmporteerd" in refused.content.decode()
    assert not Gebied.objects.filter(naam="Testwijk Noord").exists()
    taken = gis.post(
        URL, {**data, "bron_srid": "28992", "bestand": upload("wijken.zip", packed.getvalue())}
    )
    assert "2 nieuw" in taken.content.decode()


def test_a_broken_file_or_a_check_stores_nothing(client):
    gis = login(client, GIS_BEHEERDERS)
    count = Locatie.objects.count()
    broken = gis.post(
        URL, {"bestand": upload("kapot.geojson"), "doel": "gebied:plek", "naamveld": "naam"}
    )
    assert broken.status_code == 400 and "Niets geïmporteerd" in broken.content.decode()
    checked = gis.post(
        URL,
        {
            "bestand": upload("wijken_rd.geojson"),
            "doel": "gebied:plek",
            "naamveld": "naam",
            "alleen_controleren": "on",
        },
    )
    assert "Gecontroleerd, niets opgeslagen" in checked.content.decode()
    assert Locatie.objects.count() == count


def test_a_half_filled_form_or_a_wrong_kind_of_file_is_refused(client):
    gis = login(client, GIS_BEHEERDERS)
    assert gis.post(URL, {"doel": "gebied:plek"}).status_code == 400
    wrong = gis.post(
        URL, {"bestand": upload("foto.jpg", b"\xff\xd8"), "doel": "gebied:plek", "naamveld": "n"}
    )
    assert wrong.status_code == 400 and "kan niet worden ingelezen" in wrong.content.decode()


def test_editors_may_not_import(client):
    editor = login(client, REDACTEUREN)
    refused = editor.get(URL)  # Wagtail sends them back to the dashboard, saying why
    assert refused.status_code == 302 and refused.url == "/cms/"
    assert "Geodata importeren" not in editor.get("/cms/").content.decode()
