"""Staff edit a place's geometry in the CMS with the mouse: the map shows the stored area over the
wijken; an editor drags a corner and submits it for review, and the public map changes only when
a publisher approves; what is then stored is the dragged corner, in RD New. The edit page passes
axe-core, and logs no errors."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.gis.geos import Point
from django.db import connection, connections, transaction
from django.test.testcases import LiveServerThread
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from kaarten.models import Locatie
from tests.cms import app_code
from visie.roles import PUBLICEERDERS, REDACTEUREN

from .conftest import axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db,
    # These tests write through the live server's connection, which the browser suite shares
    # with the tests on SQLite only (tests/browser/conftest.py); on PostGIS the same editing is
    # covered without a browser (tests/kaarten/test_admin.py).
    pytest.mark.skipif(
        connection.vendor != "sqlite", reason="writes through the live server: SpatiaLite only"
    ),
]
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


def log_in(chromium, portal: str, username: str, group: str | None = None):
    """A desktop browser logged in to the CMS through its own form (django-axes wants a real
    request), collecting what the page logs as an error."""
    User = get_user_model()
    if group is None:
        user = User.objects.create_superuser(username, f"{username}@assen.nl", PASSWORD)
    else:
        user = User.objects.create_user(username, f"{username}@assen.nl", PASSWORD)
        user.groups.add(Group.objects.get(name=group))
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.errors = []

    def console(message):
        # The settings turn Wagtail's calls out (Gravatar, its release check) off: any error
        # counts, wherever it comes from.
        if message.type == "error":
            page.errors.append(f"{message.text} ({message.location['url']})")

    page.on("console", console)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    device = TOTPDevice.objects.create(user=user, name="Testapp", confirmed=True)
    page.goto(f"{portal}/cms/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{portal}/cms/tweestaps/?next=/cms/")
    page.fill("#id_code", app_code(device.bin_key))  # as the user's authenticator app shows it
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{portal}/cms/")
    return page


@pytest.fixture
def cms(portal, server_database, chromium):
    page = log_in(chromium, portal, "gis")
    yield page
    page.context.close()


def publish(page) -> None:
    """'Publiceren', from the action menu's dropdown."""
    page.locator("button[name=action-publish]").dispatch_event("click")


def public_geometry(page, portal: str, slug: str) -> list:
    """The place's geometry on the public map, as a resident's browser gets it."""
    kaart = Locatie.objects.get(slug=slug).kaartobjecten.first().laag.kaart.slug
    features = page.request.get(f"{portal}/kaarten/{kaart}/geojson/").json()["features"]
    return next(f["geometry"] for f in features if f["properties"]["locatie"] == slug)


def test_an_editor_moves_a_corner_and_it_goes_live_when_a_publisher_approves(
    portal, server_database, chromium, screenshot_dir
):
    locatie = Locatie.objects.get(gebieden__slug="havenkwartier")
    before = locatie.geometrie.clone()
    redacteur = log_in(chromium, portal, "redacteur", REDACTEUREN)
    page = redacteur
    published = public_geometry(page, portal, locatie.slug)
    page.goto(f"{portal}/cms/snippets/kaarten/locatie/edit/{locatie.pk}/")
    widget = page.locator("[data-geometrie-widget]")
    widget.scroll_into_view_if_needed()
    # The stored area, and the wijk boundaries behind it (drawn once fetched).
    expect_paths = widget.locator("path.leaflet-interactive")
    expect_paths.first.wait_for()
    widget.locator("path:not(.leaflet-interactive)").nth(5).wait_for(state="attached")
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

    # An editor cannot publish: the change goes to the publishers for review.
    assert page.locator("button[name=action-publish]").count() == 0
    page.locator("button[name=action-submit]").dispatch_event("click")
    page.wait_for_load_state()
    assert page.errors == []
    locatie.refresh_from_db()
    assert locatie.geometrie.equals_exact(before, 0.001)
    assert public_geometry(page, portal, locatie.slug) == published

    publiceerder = log_in(chromium, portal, "publiceerder", PUBLICEERDERS)
    publiceerder.goto(f"{portal}/cms/snippets/kaarten/locatie/edit/{locatie.pk}/")
    approve = publiceerder.locator('[data-workflow-action-name="approve"]').first
    if not approve.is_visible():  # it sits in the action menu's dropdown
        publiceerder.locator("footer .w-dropdown__toggle").first.click()
    approve.click()
    publiceerder.wait_for_url(f"{portal}/cms/snippets/kaarten/locatie/**")
    assert publiceerder.errors == []
    assert public_geometry(publiceerder, portal, locatie.slug) != published

    locatie.refresh_from_db()
    after = locatie.geometrie
    # A place's geometry may be of any kind: the dragged area comes back as one polygon.
    assert after.srid == 28992 and after.geom_type == "Polygon"
    old = before[0].exterior_ring.coords
    new = after.exterior_ring.coords
    assert len(new) == len(old)
    shifts = [Point(a).distance(Point(b)) for a, b in zip(old, new, strict=True)]
    # The first corner, which closes the ring, is its last point as well.
    assert [i for i, shift in enumerate(shifts) if shift > 0.01] == [0, len(old) - 1]
    expected = Point(*target, srid=4326).transform(28992, clone=True)
    assert Point(new[0]).distance(expected) < two_pixels
    # The corners that were not touched stay where they were, to a millimetre.
    assert max(shifts[1:-1]) < 0.001
    redacteur.context.close()
    publiceerder.context.close()


