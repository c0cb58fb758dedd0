"""Staff keep the geometries in the CMS on a Leaflet map widget; a half-filled form is refused
and what was stored stays."""

import json

import pytest
from django.contrib.auth import get_user_model

from kaarten.models import Gebied, Kaartobject

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_superuser("gis", "gis@assen.nl", "x")
    client.force_login(user)
    return client


def form_data(kaartobject, **changes):
    data = {
        "laag": kaartobject.laag_id,
        "naam": kaartobject.naam,
        "geometrie": kaartobject.geometrie.transform(4326, clone=True).json,
        "gebied": "",
        "pagina": kaartobject.pagina_id or "",
        "indicatief": "on",
        "herkomst": kaartobject.herkomst,
    }
    data.update(changes)
    return data


def test_a_geometry_edited_on_the_map_widget_is_stored_in_rd_new(staff):
    kaartobject = Kaartobject.objects.filter(gebied__isnull=True).first()
    url = f"/cms/snippets/kaarten/kaartobject/edit/{kaartobject.pk}/"
    page = staff.get(url).content.decode()
    assert "leaflet" in page.lower()
    station = json.dumps(
        {"type": "Point", "coordinates": [6.566, 52.992]}
    )  # WGS84, as the widget sends
    response = staff.post(url, form_data(kaartobject, geometrie=station))
    assert response.status_code == 302
    kaartobject.refresh_from_db()
    assert kaartobject.geometrie.srid == 28992
    assert kaartobject.geometrie.coords == pytest.approx((234150, 556761), abs=2)


def test_a_half_filled_form_is_refused_and_nothing_changes(staff):
    gebied = Gebied.objects.get(slug="havenkwartier")
    before = gebied.geometrie.wkt
    url = f"/cms/snippets/kaarten/gebied/edit/{gebied.pk}/"
    response = staff.post(
        url,
        {"naam": "", "slug": gebied.slug, "soort": gebied.soort, "geometrie": "niet te lezen"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dit is een verplicht veld." in html and "Deze geometrie is niet te lezen." in html
    gebied.refresh_from_db()
    assert gebied.naam == "Havenkwartier" and gebied.geometrie.wkt == before
