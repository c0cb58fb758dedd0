"""The loaded content is complete: every count checked against the seed text."""

import re

import pytest

from tests import seeds
from visie.models import (
    BiografiePage,
    FocusgebiedPage,
    HoofdstukPage,
    KernkwaliteitenPage,
    PrincipePage,
    SectiePage,
    SpoorPage,
    ThemaPage,
    UitwerkingPage,
)
from visie.outline import build_outline

pytestmark = [pytest.mark.django_db, pytest.mark.echte_inhoud]


def test_chapters_follow_the_document():
    chapters = [c.entry.numbered_title for c in build_outline().chapters]
    assert chapters == [
        "Voorwoord",
        "Inleiding",
        "1 Assen in 2040",
        "2 Dit is Assen in 2021",
        "3 Op weg naar 2040",
        "4 Van visie naar uitvoering",
        "B Bijlagen",
    ]
    assert HoofdstukPage.objects.live().count() == len(chapters)


def test_every_theme_of_chapter_2():
    numbers = list(ThemaPage.objects.live().order_by("path").values_list("nummer", flat=True))
    assert numbers == seeds.theme_numbers()


def test_principles_hold_both_their_sections():
    principles = PrincipePage.objects.live().order_by("path")
    assert [p.nummer for p in principles] == seeds.principle_numbers()
    assert [p.nummer_weg for p in principles] == ["3.1", "3.2", "3.3"]
    for principle in principles:
        assert principle.beeld_2040 and principle.weg_naar_2040
        legends = [b for b in principle.beeld_2040 if b.block_type == "legend"]
        assert legends and all(legend.value["items"] for legend in legends)


def test_every_spoor_under_its_principle():
    sporen = SpoorPage.objects.live().order_by("path")
    assert [s.nummer for s in sporen] == seeds.spoor_numbers()
    for spoor in sporen:
        parent = spoor.get_parent().specific
        assert spoor.nummer.startswith(parent.nummer_weg)


def test_focus_areas_of_section_3_4():
    titles = list(FocusgebiedPage.objects.live().order_by("path").values_list("title", flat=True))
    assert titles == seeds.focus_areas()


def test_section_3_5_lists_all_opgaven_per_group():
    section = SectiePage.objects.get(nummer="3.5")
    groups: dict[str, int] = {}
    current = None
    for block in section.body:
        if block.block_type == "heading":
            current = block.value["text"]
        elif block.block_type == "list":
            groups[current] = len(block.value["items"])
    assert groups == seeds.opgaven_per_group()
    assert sum(groups.values()) == 56


def test_biography_eras_in_order():
    page = BiografiePage.objects.get()
    eras = [(b.value["name"], b.value["period"]) for b in page.tijdvakken]
    expected = [re.match(r"^(.*) \((.*)\)$", line).groups() for line in seeds.eras()]
    assert eras == expected


def test_the_eleven_kernkwaliteiten():
    page = KernkwaliteitenPage.objects.get()
    names = [(b.value["number"], b.value["name"]) for b in page.kernkwaliteiten]
    assert names == list(enumerate(seeds.kernkwaliteiten(), start=1))


def test_groenvisie_with_its_decision_and_budget_lines():
    groenvisie = UitwerkingPage.objects.get(slug="groenvisie-assen-2040")
    assert groenvisie.status == UitwerkingPage.Status.GEREED
    assert groenvisie.soort == UitwerkingPage.Soort.THEMATISCH_PLAN
    besluit = groenvisie.besluiten.get()
    assert besluit.datum.isoformat() == "2023-12-21"
    posten = list(groenvisie.begrotingsposten.all())
    assert [p.naam for p in posten] == seeds.costed_proposals()
    assert [int(p.bedrag) for p in posten] == [280000, 125000, 10000]
    for post in posten:
        assert f"{int(post.bedrag):,}".replace(",", ".") in post.toelichting
    raadsvoorstel = seeds.RAADSVOORSTEL.read_text(encoding="utf-8")
    for post in posten:
        assert " ".join(post.toelichting.split()[:6]) in " ".join(raadsvoorstel.split())
