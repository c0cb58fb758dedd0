"""The fixture dialect: each construct of fixtures/README.md and its error messages."""

import pytest

from visie.content.parser import ContentError, parse_fixture


def write(tmp_path, body, front="type: thema\ntitle: T\nslug: t\n"):
    path = tmp_path / "page.md"
    path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    return path


def test_paragraph_lines_are_joined_and_inline_markup_applied(tmp_path):
    fixture = parse_fixture(
        write(tmp_path, "Een *schuine* en\n**vette** regel met [link](https://a.nl/x).\n")
    )
    assert fixture.fields["body"] == [
        {
            "type": "paragraph",
            "value": '<p>Een <i>schuine</i> en <b>vette</b> regel met <a href="https://a.nl/x">link</a>.</p>',
        }
    ]


def test_text_is_escaped(tmp_path):
    fixture = parse_fixture(write(tmp_path, "Wonen & werken <script>\n"))
    assert fixture.fields["body"][0]["value"] == "<p>Wonen &amp; werken &lt;script&gt;</p>"


def test_headings_and_lists(tmp_path):
    body = "## Kop\n\n### Tussenkop\n\n- een\n- twee\n  vervolg\n\n3. drie\n4. vier\n"
    blocks = parse_fixture(write(tmp_path, body)).fields["body"]
    assert [b["type"] for b in blocks] == ["heading", "heading", "list", "list"]
    assert blocks[0]["value"] == {"text": "Kop", "level": "h2"}
    assert blocks[1]["value"] == {"text": "Tussenkop", "level": "h3"}
    assert blocks[2]["value"] == {
        "ordered": False,
        "start": 1,
        "items": ["<p>een</p>", "<p>twee vervolg</p>"],
    }
    assert blocks[3]["value"]["ordered"] is True
    assert blocks[3]["value"]["start"] == 3


def test_fenced_blocks_take_their_attributes(tmp_path):
    body = (
        ":::legenda\ntitel: Visie\ngroep: Groen\nnoot: * Voetnoot\n"
        "- *Item* een\n- Item twee\n:::\n\n"
        ":::afbeelding\nsoort: kaart\nbijschrift: Ligging\n:::\n\n"
        ":::tabel\nkop: nee\n| a | b |\n| c |  |\n:::\n"
    )
    legend, figure, table = parse_fixture(write(tmp_path, body)).fields["body"]
    assert legend == {
        "type": "legend",
        "value": {
            "title": "Visie",
            "group": "Groen",
            "items": ["Item een", "Item twee"],
            "note": "* Voetnoot",
        },
    }
    assert figure["value"] == {"kind": "kaart", "caption": "Ligging"}
    assert table["value"] == {"title": "", "has_header": False, "rows": [["a", "b"], ["c", ""]]}


def test_field_sections(tmp_path):
    body = (
        'Inleiding.\n=== tijdvakken\n:::tijdvak\nnaam: Begin\nperiode: "... > 1259"\nTekst.\n:::\n'
    )
    fixture = parse_fixture(write(tmp_path, body, front="type: biografie\ntitle: B\nslug: b\n"))
    assert fixture.fields["body"][0]["value"] == "<p>Inleiding.</p>"
    assert fixture.fields["tijdvakken"] == [
        {"type": "era", "value": {"name": "Begin", "period": "... > 1259", "body": "<p>Tekst.</p>"}}
    ]


def test_a_content_line_that_looks_like_an_attribute_stays_content(tmp_path):
    body = ":::kader\ntitel: Let op\nbijvoorbeeld: dit is tekst\n:::\n"
    (callout,) = parse_fixture(write(tmp_path, body)).fields["body"]
    assert callout["value"] == {"title": "Let op", "body": "<p>bijvoorbeeld: dit is tekst</p>"}


@pytest.mark.parametrize(
    ("body", "front", "message"),
    [
        (":::legenda\ntitel: X\n- a\n", None, r"page.md:6: ':::legenda' is never closed"),
        (":::kaartje\n:::\n", None, r"page.md:6: unknown block ':::kaartje'"),
        (
            ":::afbeelding\nbijschrift: x\n:::\n",
            None,
            r"':::afbeelding' needs the attribute 'soort'",
        ),
        ("x\n", "type: thema\ntitle: T\n", r"front matter lacks 'slug'"),
        ("x\n", "type: [thema\n", r"invalid front matter"),
    ],
)
def test_errors_name_file_line_and_problem(tmp_path, body, front, message):
    path = write(tmp_path, body, **({"front": front} if front else {}))
    with pytest.raises(ContentError, match=message):
        parse_fixture(path)