def test_a_keyboard_user_types_the_geometry_and_sees_it_on_the_map(portal, cms, screenshot_dir):
    page = cms
    locatie = Locatie.objects.get(slug="groene-verbinding-asserbos-drentsche-aa")
    page.goto(f"{portal}/cms/snippets/kaarten/locatie/edit/{locatie.pk}/")
    text = page.get_by_label("De geometrie als tekst")
    text.wait_for()
    # The widget sets itself up in one go, its map first.
    page.locator("[data-geometrie-widget] .leaflet-container").wait_for()

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
    publish(page)
    page.wait_for_url(f"{portal}/cms/snippets/kaarten/locatie/")
    locatie.refresh_from_db()
    assert locatie.geometrie.srid == 28992 and locatie.geometrie.geom_type == "Point"
    assert locatie.geometrie.coords == (234150, 556761)

    # Saved unreadable, the form refuses it with the same message and keeps the text.
    page.goto(f"{portal}/cms/snippets/kaarten/locatie/edit/{locatie.pk}/")
    page.get_by_label("De geometrie als tekst").fill("POLYGON ((1 2")
    publish(page)
    page.wait_for_load_state()
    error = page.locator(".w-field__errors, .error-message").filter(has_text="niet te lezen")
    error.first.wait_for()
    assert page.get_by_label("De geometrie als tekst").input_value() == "POLYGON ((1 2"
    locatie.refresh_from_db()
    assert locatie.geometrie.coords == (234150, 556761)
    assert page.errors == []


def test_a_new_area_drawn_by_mouse_replaces_the_geometry(portal, cms):
    page = cms
    locatie = Locatie.objects.get(slug="groene-verbinding-asserbos-drentsche-aa")
    page.goto(f"{portal}/cms/snippets/kaarten/locatie/edit/{locatie.pk}/")
    widget = page.locator("[data-geometrie-widget]")
    widget.locator("[data-geometrie-kaart]").scroll_into_view_if_needed()
    widget.locator(".leaflet-draw-draw-polygon").click()
    box = widget.locator("[data-geometrie-kaart]").bounding_box()
    # Away from the line the place holds, so that no click lands on it.
    middle = (box["x"] + box["width"] / 2, box["y"] + box["height"] * 0.7)
    corners = [(-100, -40), (120, -30), (40, 60)]
    for dx, dy in [*corners, corners[0]]:  # clicking the first corner again closes the area
        page.mouse.click(middle[0] + dx, middle[1] + dy)
        page.wait_for_timeout(100)
    drawn = widget.locator("textarea").input_value()
    assert '"type":"Polygon"' in drawn
    # The area is drawn beside what was there: both end up in the geometry, as a collection.
    publish(page)
    page.wait_for_url(f"{portal}/cms/snippets/kaarten/locatie/")
    locatie.refresh_from_db()
    assert locatie.geometrie.srid == 28992
    polygons = [g for g in locatie.geometrie if g.geom_type == "Polygon"]
    assert len(polygons) == 1 and len(polygons[0].exterior_ring) == 4
    assert page.errors == []


def test_a_widget_that_appears_later_gets_its_map(portal, cms):
    page = cms
    locatie = Locatie.objects.get(gebieden__slug="havenkwartier")
    page.goto(f"{portal}/cms/snippets/kaarten/locatie/edit/{locatie.pk}/")
    page.locator("[data-geometrie-widget] .leaflet-container").wait_for()
    # As an inline panel adds a form: the same markup, new, outside the form here.
    page.evaluate(
        r"""() => {
            const copy = document.createElement("div");
            copy.id = "later";
            copy.innerHTML = document.querySelector("[data-geometrie-widget]").outerHTML
                .replaceAll("id_geometrie", "id_later").replace(/\bleaflet-[\w-]+/g, "");
            copy.querySelector("[data-geometrie-kaart]").replaceChildren();
            document.body.append(copy);
        }"""
    )
    # A map fits itself once it is seen, as a widget in a collapsed panel does when opened.
    page.locator("#later").scroll_into_view_if_needed()
    page.locator("#later .leaflet-container path").first.wait_for()
    assert page.errors == []


def expect_text(locator, text: str) -> None:
    expect(locator).to_contain_text(text)
