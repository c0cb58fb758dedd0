"""Wat speelt er hier?: a point, a wijk or a name gives the wijk, the focus areas, the map
features and the opgaven there; a point outside Assen says so; bad coordinates get a 400."""

import re
from html import unescape

import pytest
from django.conf import settings
from django.contrib.gis.geos import Point

from kaarten.hier import NEAR
from kaarten.models import Gebied, Locatie
from opgaven.models import OpgavePage
from visie.models import FocusgebiedPage

pytestmark = [pytest.mark.django_db, pytest.mark.echte_inhoud]

# A point in the middle of the CBS wijk Lariks, in WGS84.
LARIKS = {"lat": "52.9985", "lon": "6.5450"}


def answer_of(html: str) -> str:
    return html.split('id="antwoord-kop"', 1)[1]


def test_a_point_in_lariks_gives_the_wijk_the_focus_area_and_their_opgaven(client):
    response = client.get("/hier/", LARIKS)
    assert response.status_code == 200
    assert 'data-punt="52.998500,6.545000"' in response.content.decode()  # the map marks it
    html = answer_of(response.content.decode())
    assert '<a href="/kaarten/gebied/wijk-lariks/">Lariks</a> (WK010601)' in html
    assert '<dt>Focusgebied</dt><dd><a href="/kaarten/gebied/lariks/">Lariks</a>' in html
    focus_page = FocusgebiedPage.objects.get(slug="lariks")
    assert f'<a href="{focus_page.url}">Focusgebied Lariks</a>' in html
    focus = Gebied.objects.get(slug="lariks", soort="focusgebied")
    for opgave in OpgavePage.objects.live().filter(gebied_links__gebied=focus):
        assert opgave.url in html.split("Opgaven voor deze plek", 1)[1].split("<h3", 1)[0]
    here = html.split("Opgaven voor deze plek", 1)[1].split("<h3", 1)[0]
    city_wide = [  # those not already listed for the place itself
        opgave
        for opgave in OpgavePage.objects.live()
        .filter(gebied_links__gebied__soort="gemeente")
        .distinct()
        .order_by("path")
        if f'"{opgave.url}"' not in here
    ]
    assert len(city_wide) > 25  # the first 25 are listed, the register has them all
    overal = html.split("Opgaven voor de hele gemeente", 1)[1]
    assert f"Deze {len(city_wide)} opgaven gelden overal in Assen" in overal
    assert all(opgave.url in overal for opgave in city_wide[:25])
    assert not any(f'"{opgave.url}"' in overal for opgave in city_wide[25:])
    gemeente = Gebied.objects.get(soort="gemeente")
    assert (
        f'<a href="/opgaven/?gebied={gemeente.slug}">alle {len(city_wide)} in het register'
        in overal
    )
    assert "Wijkvernieuwing, startend met Lariks" in html


def test_a_wijk_by_its_cbs_code_or_name_gives_the_same_areas(client):
    by_code = answer_of(client.get("/hier/", {"wijk": "WK010601"}).content.decode())
    by_name = answer_of(client.get("/hier/", {"q": "lariks"}).content.decode())
    for html in (by_code, by_name):
        assert '<dt>Focusgebied</dt><dd><a href="/kaarten/gebied/lariks/">Lariks</a>' in html


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


def test_a_point_lists_each_place_once_and_nothing_beyond_the_stated_distance(client):
    html = answer_of(client.get("/hier/", LARIKS).content.decode())
    places = html.split("Op de kaarten van de visie", 1)[1].split("Opgaven voor deze plek", 1)[0]
    names = re.findall(r"<li><strong>([^<]+)</strong>", places)
    assert names and len(names) == len(set(names))
    punt = Point(float(LARIKS["lon"]), float(LARIKS["lat"]), srid=settings.API_SRID)
    punt.transform(settings.SRID)
    wijk = Gebied.objects.get(cbs_code="WK010601").geometrie
    for naam in names:
        locaties = Locatie.objects.filter(naam=unescape(naam))
        assert any(
            loc.geometrie.distance(punt) <= NEAR.m or loc.geometrie.intersects(wijk)
            for loc in locaties
        ), naam
    # Each area once: the Binnenstad does not come back per map.
    areas = html.split('class="kenmerken"', 1)[1].split("</dl>", 1)[0]
    assert areas.count("/kaarten/gebied/binnenstad/") <= 1


def test_an_area_answers_with_what_lies_in_it_not_near_it(client):
    html = answer_of(client.get("/hier/", {"wijk": "WK010601"}).content.decode())
    wijk = Gebied.objects.get(cbs_code="WK010601").geometrie
    places = html.split("Op de kaarten van de visie", 1)[1].split("Opgaven voor deze plek", 1)[0]
    for naam in re.findall(r"<li><strong>([^<]+)</strong>", places):
        assert any(
            loc.geometrie.intersects(wijk) for loc in Locatie.objects.filter(naam=unescape(naam))
        ), naam
    assert "/kaarten/gebied/binnenstad/" not in html.split("Op de kaarten", 1)[0]
