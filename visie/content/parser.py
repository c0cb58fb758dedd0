"""Parse a content fixture: YAML front matter, then a small Markdown dialect turned into
StreamField data. The format is documented in fixtures/README.md; keep the two in step."""

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

FIELD_MARKER = re.compile(r"^=== (\w+)\s*$")
FENCE_OPEN = re.compile(r"^:::(\w+)\s*$")
ATTRIBUTE = re.compile(r"^([a-z_]+):\s?(.*)$")
BULLET = re.compile(r"^[-•]\s+(.*)$")
NUMBERED = re.compile(r"^(\d+)\.\s+(.*)$")
HEADING = re.compile(r"^(#{2,3})\s+(.*)$")
LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)")
BOLD = re.compile(r"\*\*(.+?)\*\*")
ITALIC = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")


class ContentError(ValueError):
    """A fixture that does not follow fixtures/README.md; the message names file and line."""


@dataclass
class PageFixture:
    path: Path
    meta: dict
    fields: dict[str, list[dict]] = field(default_factory=dict)

    @property
    def page_type(self) -> str:
        return self.meta["type"]


def inline_html(text: str) -> str:
    """Escape text and apply the inline markup: **bold**, *italic* and [links](https://...)."""
    text = html.escape(text.strip(), quote=False)
    text = LINK.sub(lambda m: f'<a href="{html.escape(m[2])}">{m[1]}</a>', text)
    text = BOLD.sub(r"<b>\1</b>", text)
    return ITALIC.sub(r"<i>\1</i>", text)


def plain_text(text: str) -> str:
    """Legend and table cells are plain text: drop the emphasis the PDF's styling left."""
    return BOLD.sub(r"\1", ITALIC.sub(r"\1", text.strip()))


def paragraphs_html(lines: list[str]) -> str:
    return "".join(f"<p>{inline_html(p)}</p>" for p in _paragraphs(lines))


