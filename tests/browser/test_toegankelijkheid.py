"""WCAG 2.1 A and AA, checked by axe-core (a pinned copy in vendor/, MPL-2.0) on every kind of
page, at a phone width and a desktop width, and reflow at 400 % zoom, also with wider text
spacing. No rule is disabled and no page is left out. Each page is photographed at both widths
for a reviewer (see conftest)."""

import pytest
from playwright.sync_api import expect

from visie.models import PrincipePage

from .conftest import axe_violations, csp_violations

# Screenshots stop here: the leesversie is the whole document, many metres long.
SCREENSHOT_HEIGHT = 8000
# 1280 x 1024 CSS pixels at 400 % zoom (WCAG 1.4.10).
ZOOM_400 = {"width": 320, "height": 256}

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
    "hier-gebied": "/hier/?gebied=kloosterakker",
    "gebied": "/kaarten/gebied/kloosterveen/",
    "herzieningen": "/herzieningen/",
    "herziening": "/herzieningen/groenvisie-2023/",
    "versies": "/herzieningen/geschiedenis/visie.principepage/{principe}/",
    "peildatum": "/opgaven/matrix/?peildatum=2022-06-01",
    "peildatum-fout": "/opgaven/?peildatum=2021-01-01",
    "niet-op-peildatum": "/opgaven/groenvisie-hoofdlijnen-41-1/?peildatum=2022-06-01",
    "verschil": "/herzieningen/verschil/visie.principepage/{principe}/",
    "verschil-visie": "/herzieningen/verschil/?van=2022-06-01&tot=2024-01-01",
    "zoeken": "/zoeken/?q=fiets",
    "leesversie": "/leesversie/",
    "toegankelijkheid": "/toegankelijkheid/",
    "404": "/bestaat-niet/",
}


# Pages that answer with an error status on purpose.
STATUS = {
    "/opgaven/?thema=9.9": 400,
    "/bestaat-niet/": 404,
    "/opgaven/?peildatum=2021-01-01": 400,
    "/opgaven/groenvisie-hoofdlijnen-41-1/?peildatum=2022-06-01": 404,
}


def adres(path: str) -> str:
    """The path with the id of a principle of the real content, which differs between runs."""
    if "{principe}" in path:
        principe = PrincipePage.objects.get(slug="groene-stad-van-het-noorden")
        path = path.replace("{principe}", str(principe.pk))
    return path


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_no_axe_violations(portal, browser_page, path, screenshot_dir, request):
    path = adres(path)
    response = browser_page.goto(f"{portal}{path}")
    assert response.status == STATUS.get(path, 200)
    assert "unsafe-inline" not in response.headers["content-security-policy"]
    browser_page.wait_for_load_state("networkidle")
    if browser_page.locator("[data-leaflet]").count():  # the maps start under the policy
        expect(browser_page.locator("[data-leaflet]:not(.leaflet-container)")).to_have_count(0)
    assert csp_violations(browser_page) == []
    assert browser_page.locator("main h1").count() == 1
    # WCAG 2.4.2: the page's own name first, the site's once, after it.
    own, site = browser_page.title().rsplit(" · ", 1)
    assert own and site == "Omgevingsvisie Assen" and site not in own
    height = min(browser_page.evaluate("document.documentElement.scrollHeight"), SCREENSHOT_HEIGHT)
    browser_page.screenshot(
        path=screenshot_dir / f"{request.node.callspec.id}.png",
        full_page=True,
        clip={"x": 0, "y": 0, "width": browser_page.viewport_size["width"], "height": height},
    )
    violations = axe_violations(browser_page)
    assert violations == [], violations


# What sticks out of the viewport, other than inside a scroll box (a wide table scrolls on its
# own) or a map (which WCAG 1.4.10 exempts as two-dimensional content); and text cut off by a box
# that hides its overflow.
OUT_OF_VIEW = """() => {
    const width = document.documentElement.clientWidth;
    const exempt = el => el.closest(".leaflet-container, .visually-hidden, .skip-link")
        || [...ancestors(el)].some(a => ["auto", "scroll"].includes(getComputedStyle(a).overflowX));
    function* ancestors(el) { for (let a = el.parentElement; a; a = a.parentElement) yield a; }
    const describe = el => `${el.tagName.toLowerCase()}.${el.classList.value} "${
        (el.innerText || "").trim().slice(0, 40)}"`;
    const found = [];
    if (document.documentElement.scrollWidth > width) found.push("the page scrolls sideways");
    for (const el of document.body.querySelectorAll("*")) {
        const box = el.getBoundingClientRect();
        if (!box.width || !box.height || exempt(el)) continue;
        if (box.right > width + 1 || box.left < -1) found.push("outside: " + describe(el));
        const overflow = getComputedStyle(el).overflowX;
        if (["hidden", "clip"].includes(overflow) && el.scrollWidth > el.clientWidth + 1)
            found.push("cut off: " + describe(el));
    }
    return found.slice(0, 10);
}"""


# A reader's own style with the text spacing WCAG 1.4.12 says must lose nothing.
TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }"""


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_content_reflows_at_400_percent_zoom_also_with_wider_text_spacing(portal, chromium, path):
    # The reader's own style is theirs, not the page's: the page's CSP does not govern it.
    context = chromium.new_context(viewport=ZOOM_400, locale="nl-NL", bypass_csp=True)
    page = context.new_page()
    page.goto(f"{portal}{adres(path)}")
    page.wait_for_load_state("networkidle")
    assert page.evaluate(OUT_OF_VIEW) == []
    page.add_style_tag(content=TEXT_SPACING)
    assert page.evaluate(OUT_OF_VIEW) == []
    context.close()


def test_axe_reports_a_deliberately_broken_snippet(browser_page):
    """The check can fail: an image without alt text and a field without a label."""
    browser_page.set_content(
        '<html lang="nl"><head><title>Fout</title></head><body><main>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text">'
        "</main></body></html>"
    )
    found = {violation["id"] for violation in axe_violations(browser_page)}
    assert {"image-alt", "label"} <= found
