"""Printing: an opgave and the leesversie print as text with their sources, without the site's
navigation, forms or map windows, and an opgave carries its permanent link on paper."""

import pytest

from opgaven.models import OpgavePage

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
