"""Printing: an opgave and the leesversie print as text with their sources, without the site's
navigation, forms or map windows, and an opgave carries its permanent link on paper."""

import re

import pytest

from opgaven.models import OpgavePage
from visie.outline import document_outline

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_an_opgave_prints_with_its_chain_and_permanent_link(portal, browser_page):
    opgave = OpgavePage.objects.get(slug="omgevingsvisie-mobiliteit-2")
    browser_page.goto(f"{portal}{opgave.url}")
    browser_page.emulate_media(media="print")
    assert not browser_page.locator(".site-header").is_visible()
    assert not browser_page.locator(".site-footer").is_visible()
    assert browser_page.locator(".keten").is_visible()
    permalink = browser_page.locator(".alleen-printen")
    assert permalink.is_visible() and f"{portal}{opgave.url}" in permalink.inner_text()
    browser_page.emulate_media(media="screen")
    assert not permalink.is_visible()


def test_the_register_prints_without_its_forms(portal, browser_page):
    browser_page.goto(f"{portal}/opgaven/?thema=2.10")
    browser_page.emulate_media(media="print")
    assert not browser_page.locator("form.filters").is_visible()
    assert browser_page.locator(".register__item").first.is_visible()


def test_the_leesversie_prints_each_chapter_on_a_new_page_without_the_site(portal, chromium):
    page = chromium.new_page()
    page.goto(f"{portal}/leesversie/")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.get_by_role("button", name="Afdrukken").is_visible()
    chapters = page.locator(".leesversie__hoofdstuk")
    assert chapters.count() == len(document_outline().chapters)
    breaks = chapters.evaluate_all(
        "all => all.map(chapter => getComputedStyle(chapter).breakBefore)"
    )
    assert set(breaks) == {"page"}
    # Chromium's own print to PDF: at least a sheet per chapter, plus the table of contents.
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) > chapters.count()
    page.close()
