"""The opgaven register: complete, traceable and filterable (its SQL stays constant with the
data: tests/test_zoekvragen.py)."""

import re
from html import unescape
from urllib.parse import parse_qsl

import pytest
import yaml

from opgaven.content import OPGAVEN_ROOT
from opgaven.filters import register_url
from opgaven.models import OpgavenRegisterPage, OpgavePage
from tests import seeds
from tests.factories import groei
from visie.models import UitwerkingPage

pytestmark = [pytest.mark.django_db, pytest.mark.echte_inhoud]


def omgevingsvisie_opgaven():
    return OpgavePage.objects.filter(document=OpgavePage.Document.OMGEVINGSVISIE)


def test_all_opgaven_of_3_5_with_their_exact_text():
    per_group: dict[str, int] = {}
    seed = " ".join(seeds.visie_lines()).replace("*", "")
    seed = " ".join(seed.split())
    for opgave in omgevingsvisie_opgaven():
        per_group[opgave.groep] = per_group.get(opgave.groep, 0) + 1
        assert " ".join(opgave.tekst.split()) in seed, opgave.slug
    assert per_group == seeds.opgaven_per_group()


def test_every_opgave_is_linked_all_the_way():
    for opgave in OpgavePage.objects.prefetch_related(
        "principe_links__principe", "spoor_links__spoor", "thema_links", "gebied_links"
    ):
        principes = {link.principe.nummer_weg for link in opgave.principe_links.all()}
        sporen = [link.spoor.nummer for link in opgave.spoor_links.all()]
        assert principes and sporen, opgave.slug
        assert opgave.thema_links.exists() and opgave.gebied_links.exists(), opgave.slug
        # A spoor belongs to its principle: 3.2A lies under 3.2 Dynamische hoofdstad.
        assert {spoor[:3] for spoor in sporen} <= principes, opgave.slug


def register(client, **params):
    return client.get(OpgavenRegisterPage.objects.get().url, params)


def test_register_lists_all_and_filters_combine(client):
    html = register(client).content.decode()
    total = OpgavePage.objects.live().count()
    assert f"{total} opgaven" in html

    response = register(client, principe="1.2", thema="2.3")
    expected = (
        OpgavePage.objects.live()
        .filter(principe_links__principe__nummer="1.2", thema_links__thema__nummer="2.3")
        .distinct()
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert f"{expected.count()} opgave" in html
    assert 0 < expected.count() < total
    for opgave in expected:
        assert opgave.url in html


def test_the_register_pages_through_a_selection_and_keeps_its_filter(client, monkeypatch):
    monkeypatch.setattr("opgaven.models.REGISTER_PER_PAGE", 10)
    titles = re.compile(r'<h2 class="utrecht-heading-3 register__titel"><a href="([^"]+)">')
    for params in [{}, {"principe": "1.2"}]:
        expected = {
            opgave.url
            for opgave in OpgavePage.objects.live().filter(
                **({"principe_links__principe__nummer": "1.2"} if params else {})
            )
        }
        assert len(expected) > 10
        seen, query = [], {**params, "pagina": "1"}
        while query:
            html = register(client, **query).content.decode()
            shown = titles.findall(html)
            assert 0 < len(shown) <= 10
            seen += shown
            assert f"{len(expected)} opgaven" in html
            volgende = re.search(r'href="\?([^"]+)" rel="next"', html)
            query = dict(parse_qsl(unescape(volgende.group(1)))) if volgende else None
            if query:
                assert {k: v for k, v in query.items() if k != "pagina"} == params
        assert sorted(seen) == sorted(expected)
    # A page number past the end or not a number shows the nearest page, never an error.
    for pagina in ["999999999999999999999", "x", "-1"]:
        assert titles.findall(register(client, pagina=pagina).content.decode())


def test_free_text_filter(client):
    html = register(client, q="Messchenveld").content.decode()
    assert "1 opgave met deze filters" in html
    assert "Messchenveld II" in html


@pytest.mark.parametrize(
    "params",
    [{"principe": "9.9"}, {"thema": "<script>"}, {"gebied": "atlantis"}, {"q": "x" * 500}],
)
def test_a_bad_filter_value_gets_a_clear_400(client, params):
    response = register(client, **params)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Dit filter kan niet worden toegepast." in html
    assert "<script>" not in html.split("<main", 1)[1]


def test_opgave_page_shows_the_whole_chain(client):
    opgave = OpgavePage.objects.get(slug="omgevingsvisie-werklocaties-en-bedrijvigheid-3")
    html = client.get(opgave.url).content.decode()
    assert "Messchenveld II" in html
    for link in opgave.spoor_links.all():
        assert link.spoor.url in html
    for link in opgave.principe_links.all():
        assert link.principe.url in html
    assert "Omgevingsvisie 2021, § 3.5" in html


def test_an_opgave_lists_25_of_its_spoor_and_links_the_register_for_all(client):
    groei(4)  # factory copies: more than 25 opgaven share a spoor
    opgave = OpgavePage.objects.get(slug="omgevingsvisie-mobiliteit-2")
    spoor = opgave.spoor_links.get().spoor
    others = OpgavePage.objects.filter(spoor_links__spoor=spoor).exclude(pk=opgave.pk).distinct()
    assert others.count() > 25
    html = client.get(opgave.url).content.decode().split("Andere opgaven in hetzelfde spoor")[1]
    assert f"De eerste 25 van {others.count()}." in html
    assert f'href="{register_url(spoor=spoor.nummer)}"' in html.replace("&amp;", "&")
    assert html.count('class="register__label"') == 25


def test_groenvisie_opgaven_show_decision_and_budget(client):
    opgave = OpgavePage.objects.filter(document=OpgavePage.Document.GROENVISIE).first()
    html = client.get(opgave.url).content.decode()
    assert "Gemeenteraad van Assen, 21 december 2023" in html
    assert "Vervangingsbudget: € 280.000 per jaar" in html


def test_uitwerkingen_carry_what_they_serve_as_in_the_fixture(client):
    entries = yaml.safe_load((OPGAVEN_ROOT / "uitwerkingen.yaml").read_text(encoding="utf-8"))
    for entry in entries:
        page = UitwerkingPage.objects.get(slug=entry["slug"])
        assert {link.principe.nummer for link in page.principe_links.all()} == set(
            entry["principes"]
        ), page.slug
        assert {link.thema.nummer for link in page.thema_links.all()} == set(entry["themas"])
        assert {link.gebied.naam for link in page.gebied_links.all()} == set(entry["gebieden"])
        assert page.status == entry["status"] and page.status_bron == entry["status_bron"]

    woonvisie = UitwerkingPage.objects.get(slug="woonvisie")
    html = client.get(woonvisie.url).content.decode()
    for link in woonvisie.thema_links.all():
        assert link.thema.url in html
    assert "Volgens de tekst:" in html
