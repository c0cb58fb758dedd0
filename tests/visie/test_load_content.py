"""load_content: idempotent, keeps editors' changes, all-or-nothing on bad fixtures."""

import shutil

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from assen.models import GeladenInhoud
from visie.content import CONTENT_ROOT
from visie.content.loader import load_content
from visie.content.parser import fixture_tree
from visie.models import HomePage, ThemaPage

pytestmark = [pytest.mark.django_db, pytest.mark.echte_inhoud]


def test_every_fixture_became_one_live_page():
    for fixture, parent in fixture_tree(CONTENT_ROOT):
        pages = Page.objects.live().filter(slug=fixture.meta["slug"])
        if parent is not None:
            pages = pages.filter(depth__gt=2)
        assert pages.count() == 1, fixture.path


def test_loading_again_changes_nothing():
    before = Page.objects.count()
    report = load_content(CONTENT_ROOT)
    assert report.created == [] and report.updated == []
    assert len(report.unchanged) == len(fixture_tree(CONTENT_ROOT))
    assert Page.objects.count() == before


def test_an_editors_change_survives_a_reload_and_overwrite_resets_it_as_a_draft():
    page = ThemaPage.objects.get(nummer="2.3")
    original_title = page.title
    page.title = "Winkels en horeca"
    page.save_revision().publish()

    call_command("load_content", verbosity=0)
    assert ThemaPage.objects.get(pk=page.pk).title == "Winkels en horeca"

    call_command("load_content", overwrite=True, verbosity=0)
    restored = ThemaPage.objects.get(pk=page.pk)
    assert restored.title == "Winkels en horeca"  # live until the workflow publishes the reset
    assert restored.has_unpublished_changes
    assert restored.get_latest_revision_as_object().title == original_title
    assert restored.revisions.count() == 3  # loaded, edited, restored: history is kept


def test_loading_into_an_empty_site_builds_and_publishes_the_whole_tree():
    HomePage.objects.get().delete()
    GeladenInhoud.objects.filter(sleutel__startswith="pagina/").delete()  # as a new database
    assert not HomePage.objects.exists()

    report = load_content(CONTENT_ROOT)

    assert len(report.created) == len(fixture_tree(CONTENT_ROOT))
    home = HomePage.objects.get()
    assert home.get_site().root_page_id == home.pk
    assert not home.get_descendants(inclusive=True).not_live().exists()


@pytest.fixture
def broken_content(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(CONTENT_ROOT, root)
    return root


def test_a_broken_fixture_loads_nothing(broken_content, monkeypatch):
    # A valid new page early in the tree, a broken one late: the valid one must not stay behind.
    (broken_content / "01-voorwoord.md").rename(broken_content / "00-nieuw.md")
    (broken_content / "07-bijlagen" / "99-kapot.md").write_text(
        "---\ntype: bijlage\ntitle: Kapot\nslug: kapot\n---\n:::legenda\ntitel: X\n- a\n",
        encoding="utf-8",
    )
    monkeypatch.setattr("visie.management.commands.load_content.CONTENT_ROOT", broken_content)
    HomePage.objects.get().delete()

    with pytest.raises(CommandError, match=r"Nothing was loaded: .*99-kapot.md:6: .*never closed"):
        call_command("load_content")

    assert not HomePage.objects.exists()
    assert not Page.objects.filter(slug="voorwoord").exists()


def test_an_unknown_field_is_refused_with_file_and_name(broken_content):
    page = broken_content / "01-voorwoord.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("type:", "kleur: rood\ntype:"), "utf-8"
    )
    with pytest.raises(Exception, match="01-voorwoord.md: 'kleur' is not a field of hoofdstuk"):
        load_content(broken_content)
