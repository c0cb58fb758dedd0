"""Every page of the portal renders, with the navigation a reader of the document expects."""

import html as htmllib
import re

import pytest
from django.urls import reverse
from django.utils.html import escape
from wagtail.models import Page

from visie.models import (
    FocusgebiedPage,
    HomePage,
    HoofdstukPage,
    PrincipePage,
    SpoorPage,
    ThemaPage,
    UitwerkingPage,
)

pytestmark = [pytest.mark.django_db, pytest.mark.echte_inhoud]


def assert_in_order(text: str, milestones: list[str]) -> None:
    """Each milestone occurs in the text after the one before it."""
    position = 0
    for milestone in milestones:
        position = text.index(milestone, position) + len(milestone)


def visible_text(html: str) -> str:
    main = html.split('<main id="inhoud"', 1)[1].split("</main>", 1)[0]
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", main)).split())


def test_every_live_page_renders_in_dutch_with_its_title(client):
    pages = Page.objects.live().filter(depth__gt=1).specific()
    assert pages.count() > 50
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert '<html lang="nl">' in html
        assert 'href="#inhoud"' in html  # skip link
        assert escape(page.title) in html


def test_a_theme_page_shows_its_text_breadcrumbs_and_neighbours(client):
    thema = ThemaPage.objects.get(nummer="2.2")
    html = client.get(thema.url).content.decode()
    text = visible_text(html)
    assert "Assen is een licht groeiende kern in een grotendeels krimpende regio." in text
    assert 'aria-label="Kruimelpad"' in html
    chapter = thema.get_parent()
    assert f'href="{chapter.url}"' in html
    previous = ThemaPage.objects.get(nummer="2.1")
    following = ThemaPage.objects.get(nummer="2.3")
    assert re.search(rf'href="{previous.url}" rel="prev"', html)
    assert re.search(rf'href="{following.url}" rel="next"', html)
    assert "Bron:</span> Omgevingsvisie 2021, § 2.2" in html


def test_a_principle_page_holds_its_2040_picture_and_its_way_there(client):
    principe = PrincipePage.objects.get(nummer="1.1")
    html = client.get(principe.url).content.decode()
    assert 'id="beeld-2040"' in html and 'id="op-weg-naar-2040"' in html
    assert "Groen en natuur verenigen het nuttige met het aangename." in html
    for spoor in SpoorPage.objects.child_of(principe):
        assert f'href="{spoor.url}"' in html
    # The map legend is a structured list, and the page says the map itself is not shown.
    assert (
        "Netwerk dat bestaande stedelijke groenstructuren verbind met (natuur in) buitengebied"
        in html
    )
    assert "Het beeld van de kaart in het vastgestelde document is niet overgenomen" in html


def test_chapter_3_lists_principles_sporen_and_focus_areas_in_document_order(client):
    chapter = HoofdstukPage.objects.get(nummer="3")
    text = visible_text(client.get(chapter.url).content.decode())
    in_order = [
        "3.1 Groene stad",
        "3.1A Assen nog groener maken",
        "3.1C",
        "3.2 Dynamische",
        "3.3C",
        "3.4 Focusgebieden",
        "Lariks",
        "3.5 Opgaven en aandachtspunten",
    ]
    assert_in_order(text, in_order)


def test_the_last_spoor_of_a_principle_leads_to_the_next_principle(client):
    spoor = SpoorPage.objects.get(nummer="3.1C")
    html = client.get(spoor.url).content.decode()
    next_principle = PrincipePage.objects.get(nummer_weg="3.2")
    assert f'href="{next_principle.url}#op-weg-naar-2040" rel="next"' in html


def test_headings_never_skip_a_level(client):
    for page in [
        PrincipePage.objects.first(),
        ThemaPage.objects.get(nummer="2.10"),
        UitwerkingPage.objects.get(slug="groenvisie-assen-2040"),
    ]:
        html = client.get(page.url).content.decode()
        main = html.split('<main id="inhoud"', 1)[1]
        levels = [int(n) for n in re.findall(r"<h([1-6])[ >]", main)]
        assert levels[0] == 1
        for before, after in zip(levels, levels[1:], strict=False):
            assert after <= before + 1, (page.url, levels)


def test_home_presents_ambition_principles_focus_areas_and_ways_in(client):
    home = HomePage.objects.get()
    html = client.get(home.url).content.decode()
    assert "Centrale ambitie: Ontspannen stedelijkheid" in html
    for principe in PrincipePage.objects.all():
        assert f'href="{principe.url}"' in html
    for gebied in FocusgebiedPage.objects.all():
        assert f'href="{gebied.url}"' in html
    for way_in in ["Voor inwoners", "Voor raadsleden", "Voor medewerkers"]:
        assert way_in in html


def test_every_page_is_reachable_from_home_by_links(client):
    """Follow links from the home page, as a reader would, until every live page is found."""
    wanted = {p.url for p in Page.objects.live().filter(depth__gt=1)}
    seen, queue = set(), ["/"]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        html = client.get(url).content.decode()
        for link in re.findall(r'href="(/[^"#?]*)', html):
            if link in wanted and link not in seen:
                queue.append(link)
    assert wanted <= seen


def test_leesversie_has_the_whole_vision_in_order(client):
    html = client.get(reverse("leesversie")).content.decode()
    text = visible_text(html)
    milestones = [
        "Voorwoord",
        "Assen is een aangename middelgrote stad",
        "1 Assen in 2040",
        "1.1 Groene stad van het Noorden",
        "2.13 Assen in de regio",
        "3.1 Groene stad van het Noorden",
        "3.1A Assen nog groener maken",
        "3.4 Focusgebieden",
        "Toeristisch Recreatieve Zone",
        "3.5 Opgaven en aandachtspunten op een rij",
        "Om de de reistijd per trein",
        "4.4 Financiering",
        "Biografie van Assen",
        "Betere verbindingen en nieuwe kwaliteiten",
        "11: Assen aan de Aa",
        "Proces & participatie",
    ]
    assert_in_order(text, milestones)
    assert (
        "Aldus vastgesteld in de openbare vergadering" not in text
    )  # uitwerkingen: not the vision
    assert 'media="print"' in html


def test_uitwerking_page_shows_decision_and_costs(client):
    page = UitwerkingPage.objects.get(slug="groenvisie-assen-2040")
    html = client.get(page.url).content.decode()
    assert "Gemeenteraad van Assen, 21 december 2023" in html
    assert "Vervangingsbudget" in html and "€&nbsp;280.000 per jaar" in html
    assert "In te stemmen met de Groenvisie Assen 2040;" in html


def test_unknown_page_gets_a_dutch_404(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_navigation_follows_publishing_and_unpublishing(client):
    chapter = HoofdstukPage.objects.get(nummer="2")
    client.get(chapter.url)  # the outline is cached now
    thema = chapter.add_child(instance=ThemaPage(title="Nieuw thema", nummer="2.14", live=False))
    thema.save_revision().publish()
    assert "2.14 Nieuw thema" in client.get(chapter.url).content.decode()
    thema.refresh_from_db()
    thema.unpublish()
    assert "2.14 Nieuw thema" not in client.get(chapter.url).content.decode()
