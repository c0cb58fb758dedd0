"""The map in a real browser with no background tiles: its layers are drawn, the legend switches
them from the keyboard, and a popup's link opens from the keyboard too."""

import leaflet
import pytest

from kaarten.models import Kaartlaag, Kaartobject

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_layers_legend_and_popups_work_without_background(portal, browser_page):
    page = browser_page
    page.goto(f"{portal}/kaarten/barrieres-in-de-stad/")
    page.locator(".kaart--geladen").wait_for()
    assert page.locator(".leaflet-tile").count() == 0  # no background at all
    features = Kaartobject.objects.filter(laag__kaart__slug="barrieres-in-de-stad")
    markers = page.locator(".kaart-punt")
    assert markers.count() == features.count()

    # The legend is the layer switcher: Space on a checkbox hides that layer's features. On a
    # phone it lies closed over the map, a tap away.
    legenda = page.locator("[data-legenda]")
    if page.width_name == "telefoon":
        assert legenda.get_attribute("open") is None
        legenda.locator("summary").click()
    laag = Kaartlaag.objects.filter(kaart__slug="barrieres-in-de-stad").first()
    checkbox = page.locator(f'input[data-laag="{laag.pk}"]')
    checkbox.focus()
    page.keyboard.press("Space")
    assert not checkbox.is_checked()
    assert markers.count() == features.count() - laag.objecten.count()

    # A marker takes the focus; Enter opens its popup, whose link the keyboard follows.
    linked = features.filter(pagina__isnull=False).exclude(laag=laag).first()
    marker = page.locator(f'.kaart-punt[title="{linked.naam}"]').first
    marker.focus()
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert linked.naam in popup.inner_text()
    # Leaflet's buttons speak Dutch too.
    assert (
        page.locator(".leaflet-popup-close-button").get_attribute("aria-label") == "Sluit venster"
    )
    assert page.locator(".leaflet-control-zoom-in").get_attribute("aria-label") == "Inzoomen"
    assert page.locator(".leaflet-control-zoom-out").get_attribute("aria-label") == "Uitzoomen"
    link = popup.locator("a")
    link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(linked.pagina.url)
    assert page.locator("main h1").count() == 1


def test_the_map_is_drawn_when_the_background_tiles_cannot_be_reached(
    portal, browser_page, monkeypatch
):
    """As on a network that blocks the tile server: the tiles fail, the map does not."""
    unreachable = ("BRT-Achtergrondkaart", "http://127.0.0.1:9/{z}/{x}/{y}.png", {})
    monkeypatch.setitem(leaflet.app_settings, "TILES", [unreachable])
    page = browser_page
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    page.goto(f"{portal}/kaarten/visiekaart-assen-2040/")
    page.locator(".kaart--geladen").wait_for()
    page.wait_for_load_state("networkidle")
    tiles = page.locator(".leaflet-tile")
    assert tiles.count() > 0  # asked for, and failed
    assert page.locator(".leaflet-tile-loaded").count() == 0
    # The Visiekaart opens on one principle, its first; a switch per principle adds the others.
    features = Kaartobject.objects.filter(laag__kaart__slug="visiekaart-assen-2040")
    eerste = features.order_by("laag__sort_order").first().laag.principe
    assert page.locator(".kaart-punt").count() == features.filter(laag__principe=eerste).count()
    legenda = page.locator("[data-legenda]")
    if legenda.get_attribute("open") is None:
        legenda.locator("summary").click()
    for schakelaar in page.locator("[data-groep-schakelaar]").all():
        schakelaar.check()
    assert page.locator(".kaart-punt").count() == features.count()
    # Lines and areas are paths, as are the points' circles and the wijk outlines beneath.
    assert page.locator(".leaflet-overlay-pane path").count() > features.count()
    assert page.locator(".kaart__melding:not([data-ondergrond-melding])").inner_text() == ""
    # The failed background is said in words, not only left blank.
    notice = page.locator("[data-ondergrond-melding]")
    assert "achtergrondkaart kon niet worden geladen" in notice.inner_text()
    assert notice.is_visible()
    assert errors == []


def test_a_focus_areas_map_opens_on_the_area_and_outlines_it(portal, browser_page):
    page = browser_page
    page.goto(f"{portal}/op-weg-naar-2040/focusgebieden/lariks/")
    page.locator(".kaart--geladen").wait_for()
    outline = page.locator(".leaflet-omtrek-pane path")
    outline.wait_for()
    assert outline.count() == 1
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)  # fitBounds animates the zoom
    window = page.locator(".kaart__venster .leaflet-container").bounding_box()
    area = outline.bounding_box()
    # Fitted to the area at a whole zoom level: it lies within the window and fills more than
    # half of it one way (the next level would not fit; opened on all its features, it would
    # take a fraction of that).
    assert area["x"] >= window["x"] and area["x"] + area["width"] <= window["x"] + window["width"]
    assert area["y"] >= window["y"] and area["y"] + area["height"] <= window["y"] + window["height"]
    assert area["width"] > 0.45 * window["width"] or area["height"] > 0.45 * window["height"]
