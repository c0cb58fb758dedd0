"""The fixtures carry every word of the seeds and nothing else; the check notices when not."""

import shutil

import pytest
from django.core.management import CommandError, call_command

from visie.content import CONTENT_ROOT, SEEDS
from visie.content.fidelity import compare
from visie.content.parser import fixture_tree

pytestmark = pytest.mark.echte_inhoud


def _fixtures(root):
    return [fixture for fixture, _ in fixture_tree(root)]


def test_fixtures_match_the_seeds_word_for_word():
    missing, unsourced = compare(SEEDS, _fixtures(CONTENT_ROOT), CONTENT_ROOT)
    assert missing == []
    assert unsourced == []


def test_check_content_command_passes(capsys):
    call_command("check_content")
    assert "0 missing, 0 unsourced" in capsys.readouterr().out


@pytest.fixture
def content_copy(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(CONTENT_ROOT, root)
    return root


def test_a_dropped_paragraph_is_reported_with_its_seed_line(content_copy):
    thema = content_copy / "04-dit-is-assen-in-2021" / "12-milieu.md"
    text = thema.read_text(encoding="utf-8")
    sentence = "De bodem is de basis."
    paragraph = next(p for p in text.split("\n\n") if p.startswith(sentence))
    thema.write_text(text.replace(paragraph, ""), encoding="utf-8")

    missing, unsourced = compare(SEEDS, _fixtures(content_copy), content_copy)

    assert len(missing) == 1
    assert missing[0].where.startswith("omgevingsvisie-assen-2021.txt:")
    assert missing[0].words.startswith("de bodem is de basis")
    assert unsourced == []


def test_invented_text_is_reported(content_copy):
    voorwoord = content_copy / "01-voorwoord.md"
    invented = "Wij beloven dat elke wijk een nieuw zwembad krijgt."
    voorwoord.write_text(voorwoord.read_text(encoding="utf-8") + f"\n{invented}\n", "utf-8")

    missing, unsourced = compare(SEEDS, _fixtures(content_copy), content_copy)

    assert missing == []
    assert [f.words for f in unsourced] == ["wij beloven dat elke wijk een nieuw zwembad krijgt"]
    assert unsourced[0].where == "01-voorwoord.md"


def test_check_content_fails_on_a_broken_fixture(content_copy, settings, monkeypatch):
    (content_copy / "01-voorwoord.md").write_text("no front matter\n", encoding="utf-8")
    monkeypatch.setattr("visie.management.commands.check_content.CONTENT_ROOT", content_copy)
    with pytest.raises(CommandError, match="01-voorwoord.md:1: a fixture starts with '---'"):
        call_command("check_content")
