"""The content loaders that `make run` calls on every start never bring back what editors
deleted, never duplicate what they renamed, and publish only on a database's first load."""

import shutil

import pytest
from django.core.management import call_command
from wagtail.models import Page

from assen.models import GeladenInhoud
from kaarten.models import Gebied, Kaart, Kaartlaag, Locatie
from opgaven.models import OpgavePage
from visie.content import CONTENT_ROOT
from visie.content.loader import load_content
from visie.content.parser import fixture_tree
from visie.models import BijlagePage, ThemaPage

pytestmark = [pytest.mark.django_db, pytest.mark.echte_inhoud]

LOADERS = ["load_gebieden", "load_content", "load_opgaven", "load_kaarten"]


def load_all():
    for command in LOADERS:
        call_command(command, verbosity=0)


def counts() -> dict:
    return {
        model.__name__: model.objects.count()
        for model in [Page, OpgavePage, Gebied, Locatie, Kaart, Kaartlaag]
    }


def test_what_editors_deleted_stays_deleted():
    thema = ThemaPage.objects.get(nummer="2.3")
    thema.delete()
    OpgavePage.objects.get(slug="omgevingsvisie-mobiliteit-2").delete()
    kaart = Kaart.objects.get(slug="ruimtelijke-schets-de-verbonden-stad")
    kaart.delete()
    laag = Kaartlaag.objects.filter(kaart__slug="visiekaart-assen-2040").first()
    laag.delete()
    gebied = Gebied.objects.filter(
        soort__in=["wijk", "plek"], opgave_links__isnull=True, uitwerking_links__isnull=True
    ).first()
    gebied.delete()
    before = counts()

    load_all()

    assert counts() == before
    assert not ThemaPage.objects.filter(nummer="2.3").exists()
    assert not OpgavePage.objects.filter(slug="omgevingsvisie-mobiliteit-2").exists()
    assert not Kaart.objects.filter(slug=kaart.slug).exists()
    assert not Kaartlaag.objects.filter(pk=laag.pk).exists()
    assert not Gebied.objects.filter(slug=gebied.slug).exists()
    report = load_content(CONTENT_ROOT)
    assert any(name.endswith(".md") for name in report.deleted)


def test_a_renamed_or_moved_page_is_not_made_again():
    thema = ThemaPage.objects.get(nummer="2.3")
    thema.slug = "winkels-en-horeca"
    thema.save_revision().publish()
    opgave = OpgavePage.objects.get(slug="omgevingsvisie-mobiliteit-2")
    opgave.slug = "fietsroutes"
    opgave.save_revision().publish()
    before = counts()

    load_all()

    assert counts() == before
    assert ThemaPage.objects.get(nummer="2.3").slug == "winkels-en-horeca"
    assert OpgavePage.objects.filter(slug="fietsroutes").count() == 1


def test_a_draft_stays_a_draft_and_the_live_text_stays():
    thema = ThemaPage.objects.get(nummer="2.3")
    live_title = thema.title
    thema.title = "Nog niet goedgekeurd"
    thema.save_revision()

    load_all()

    thema = ThemaPage.objects.get(nummer="2.3")
    assert thema.title == live_title and thema.has_unpublished_changes
    assert thema.get_latest_revision_as_object().title == "Nog niet goedgekeurd"


def test_a_database_loaded_before_this_memory_is_adopted_without_duplicates():
    GeladenInhoud.objects.all().delete()
    before = counts()

    load_all()

    assert counts() == before
    fixtures = len(fixture_tree(CONTENT_ROOT))
    assert GeladenInhoud.objects.filter(sleutel__startswith="pagina/").count() == fixtures
    assert GeladenInhoud.objects.filter(sleutel__startswith="kaart/").count() == (
        Kaart.objects.count()
    )
    assert GeladenInhoud.objects.filter(sleutel__startswith="opgave/").count() == (
        OpgavePage.objects.count()
    )


def test_a_page_new_in_the_fixtures_later_arrives_as_a_draft(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(CONTENT_ROOT, root)
    (root / "07-bijlagen" / "99-nieuw.md").write_text(
        "---\ntype: bijlage\ntitle: Een nieuwe bijlage\nslug: nieuwe-bijlage\n---\nTekst.\n",
        encoding="utf-8",
    )

    report = load_content(root)

    assert report.created == ["07-bijlagen/99-nieuw.md"]
    nieuw = BijlagePage.objects.get(slug="nieuwe-bijlage")
    assert not nieuw.live and nieuw.has_unpublished_changes
    assert nieuw.get_latest_revision() is not None
