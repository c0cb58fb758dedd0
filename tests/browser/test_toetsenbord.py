"""Keyboard only, as a person who cannot use a mouse: the skip link, the site navigation and the
register filters work from the keyboard, focus is always visible, and Tab carries the focus
through a whole page in reading order and out of it again, so nothing traps it."""

from urllib.parse import parse_qs, urlsplit

import pytest

from opgaven.filters import RegisterFilter
from opgaven.models import OpgavePage

from .conftest import focused

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# Enough Tab presses for the longest page walked here (a focus area with its map markers).
MAX_TABS = 600


def tab_to(page, predicate, limit=80) -> dict:
    """Press Tab until the focused element satisfies `predicate`, checking on the way that each
    stop shows its focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = focused(page)
        assert state["ring"] and state["in_view"], state
        if predicate(state):
            return state
    raise AssertionError(f"not reached with {limit} presses of Tab")


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(portal, browser_page):
    page = browser_page
    page.goto(f"{portal}/assen-in-2040/groene-stad-van-het-noorden/")
    page.keyboard.press("Tab")
    state = focused(page)
    assert state["name"] == "Direct naar de inhoud"
    assert state["ring"] and state["in_view"], state
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "inhoud"
    # The next stop lies inside the content, not in the header the link skipped.
    page.keyboard.press("Tab")
    assert page.evaluate("document.getElementById('inhoud').contains(document.activeElement)")


def test_site_navigation_and_search_work_from_the_keyboard(portal, browser_page):
    page = browser_page
    page.goto(f"{portal}/")
    names = []
    while not names or names[-1] != "":  # up to the search field, named by its hidden label
        names.append(tab_to(page, lambda state: True)["name"])
    assert names[1:] == [
        "Gemeente Assen Omgevingsvisie Assen nog mooier",
        "Start",
        "Leesversie",
        "Opgaven",
        "Uitwerkingen",
        "Kaarten",
        "Wat speelt er hier?",
        "",
    ]
    page.keyboard.type("fiets")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/zoeken/?q=fiets")

    tab_to(page, lambda state: state["name"] == "Kaarten")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == f"{portal}/kaarten/"
    assert page.locator("main h1").inner_text() == "Kaarten"


def test_register_filters_by_keyboard(portal, browser_page):
    page = browser_page
    page.goto(f"{portal}/opgaven/")
    principe = page.locator("#id_principe")
    tab_to(page, lambda state: state["id"] == "id_principe")
    # A closed list box takes the arrow keys, and typing jumps to the option that starts so.
    page.keyboard.press("ArrowDown")
    chosen_principe = principe.input_value()
    assert chosen_principe == "1.1"
    tab_to(page, lambda state: state["id"] == "id_thema")
    page.keyboard.type("2.8")
    chosen_thema = page.locator("#id_thema").input_value()
    assert chosen_thema == "2.8"
    tab_to(page, lambda state: state["tag"] == "button" and state["name"] == "Filter")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    query = parse_qs(urlsplit(page.url).query)
    assert query["principe"] == [chosen_principe] and query["thema"] == [chosen_thema]
    form = RegisterFilter({"principe": chosen_principe, "thema": chosen_thema})
    assert form.is_valid()
    expected = form.filter(OpgavePage.objects.live())
    assert page.locator(".register__item").count() == expected.count() > 0
    # The filters stay set, and one key press away lies the way back to all opgaven.
    assert principe.input_value() == chosen_principe
    tab_to(page, lambda state: state["name"] == "Wis alle filters")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == f"{portal}/opgaven/"


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/opgaven/?principe=1.2",
        "/op-weg-naar-2040/focusgebieden/lariks/",
        "/kaarten/visiekaart-assen-2040/",
        "/hier/?wijk=WK010601",
    ],
)
def test_tab_walks_the_whole_page_in_reading_order_and_out_again(portal, browser_page, path):
    page = browser_page
    page.goto(f"{portal}{path}")
    page.wait_for_load_state("networkidle")
    last = page.evaluate(
        """() => [...document.querySelectorAll("a[href], button, input, select, textarea")]
            .filter(el => el.getClientRects().length).pop().outerHTML"""
    )
    for presses in range(1, MAX_TABS + 1):
        page.keyboard.press("Tab")
        step = page.evaluate(
            """() => {
                const el = document.activeElement;
                const previous = window.vorigeFocus;
                window.vorigeFocus = el;
                return {
                    html: el.outerHTML,
                    in_order: !previous || previous === document.body
                        || Boolean(previous.compareDocumentPosition(el)
                                   & Node.DOCUMENT_POSITION_FOLLOWING),
                };
            }"""
        )
        if step["html"] == last:
            break
        state = focused(page)
        assert step["in_order"], f"focus went back to {state} after {presses} presses"
        assert state["ring"] and state["in_view"], state
    else:
        raise AssertionError(f"the last link of the page was not reached in {MAX_TABS} presses")
    # From the last control, Tab leaves the page: focus is not held anywhere.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.outerHTML") != last
