"""Reading a map: the legend beside the map on a wide screen and over it on a phone, one switch
per principle, names from a zoom level on, keyboard markers seen only with the focus, a
fullscreen button, popups that fit a phone with the provenance behind "Herkomst", and Leaflet
only on pages that show a map."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
VISIEKAART = "/kaarten/visiekaart-assen-2040/"


def open_map(page, portal, path=VISIEKAART):
    """The page's first map, once its layers are drawn (a page may hold several maps, and any of
    them may finish first)."""
    page.goto(f"{portal}{path}")
    kaart = page.locator(".kaart").first
    expect(kaart).to_have_class(re.compile(r"\bkaart--geladen\b"))
    return kaart


def test_the_legend_is_beside_the_map_or_over_it_on_a_phone(portal, browser_page):
    page = browser_page
    kaart = open_map(page, portal)
    venster = kaart.locator(".kaart__venster").bounding_box()
    legenda = kaart.locator("[data-legenda]")
    knop = legenda.locator("summary").bounding_box()
    if page.width_name == "desktop":
        assert legenda.get_attribute("open") is not None
        assert knop["x"] >= venster["x"] + venster["width"]  # beside, to the right
        assert knop["y"] < venster["y"] + venster["height"]
    else:
        # Closed, over the map's top corner: the map comes first and the legend a tap away.
        assert legenda.get_attribute("open") is None
        assert venster["y"] <= knop["y"] < venster["y"] + venster["height"] / 3
        legenda.locator("summary").click()
        assert kaart.locator("[data-groep-schakelaar]").first.is_visible()
        box = legenda.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"]
    assert axe_violations(page) == []


def test_one_switch_per_principle_and_the_visiekaart_opens_on_one(portal, browser_page):
    page = browser_page
    kaart = open_map(page, portal)
    legenda = kaart.locator("[data-legenda]")
    if legenda.get_attribute("open") is None:
        legenda.locator("summary").click()
    schakelaars = kaart.locator("[data-groep-schakelaar]")
    assert schakelaars.count() == 3
    assert [s.is_checked() for s in schakelaars.all()] == [True, False, False]
    tweede = kaart.locator("[data-groep]").nth(1)
    lagen = tweede.locator("input[data-laag]")
    before = page.locator(".kaart-punt").count()
    schakelaars.nth(1).focus()
    page.keyboard.press("Space")
    assert all(box.is_checked() for box in lagen.all())
    assert page.locator(".kaart-punt").count() > before
    # One layer off: the group's switch says "some", not "all".
    lagen.first.uncheck()
    assert schakelaars.nth(1).evaluate("el => el.indeterminate")


@pytest.mark.parametrize(
    "path, expected",
    [
        # The Visiekaart on chapter 1: its first principle.
        ("/assen-in-2040/", ["Groene stad van het Noorden"]),
        # A principle's own map (with a layer its Visiekaart group gives another principle):
        # everything on.
        ("/assen-in-2040/verbonden-stad/", ["Dynamische hoofdstad", "Verbonden stad"]),
    ],
)
def test_what_a_map_shows_at_first(portal, browser_page, path, expected):
    kaart = open_map(browser_page, portal, path)
    schakelaars = kaart.locator("[data-groep-schakelaar]")
    names = [n.strip() for n in kaart.locator(".kaart__groep-naam").all_text_contents()]
    assert len(names) == schakelaars.count() > 1
    assert [n for n, s in zip(names, schakelaars.all(), strict=True) if s.is_checked()] == expected


def test_keyboard_markers_show_only_with_the_focus_and_popups_fit_a_phone(portal, browser_page):
    page = browser_page
    open_map(page, portal)
    marker = page.locator(".kaart-punt").first
    assert marker.evaluate("el => getComputedStyle(el).opacity") == "0"
    marker.focus()
    assert marker.evaluate("el => getComputedStyle(el).opacity") == "1"
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup")
    popup.wait_for()
    box = popup.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"]
    herkomst = popup.locator("details.herkomst")
    assert herkomst.locator("summary").inner_text() == "Herkomst"
    assert not herkomst.locator("p").first.is_visible()  # provenance waits behind its summary
    herkomst.locator("summary").click()
    assert herkomst.locator("p").first.is_visible()
    assert "r. " in herkomst.inner_text()


def test_names_show_from_a_zoom_level_on(portal, browser_page):
    page = browser_page
    open_map(page, portal)
    namen = page.locator(".leaflet-tooltip.kaart__naam")
    assert namen.count() > 0 and not namen.first.is_visible()
    for _ in range(5):
        page.locator(".leaflet-control-zoom-in").first.click()
        page.wait_for_timeout(300)
    assert page.locator(".leaflet-container.kaart--namen").count() == 1
    assert page.locator(".kaart--namen .kaart__naam").first.is_visible()


def test_fullscreen_by_keyboard(portal, browser_page):
    page = browser_page
    kaart = open_map(page, portal)
    knop = kaart.get_by_role("button", name="Volledig scherm")
    knop.focus()
    page.keyboard.press("Enter")
    # The button follows the browser's fullscreenchange event, which comes a frame after the switch.
    expect(knop).to_have_attribute("aria-pressed", "true")
    assert page.evaluate(
        "() => !!document.fullscreenElement || !!document.querySelector('.kaart--volledig')"
    )
    hoogte = kaart.locator(".leaflet-container").bounding_box()["height"]
    assert hoogte > page.viewport_size["height"] * 0.6
    page.keyboard.press("Enter")
    expect(knop).to_have_attribute("aria-pressed", "false")
    assert page.evaluate(
        "() => !document.fullscreenElement && !document.querySelector('.kaart--volledig')"
    )


def test_leaflet_loads_only_where_a_map_is(portal, browser_page):
    page = browser_page
    for path, has_map in [("/opgaven/", False), ("/leesversie/", False), (VISIEKAART, True)]:
        page.goto(f"{portal}{path}")
        scripts = page.eval_on_selector_all("script[src]", "els => els.map(e => e.src)")
        assert any("leaflet" in src for src in scripts) == has_map, path
        assert any("kaart.js" in src for src in scripts) == has_map, path
    # Loaded once, however many maps the page shows.
    page.goto(f"{portal}/assen-in-2040/verbonden-stad/")
    scripts = page.eval_on_selector_all("script[src]", "els => els.map(e => e.src)")
    assert sum("js/kaart.js" in src for src in scripts) == 1
