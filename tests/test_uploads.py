"""Uploads to the CMS: an image loses its EXIF (and GPS) before it is stored, a document must be
what its name says, and documents open in the browser only when they are PDFs."""

import io
import os

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.cms import cms_login

pytestmark = pytest.mark.django_db

GPS = 0x8825  # the EXIF tag of the GPS block


@pytest.fixture(autouse=True)
def media_on_disk(settings, tmp_path):
    """Files on disk, as in production, so the document view can serve them."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }


@pytest.fixture
def beheerder(client):
    user = get_user_model().objects.create_superuser("beheer", password="x-geheim-42")
    cms_login(client, user)
    return user


def photo_with_gps() -> bytes:
    image = Image.new("RGB", (40, 30), "green")
    exif = Image.Exif()
    exif[0x010F] = "Fototoestel"  # Make
    exif[0x0112] = 6  # Orientation: turned a quarter
    exif.get_ifd(GPS)[2] = (52.0, 59.0, 30.0)  # GPSLatitude
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_an_uploaded_photo_is_stored_upright_without_exif_or_gps(client, beheerder):
    data = photo_with_gps()
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(GPS)
    response = client.post(
        "/cms/images/add/",
        {"title": "Foto", "file": SimpleUploadedFile("foto.jpg", data, "image/jpeg")},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    image = get_image_model().objects.get(title="Foto")
    with image.file.open() as stored, Image.open(stored) as opened:
        assert not opened.getexif()
        assert opened.size == (30, 40)  # turned upright as the orientation said
    assert (image.width, image.height) == (30, 40)


@pytest.mark.parametrize(
    "name, content, accepted",
    [
        ("rapport.pdf", b"%PDF-1.7\n...", True),
        ("rapport.pdf", b"<html><script>alert(1)</script></html>", False),
        ("tabel.xlsx", b"PK\x03\x04rest", True),
        ("tabel.xlsx", b"MZ\x90\x00", False),
        ("lijst.csv", b"naam;waarde\nAssen;1\n", True),
        ("lijst.csv", b"\x00\x01\x02binary", False),
    ],
)
def test_a_document_must_be_what_its_name_says(client, beheerder, name, content, accepted):
    response = client.post(
        "/cms/documents/add/", {"title": "Stuk", "file": SimpleUploadedFile(name, content)}
    )
    stored = get_document_model().objects.filter(title="Stuk").exists()
    assert stored == accepted
    if not accepted:
        assert "de inhoud past niet bij de naam" in response.content.decode()


def test_an_oversized_image_is_refused(client, beheerder, settings):
    noise = Image.frombytes("RGB", (2000, 1800), os.urandom(2000 * 1800 * 3))
    out = io.BytesIO()
    noise.save(out, format="PNG", compress_level=0)
    assert len(out.getvalue()) > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    response = client.post(
        "/cms/images/add/",
        {"title": "Groot", "file": SimpleUploadedFile("groot.png", out.getvalue())},
    )
    assert not get_image_model().objects.filter(title="Groot").exists()
    assert response.status_code == 200


@pytest.mark.parametrize("name, inline", [("rapport.pdf", True), ("tabel.xlsx", False)])
def test_only_pdfs_open_in_the_browser(client, beheerder, name, inline):
    content = b"%PDF-1.7\n" if inline else b"PK\x03\x04rest"
    client.post("/cms/documents/add/", {"title": "Stuk", "file": SimpleUploadedFile(name, content)})
    document = get_document_model().objects.get(title="Stuk")
    response = client.get(document.url)
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert disposition.startswith("inline" if inline else "attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
