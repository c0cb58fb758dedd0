"""WCAG 2.1 A and AA, checked by axe-core (a pinned copy in vendor/, MPL-2.0) on every kind of
page, at a phone width and a desktop width. No rule is disabled and no page is left out."""

import pytest

from .conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PAGES = {
    "home": "/",
    "hoofdstuk": "/assen-in-2040/",
    "sectie": "/op-weg-naar-2040/focusgebieden/",
    "principe": "/assen-in-2040/groene-stad-van-het-noorden/",
    "spoor": "/assen-in-2040/dynamische-hoofdstad/levendige-binnenstad-groeien-in-kwaliteit/",
    "thema": "/dit-is-assen-in-2021/mobiliteit/",
    "focusgebied": "/op-weg-naar-2040/focusgebieden/lariks/",
    "bijlage": "/bijlagen/visiekaart-2040-met-straatnamen/",
    "biografie": "/bijlagen/biografie-van-assen/",
    "kernkwaliteiten": "/bijlagen/kernkwaliteiten-van-assen/",
    "uitwerkingen": "/uitwerkingen/",
    "uitwerking": "/uitwerkingen/groenvisie-assen-2040/",
    "opgave": "/opgaven/omgevingsvisie-wonen-en-woonomgeving-1/",
    "register": "/opgaven/?principe=1.1&thema=2.8",
    "register-fout": "/opgaven/?thema=9.9",
    "matrix": "/opgaven/matrix/",
    "dekking": "/opgaven/dekking/",
    "kaarten": "/kaarten/",
    "kaart": "/kaarten/visiekaart-assen-2040/",
    "hier": "/hier/?lat=52.9985&lon=6.5450",
    "zoeken": "/zoeken/?q=fiets",
    "leesversie": "/leesversie/",
    "toegankelijkheid": "/toegankelijkheid/",
    "404": "/bestaat-niet/",
}


# Pages that answer with an error status on purpose.
STATUS = {"/opgaven/?thema=9.9": 400, "/bestaat-niet/": 404}


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_no_axe_violations(portal, browser_page, path):
    response = browser_page.goto(f"{portal}{path}")
    assert response.status == STATUS.get(path, 200)
    browser_page.wait_for_load_state("networkidle")
    assert browser_page.locator("main h1").count() == 1
    violations = axe_violations(browser_page)
    assert violations == [], violations


def test_axe_reports_a_deliberately_broken_snippet(browser_page):
    """The check can fail: an image without alt text and a field without a label."""
    browser_page.set_content(
        '<html lang="nl"><head><title>Fout</title></head><body><main>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text">'
        "</main></body></html>"
    )
    found = {violation["id"] for violation in axe_violations(browser_page)}
    assert {"image-alt", "label"} <= found
