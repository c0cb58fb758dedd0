"""The map in a real browser with no background tiles: its layers are drawn, the legend switches
them from the keyboard, and a popup's link opens from the keyboard too."""

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

    # The legend is the layer switcher: Space on a checkbox hides that layer's features.
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
    link = popup.locator("a")
    link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(linked.pagina.url)
    assert page.locator("main h1").count() == 1
