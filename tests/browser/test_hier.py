"""'Wat speelt er hier?' in a real browser: the area asked for is outlined and the map opens on
it, and "Gebruik mijn locatie" asks the browser where the resident is (or says it cannot)."""

import leaflet
import pytest
from playwright.sync_api import expect

from .conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
LARIKS = {"latitude": 52.9985, "longitude": 6.5450}


def test_the_area_asked_for_is_outlined_and_the_map_opens_on_it(portal, chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{portal}/hier/?gebied=kloosterakker")
    outline = page.locator('#hier_kaart path[stroke="#1a1a1a"]')
    outline.wait_for()
    assert outline.count() == 1
    box = outline.bounding_box()
    map_box = page.locator("#hier_kaart").bounding_box()
    # Opened on the area: it fills a good part of the map, not a speck of the municipality.
    assert box["width"] > map_box["width"] / 4 or box["height"] > map_box["height"] / 4
    assert errors == []
    context.close()


def test_my_location_asks_the_browser_and_answers_for_that_point(portal, chromium):
    context = chromium.new_context(
        viewport={"width": 390, "height": 844},
        locale="nl-NL",
        geolocation=LARIKS,
        permissions=["geolocation"],
    )
    page = context.new_page()
    page.goto(f"{portal}/hier/")
    button = page.get_by_role("button", name="Gebruik mijn locatie")
    button.wait_for()
    assert axe_violations(page) == []
    button.click()
    page.wait_for_url("**/hier/?lat=*")
    assert '<a href="/kaarten/gebied/wijk-lariks/">Lariks</a>' in page.content()
    context.close()


def test_without_permission_my_location_says_so(portal, chromium):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL")
    page = context.new_page()
    page.goto(f"{portal}/hier/")
    page.get_by_role("button", name="Gebruik mijn locatie").click()
    melding = page.locator("[data-mijn-locatie-melding]")
    expect(melding).to_contain_text("Uw locatie is niet bekend")
    assert page.url.endswith("/hier/")
    context.close()


def test_a_background_that_cannot_be_loaded_is_said(portal, chromium, monkeypatch):
    unreachable = ("BRT-Achtergrondkaart", "http://127.0.0.1:9/{z}/{x}/{y}.png", {})
    monkeypatch.setitem(leaflet.app_settings, "TILES", [unreachable])
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.goto(f"{portal}/hier/?gebied=kloosterakker")
    notice = page.locator("[data-ondergrond-melding]")
    expect(notice).to_contain_text("achtergrondkaart kon niet")
    assert notice.is_visible()
    context.close()
