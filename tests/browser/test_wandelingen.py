"""Two visits as the portal's users make them: a resident on a phone looks up what is planned for
the Lariks, and a council member narrows the register down and takes it along as a CSV file."""

import csv

import pytest

from opgaven.filters import RegisterFilter
from opgaven.koppelingen import eerste_met_via, opgaven_van_gebieden
from opgaven.models import OpgavePage
from visie.models import FocusgebiedPage, PrincipePage, ThemaPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture
def telefoon(chromium):
    """A phone: narrow, touch instead of a mouse."""
    context = chromium.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="nl-NL"
    )
    yield context.new_page()
    context.close()


@pytest.fixture
def bureau(chromium):
    context = chromium.new_context(
        viewport={"width": 1280, "height": 900}, locale="nl-NL", accept_downloads=True
    )
    yield context.new_page()
    context.close()


def test_a_resident_on_a_phone_finds_the_opgaven_for_lariks(portal, telefoon):
    page = telefoon
    lariks = FocusgebiedPage.objects.get(slug="lariks")
    # Those of the area and of the places lying in it (opgaven.koppelingen).
    expected, aantal = eerste_met_via(opgaven_van_gebieden([lariks.gebied]), [lariks.gebied], 25)
    assert 0 < aantal <= 25

    page.goto(f"{portal}/")
    page.get_by_role("link", name="Lariks", exact=True).tap()
    page.wait_for_url(f"{portal}{lariks.url}")
    assert page.locator("main h1").inner_text() == "Lariks"

    section = page.locator(".opgaven-van-pagina")
    section.scroll_into_view_if_needed()
    listed = section.locator(".opgaven-van-pagina__lijst > li > a")
    assert sorted(listed.all_inner_texts()) == sorted(o.title for o in expected)

    section.get_by_role("link", name="Deze opgaven in het opgavenregister").tap()
    page.wait_for_url(f"{portal}/opgaven/?gebied={lariks.gebied.slug}")
    assert page.locator("#id_gebied").input_value() == lariks.gebied.slug
    assert page.locator(".register__item").count() == len(expected)

    first = page.locator(".register__titel a").first
    title = first.inner_text()
    first.tap()
    opgave = next(o for o in expected if o.title == title)
    page.wait_for_url(f"{portal}{opgave.url}")
    assert page.locator("main h1").inner_text() == title
    # The chain names Lariks, or the place in Lariks the opgave comes through.
    keten = page.locator(".keten").inner_text()
    assert any(naam in keten for naam in ["Lariks", *(g.naam for g in opgave.via)])


def test_a_council_member_filters_by_principle_and_theme_and_downloads_the_csv(portal, bureau):
    page = bureau
    principe = PrincipePage.objects.get(nummer="1.2")
    # The first theme that has opgaven under this principle, as the council member would pick.
    thema, selected = next(
        (thema, form.filter(OpgavePage.objects.live()))
        for thema in ThemaPage.objects.order_by("path")
        if (form := RegisterFilter({"principe": principe.nummer, "thema": thema.nummer})).is_valid()
        and form.filter(OpgavePage.objects.live()).exists()
    )

    page.goto(f"{portal}/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Opgaven").click()
    page.get_by_label("Leidend principe").select_option(label=f"1.2 {principe.title}")
    page.get_by_label("Thema").select_option(label=f"{thema.nummer} {thema.title}")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(f"{portal}/opgaven/?principe=1.2*")
    assert page.locator(".register__aantal").inner_text() == (
        f"{selected.count()} opgave{'n' if selected.count() != 1 else ''} met deze filters"
    )
    on_screen = page.locator(".register__titel").all_inner_texts()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV-bestand").click()
    download = download_info.value
    assert download.suggested_filename.startswith("opgaven-assen-")
    assert download.suggested_filename.endswith(".csv")
    with open(download.path(), encoding="utf-8-sig", newline="") as handle:
        header, *rows = csv.reader(handle)
    assert [row[header.index("Titel")] for row in rows] == on_screen
    for row in rows:
        assert f"1.2 {principe.title}" in row[header.index("Leidende principes")]
        assert f"{thema.nummer} {thema.title}" in row[header.index("Thema's")]
