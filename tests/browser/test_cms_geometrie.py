"""Staff edit a geometry in the CMS with the mouse: the map shows the stored area over the wijken,
a corner dragged elsewhere is what the database then holds, in RD New. The widget's own markup
passes axe-core, and the page logs no errors."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.contrib.gis.geos import Point
from django.db import connections, transaction
from django.test.testcases import LiveServerThread

from kaarten.models import Gebied, Kaartobject

from .conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
PASSWORD = "een-lang-wachtwoord-voor-de-test"


@pytest.fixture
def server_database(portal):
    """This test writes, through the server and to log in: it does so on the server's own
    connection, in a transaction rolled back afterwards. (With Playwright's event loop running,
    Django gives the test a connection of its own, whose unsaved rows would lock the tables
    that the server reads.)"""
    server = next(t for t in threading.enumerate() if isinstance(t, LiveServerThread))
    own = connections["default"]
    connections["default"] = server.connections_override["default"]
    atomic = transaction.atomic()
    atomic.__enter__()
    yield
    transaction.set_rollback(True)
    atomic.__exit__(None, None, None)
    connections["default"] = own


@pytest.fixture
def cms(portal, server_database, chromium):
    """A desktop browser logged in to the CMS through its own form (django-axes wants a real
    request), collecting what the page logs as an error."""
    get_user_model().objects.create_superuser("gis", "gis@assen.nl", PASSWORD)
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.errors = []

    def console(message):
        # Wagtail's own calls out (Gravatar, the dashboard's check for a new release) fail
        # offline; they are not the widget's.
        outside = not message.location["url"].startswith(portal)
        if message.type == "error" and not outside and "releases.wagtail.org" not in message.text:
            page.errors.append(f"{message.text} ({message.location['url']})")

    page.on("console", console)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(f"{portal}/cms/login/")
    page.fill("#id_username", "gis")
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{portal}/cms/")
    yield page
    context.close()


def test_a_corner_of_an_area_dragged_on_the_map_is_stored_in_rd_new(portal, cms, screenshot_dir):
    page = cms
    gebied = Gebied.objects.get(slug="havenkwartier")
    before = gebied.geometrie.clone()
    page.goto(f"{portal}/cms/snippets/kaarten/gebied/edit/{gebied.pk}/")
    widget = page.locator("[data-geometrie-widget]")
    widget.scroll_into_view_if_needed()
    # The stored area, and the wijk boundaries behind it (drawn once fetched).
    expect_paths = widget.locator("path.leaflet-interactive")
    expect_paths.first.wait_for()
    page.wait_for_function(
        "document.querySelectorAll('[data-geometrie-widget] path:not(.leaflet-interactive)')"
        ".length > 5"
    )
    page.screenshot(path=screenshot_dir / "cms-geometrie.png", full_page=True)
    # The whole page: Wagtail's own admin passes too, so nothing needs to be left out.
    assert axe_violations(page) == []

    widget.locator(".leaflet-draw-edit-edit").click()
    corner = widget.locator(".leaflet-editing-icon").first
    box = corner.bounding_box()
    start = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    end = (start[0] + 60, start[1] - 40)
    # Where the corner will be, by the map's own conversion of the screen point, and how many
    # metres two pixels are (the mouse lands on whole pixels, the corner's handle is 8 wide).
    target, two_pixels = page.evaluate(
        """([x, y]) => {
            const root = document.querySelector("[data-geometrie-widget]");
            const map = root.geometrieWidget.map;
            const edge = map.getContainer().getBoundingClientRect();
            const point = L.point(x - edge.left, y - edge.top);
            const latlng = map.containerPointToLatLng(point);
            const beside = map.containerPointToLatLng(point.add([2, 0]));
            return [[latlng.lng, latlng.lat], map.distance(latlng, beside)];
        }""",
        list(end),
    )
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move(start[0] + 30, start[1] - 20, steps=5)
    page.mouse.move(*end, steps=5)
    page.mouse.up()
    page.screenshot(path=screenshot_dir / "cms-geometrie-verplaatst.png", full_page=True)
    assert axe_violations(page) == []  # with the corners' handles out

    page.locator("button.action-save, button[type=submit]:has-text('Opslaan')").first.click()
    page.wait_for_url(f"{portal}/cms/snippets/kaarten/gebied/")
    assert page.errors == []

    gebied.refresh_from_db()
    after = gebied.geometrie
    assert after.srid == 28992 and after.geom_type == "MultiPolygon"
    old = before[0].exterior_ring.coords
    new = after[0].exterior_ring.coords
    assert len(new) == len(old)
    shifts = [Point(a).distance(Point(b)) for a, b in zip(old, new, strict=True)]
    # The first corner, which closes the ring, is its last point as well.
    assert [i for i, shift in enumerate(shifts) if shift > 0.01] == [0, len(old) - 1]
    expected = Point(*target, srid=4326).transform(28992, clone=True)
    assert Point(new[0]).distance(expected) < two_pixels
    # The corners that were not touched stay where they were, to a millimetre.
    assert max(shifts[1:-1]) < 0.001


def test_a_keyboard_user_types_the_geometry_and_sees_it_on_the_map(portal, cms, screenshot_dir):
    page = cms
    kaartobject = Kaartobject.objects.filter(gebied__isnull=True).first()
    page.goto(f"{portal}/cms/snippets/kaarten/kaartobject/edit/{kaartobject.pk}/")
    text = page.get_by_label("De geometrie als tekst")
    text.wait_for()
    page.wait_for_function("document.querySelector('[data-geometrie-widget]').geometrieWidget")

    # Unreadable text: the map says so in Dutch, next to the field, as the form would.
    text.fill("POINT (52.992 6.566)")
    melding = page.locator("[data-geometrie-melding]")
    expect_text(melding, "Deze geometrie ligt niet in Nederland.")
    assert text.get_attribute("aria-invalid") == "true"

    # The station square in RD New: one marker on the map, where the map was empty of markers.
    text.fill("POINT (234150 556761)")
    page.locator("[data-geometrie-widget] .leaflet-marker-icon").wait_for()
    assert melding.inner_text() == ""
    assert text.get_attribute("aria-invalid") is None
    page.screenshot(path=screenshot_dir / "cms-geometrie-tekst.png")
    page.locator("button.action-save, button[type=submit]:has-text('Opslaan')").first.click()
    page.wait_for_url(f"{portal}/cms/snippets/kaarten/kaartobject/")
    kaartobject.refresh_from_db()
    assert kaartobject.geometrie.srid == 28992 and kaartobject.geometrie.geom_type == "Point"
    assert kaartobject.geometrie.coords == (234150, 556761)

    # Saved unreadable, the form refuses it with the same message and keeps the text.
    page.goto(f"{portal}/cms/snippets/kaarten/kaartobject/edit/{kaartobject.pk}/")
    page.get_by_label("De geometrie als tekst").fill("POLYGON ((1 2")
    page.locator("button.action-save, button[type=submit]:has-text('Opslaan')").first.click()
    page.wait_for_load_state()
    error = page.locator(".w-field__errors, .error-message").filter(has_text="niet te lezen")
    error.first.wait_for()
    assert page.get_by_label("De geometrie als tekst").input_value() == "POLYGON ((1 2"
    kaartobject.refresh_from_db()
    assert kaartobject.geometrie.coords == (234150, 556761)
    assert page.errors == []


def test_a_new_area_drawn_by_mouse_replaces_the_geometry(portal, cms):
    page = cms
    kaartobject = Kaartobject.objects.filter(gebied__isnull=True).first()
    page.goto(f"{portal}/cms/snippets/kaarten/kaartobject/edit/{kaartobject.pk}/")
    widget = page.locator("[data-geometrie-widget]")
    widget.locator(".leaflet-draw-draw-polygon").click()
    box = widget.locator("[data-geometrie-kaart]").bounding_box()
    middle = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    corners = [(-100, -80), (120, -60), (40, 90)]
    for dx, dy in [*corners, corners[0]]:  # clicking the first corner again closes the area
        page.mouse.click(middle[0] + dx, middle[1] + dy)
        page.wait_for_timeout(100)
    drawn = widget.locator("textarea").input_value()
    assert '"type":"Polygon"' in drawn
    # The area is drawn beside what was there: both end up in the geometry, as a collection.
    page.locator("button.action-save, button[type=submit]:has-text('Opslaan')").first.click()
    page.wait_for_url(f"{portal}/cms/snippets/kaarten/kaartobject/")
    kaartobject.refresh_from_db()
    assert kaartobject.geometrie.srid == 28992
    polygons = [g for g in kaartobject.geometrie if g.geom_type == "Polygon"]
    assert len(polygons) == 1 and len(polygons[0].exterior_ring) == 4
    assert page.errors == []


def test_a_widget_that_appears_later_gets_its_map(portal, cms):
    page = cms
    gebied = Gebied.objects.get(slug="havenkwartier")
    page.goto(f"{portal}/cms/snippets/kaarten/gebied/edit/{gebied.pk}/")
    page.locator("[data-geometrie-widget] .leaflet-container").wait_for()
    # As an inline panel adds a form: the same markup, new, outside the form here.
    page.evaluate(
        """() => {
            const copy = document.createElement("div");
            copy.id = "later";
            copy.innerHTML = document.querySelector("[data-geometrie-widget]").outerHTML
                .replaceAll("id_geometrie", "id_later").replace(/ class="[^"]*leaflet[^"]*"/g, "");
            copy.querySelector("[data-geometrie-kaart]").replaceChildren();
            document.body.append(copy);
        }"""
    )
    page.locator("#later .leaflet-container path").first.wait_for()
    assert page.errors == []


def expect_text(locator, text: str) -> None:
    locator.page.wait_for_function(
        "([el, text]) => el.textContent.includes(text)", arg=[locator.element_handle(), text]
    )
