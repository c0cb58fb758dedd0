"""Wat speelt er hier?: a point, a wijk or a name gives the wijk, the focus areas, the map
features and the opgaven there; a point outside Assen says so; bad coordinates get a 400."""

import pytest

from kaarten.models import Gebied
from opgaven.models import OpgavePage

pytestmark = pytest.mark.django_db

# A point in the middle of the CBS wijk Lariks, in WGS84.
LARIKS = {"lat": "52.9985", "lon": "6.5450"}


def answer_of(html: str) -> str:
    return html.split('id="antwoord-kop"', 1)[1]


def test_a_point_in_lariks_gives_the_wijk_the_focus_area_and_their_opgaven(client):
    response = client.get("/hier/", LARIKS)
    assert response.status_code == 200
    assert 'data-punt="52.9985,6.545"' in response.content.decode()  # the map marks the point
    html = answer_of(response.content.decode())
    assert "Lariks (WK010601)" in html
    assert "<dt>Focusgebied</dt><dd>Lariks</dd>" in html
    focus = Gebied.objects.get(slug="lariks", soort="focusgebied")
    for opgave in OpgavePage.objects.live().filter(gebied_links__gebied=focus):
        assert opgave.url in html.split("Opgaven voor deze plek", 1)[1].split("<h3", 1)[0]
    city_wide = OpgavePage.objects.live().filter(gebied_links__gebied__soort="gemeente")
    assert city_wide.exists()
    for opgave in city_wide:
        assert opgave.url in html
    assert "Wijkvernieuwing, startend met Lariks" in html


def test_a_wijk_by_its_cbs_code_or_name_gives_the_same_areas(client):
    by_code = answer_of(client.get("/hier/", {"wijk": "WK010601"}).content.decode())
    by_name = answer_of(client.get("/hier/", {"q": "lariks"}).content.decode())
    for html in (by_code, by_name):
        assert "<dt>Focusgebied</dt><dd>Lariks</dd>" in html


def test_a_point_outside_assen_gets_the_outside_answer(client):
    response = client.get("/hier/", {"lat": "52.3676", "lon": "4.9041"})  # Amsterdam
    assert response.status_code == 200
    assert "buiten de gemeente Assen" in answer_of(response.content.decode())


@pytest.mark.parametrize(
    "params",
    [
        {"lat": "abc", "lon": "6.5"},
        {"lat": "95", "lon": "6.5"},
        {"lat": "52.99", "lon": "-200"},
        {"lat": "52.99"},
        {"lat": "nan", "lon": "6.5"},
        {"wijk": "WK999999"},
    ],
)
def test_bad_coordinates_get_a_400_with_a_clear_message(client, params):
    response = client.get("/hier/", params)
    assert response.status_code == 400
    assert "Deze plek kan niet worden opgezocht." in response.content.decode()


def test_an_unknown_name_says_so(client):
    html = client.get("/hier/", {"q": "Atlantis"}).content.decode()
    assert "Geen wijk of plek gevonden" in html
