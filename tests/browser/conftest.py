"""A real browser against the portal: Debian's Chromium driven by Playwright, the portal served
by the `portal` live server (tests/conftest.py) with the real Assen content. No background
tiles: the test settings have none."""

import os
from pathlib import Path

import pytest
from django.db import connections
from playwright.sync_api import sync_playwright

# Playwright's sync API keeps an event loop in the test thread; Django then refuses its own
# (synchronous) database calls there unless told that this is deliberate.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
CHROMIUM = "/usr/bin/chromium"
AXE = Path(__file__).parent / "vendor" / "axe-4.14.1.min.js"
WIDTHS = {"telefoon": 390, "desktop": 1280}
# For a reviewer to look at; test-results/ is ignored by git.
SCREENSHOTS = Path(__file__).parents[2] / "test-results" / "schermafbeeldingen"
screenshot_key = pytest.StashKey[Path]()


@pytest.fixture(scope="session")
def screenshot_dir(request) -> Path:
    """Where this run's screenshots go: one folder per database, as `make test` runs both."""
    folder = SCREENSHOTS / connections["default"].vendor
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    request.config.stash[screenshot_key] = folder
    return folder


def pytest_terminal_summary(terminalreporter, config):
    folder = config.stash.get(screenshot_key, None)
    if folder:
        count = len(list(folder.glob("*.png")))
        terminalreporter.write_line(f"Schermafbeeldingen: {count} in {folder}")


@pytest.fixture(scope="session")
def chromium():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        yield browser
        browser.close()


@pytest.fixture(params=list(WIDTHS), ids=list(WIDTHS))
def browser_page(request, chromium):
    context = chromium.new_context(
        viewport={"width": WIDTHS[request.param], "height": 900}, locale="nl-NL"
    )
    page = context.new_page()
    page.add_init_script(CSP_LISTENER)
    page.width_name = request.param
    yield page
    context.close()


# Every page a browser test opens records what the Content-Security-Policy refused. (The policy
# also refuses eval, which Playwright's wait_for_function polls with: tests wait with locators.)
CSP_LISTENER = """
window.__cspSchendingen = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspSchendingen.push(
    `${e.violatedDirective} ${e.blockedURI || "inline"} ${e.sourceFile}:${e.lineNumber}`
  );
});
"""


def csp_violations(page) -> list[str]:
    return page.evaluate("window.__cspSchendingen")


def axe_violations(page) -> list[dict]:
    """axe-core's WCAG 2.1 A and AA violations on the page as it stands."""
    # Evaluated through the DevTools protocol, not as a <script> tag, which the portal's
    # Content-Security-Policy would rightly refuse.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        """async () => {
            const result = await axe.run(document, {
                runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
            });
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ") + " :: " + n.failureSummary),
            }));
        }"""
    )


FOCUSED = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {
        tag: el.tagName.toLowerCase(),
        id: el.id,
        name: (el.getAttribute("aria-label") || el.textContent || el.value
               || el.title || "").trim().replace(/\\s+/g, " ").slice(0, 80),
        ring: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2)
            || style.boxShadow !== "none",
        in_view: box.width > 0 && box.height > 0 && box.bottom > 0
            && box.top < innerHeight && box.right > 0 && box.left < innerWidth
            && !clipped(el, box),
    };
    // Hidden by a box that clips what sticks out of it (a marker outside the map's view).
    function clipped(el, box) {
        for (let outer = el.parentElement; outer; outer = outer.parentElement) {
            if (getComputedStyle(outer).overflow === "visible") continue;
            const edge = outer.getBoundingClientRect();
            if (box.right <= edge.left || box.left >= edge.right
                || box.bottom <= edge.top || box.top >= edge.bottom) return true;
        }
        return false;
    }
}"""


def focused(page) -> dict:
    """The element that has the keyboard focus, and whether a sighted user can see that."""
    state = page.evaluate(FOCUSED)
    if not state["in_view"]:
        page.wait_for_timeout(500)  # a map pans to a marker that takes the focus, animated
        state = page.evaluate(FOCUSED)
    return state