def _paragraphs(lines: list[str]) -> list[str]:
    """Blank-line separated paragraphs, the lines of each joined with a space."""
    paragraphs, current = [], []
    for line in [*lines, ""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    return paragraphs


class _BodyParser:
    def __init__(self, path: Path, first_line: int):
        self.path = path
        self.first_line = first_line

    def error(self, offset: int, message: str) -> ContentError:
        return ContentError(f"{self.path}:{self.first_line + offset}: {message}")

    def parse(self, lines: list[str]) -> list[dict]:
        blocks: list[dict] = []
        i = 0
        while i < len(lines):
            line = lines[i].rstrip()
            if not line.strip():
                i += 1
            elif m := HEADING.match(line):
                level = "h2" if len(m[1]) == 2 else "h3"
                blocks.append(_block("heading", {"text": plain_text(m[2]), "level": level}))
                i += 1
            elif m := FENCE_OPEN.match(line):
                end = self._fence_end(lines, i)
                blocks.append(self._fenced(m[1], lines[i + 1 : end], i))
                i = end + 1
            elif BULLET.match(line) or NUMBERED.match(line):
                i = self._list(lines, i, blocks)
            else:
                start = i
                while i < len(lines) and lines[i].strip() and not self._starts_block(lines[i]):
                    i += 1
                text = " ".join(part.strip() for part in lines[start:i])
                blocks.append(_block("paragraph", f"<p>{inline_html(text)}</p>"))
        return blocks

    @staticmethod
    def _starts_block(line: str) -> bool:
        return bool(
            HEADING.match(line)
            or FENCE_OPEN.match(line)
            or BULLET.match(line)
            or NUMBERED.match(line)
        )

    def _fence_end(self, lines: list[str], start: int) -> int:
        for j in range(start + 1, len(lines)):
            if lines[j].strip() == ":::":
                return j
        raise self.error(start, f"'{lines[start].strip()}' is never closed with ':::'")

    def _list(self, lines: list[str], i: int, blocks: list[dict]) -> int:
        ordered = bool(NUMBERED.match(lines[i]))
        pattern = NUMBERED if ordered else BULLET
        start = int(NUMBERED.match(lines[i])[1]) if ordered else 1
        items: list[str] = []
        while i < len(lines):
            line = lines[i].rstrip()
            if m := pattern.match(line):
                items.append(m[m.lastindex])
            elif line.startswith("  ") and line.strip() and items:
                items[-1] += " " + line.strip()
            else:
                break
            i += 1
        blocks.append(
            _block(
                "list",
                {
                    "ordered": ordered,
                    "start": start,
                    "items": [f"<p>{inline_html(item)}</p>" for item in items],
                },
            )
        )
        return i

    def _fenced(self, kind: str, lines: list[str], offset: int) -> dict:
        if kind not in FENCED_BLOCKS:
            raise self.error(offset, f"unknown block ':::{kind}' (see fixtures/README.md)")
        block_type, known_attributes, build = FENCED_BLOCKS[kind]
        attrs: dict[str, str] = {}
        content = list(lines)
        while content and (m := ATTRIBUTE.match(content[0].strip())) and m[1] in known_attributes:
            attrs[m[1]] = m[2].strip().strip('"')
            content.pop(0)
        try:
            return _block(block_type, build(attrs, content))
        except KeyError as missing:
            raise self.error(offset, f"':::{kind}' needs the attribute {missing}") from None


def _block(block_type: str, value) -> dict:
    return {"type": block_type, "value": value}


def _items(content: list[str]) -> list[str]:
    items: list[str] = []
    for line in content:
        if m := BULLET.match(line.strip()):
            items.append(plain_text(m[1]))
        elif line.strip() and items:
            items[-1] += " " + plain_text(line)
    return items


def _table_rows(content: list[str]) -> list[list[str]]:
    return [
        [plain_text(cell) for cell in line.strip().strip("|").split("|")]
        for line in content
        if line.strip().startswith("|")
    ]


# ":::name" -> (block type, attributes it takes, builder of the block's value).
FENCED_BLOCKS = {
    "legenda": (
        "legend",
        {"titel", "groep", "noot"},
        lambda a, c: {
            "title": a["titel"],
            "group": a.get("groep", ""),
            "items": _items(c),
            "note": a.get("noot", ""),
        },
    ),
    "afbeelding": (
        "figure",
        {"soort", "bijschrift"},
        lambda a, c: {"kind": a["soort"], "caption": plain_text(a.get("bijschrift", ""))},
    ),
    "tabel": (
        "table",
        {"titel", "kop"},
        lambda a, c: {
            "title": a.get("titel", ""),
            "has_header": a.get("kop", "ja") != "nee",
            "rows": _table_rows(c),
        },
    ),
    "kader": (
        "callout",
        {"titel"},
        lambda a, c: {"title": a.get("titel", ""), "body": paragraphs_html(c)},
    ),
    "tijdvak": (
        "era",
        {"naam", "periode"},
        lambda a, c: {"name": a["naam"], "period": a["periode"], "body": paragraphs_html(c)},
    ),
    "kernkwaliteit": (
        "kernkwaliteit",
        {"nummer", "naam"},
        lambda a, c: {"number": int(a["nummer"]), "name": a["naam"], "body": paragraphs_html(c)},
    ),
}


def parse_fixture(path: Path) -> PageFixture:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        raise ContentError(f"{path}:1: a fixture starts with '---' and YAML front matter")
    try:
        front, body = text[4:].split("\n---\n", 1)
    except ValueError:
        raise ContentError(f"{path}: the front matter is not closed with '---'") from None
    try:
        meta = yaml.safe_load(front) or {}
    except yaml.YAMLError as exc:
        raise ContentError(f"{path}: invalid front matter: {exc}") from None
    for key in ("type", "title", "slug"):
        if not meta.get(key):
            raise ContentError(f"{path}: front matter lacks '{key}'")

    body_first_line = front.count("\n") + 4  # the opening ---, the front matter, the closing ---
    sections: dict[str, list[str]] = {"body": []}
    section_starts = {"body": body_first_line}
    current = "body"
    for offset, line in enumerate(body.split("\n")):
        if m := FIELD_MARKER.match(line):
            current = m[1]
            sections.setdefault(current, [])
            section_starts[current] = body_first_line + offset + 1
        else:
            sections[current].append(line)

    fields = {
        name: _BodyParser(path, section_starts[name]).parse(lines)
        for name, lines in sections.items()
    }
    return PageFixture(path=path, meta=meta, fields=fields)


def fixture_tree(root: Path) -> list[tuple[PageFixture, PageFixture | None]]:
    """Every fixture under root with its parent fixture, parents before children, siblings in
    file-name order."""
    ordered: list[tuple[PageFixture, PageFixture | None]] = []

    def walk(folder: Path, parent: PageFixture | None) -> None:
        index = folder / "_index.md"
        own = parse_fixture(index) if index.exists() else None
        if own is not None:
            ordered.append((own, parent))
        children_parent = own or parent
        for entry in sorted(folder.iterdir()):
            if entry.is_dir():
                walk(entry, children_parent)
            elif entry.suffix == ".md" and entry.name != "_index.md":
                ordered.append((parse_fixture(entry), children_parent))

    walk(root, None)
    return ordered
