"""Word-for-word comparison of the content fixtures with the two seeds.

Both sides are cut into units (a seed line; a fixture's title, front matter text or block text)
and the units into lowercase words, so punctuation, layout and markup do not matter. A word
counts as matched when a run of NGRAM words around it also stands on the other side; a unit
shorter than NGRAM (a heading, a caption, a legend item) counts as matched when it stands on the
other side whole.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from ..text import value_texts
from .parser import PageFixture

NGRAM = 5
# Shorter unmatched runs are layout mending (a "Kaart:" before a map's name, ...), not text.
MIN_REPORTED_RUN = 3
WORD = re.compile(r"\w+")
LIST_MARKER = re.compile(r"^(\d+\.|[-•])\s+")

# Lines of the omgevingsvisie that are not content, with the reason (see seeds/SEEDS.md).
NOT_CONTENT = [
    (
        re.compile(
            r"^(DIT IS ASSEN IN 2021|DIT DOEN WE OP WEG NAAR 2040|FOCUSGEBIEDEN"
            r"|VAN VISIE NAAR UITVOERING|[A-Z -]+ OP WEG NAAR 2040|BIJ|LAGE)$"
        ),
        "running page header or page label",
    ),
    (re.compile(r"^An architectural rendering"), "generated English picture description"),
    (re.compile(r"^0 0,5 km$"), "scale bar of a map"),
    (
        re.compile(r"^\d\.\d+[A-C]? \S.{0,60}$"),
        "a numbered section heading: the page's number and title, checked as page counts",
    ),
]
# Line ranges of the omgevingsvisie that are navigation the site generates from its pages.
NAVIGATION_LINES = [
    range(42, 76),  # the printed table of contents
    range(119, 122),  # chapter 1's list of its sections, and so on for each chapter
    range(292, 304),
    range(634, 639),
    range(648, 651),  # the list of a principle's sporen (A, B, C)
    range(720, 723),
    range(866, 869),
    range(907, 909),  # running header of 3.3C, split over two lines
    range(934, 940),  # the list of the six focus areas
    range(1235, 1239),
]
# Headings the PDF split into pieces or glued together, as the text has them.
MENDED_HEADINGS = {
    "VOOR WOORD": "VOORWOORD",
    "INH OUD": "INHOUD",
    "LEES WIJ ZER": "LEESWIJZER",
    "BIO GRA FIE": "BIOGRAFIE",
    "HAVEN KWARTIER": "HAVENKWARTIER",
    "KLOOSTER VEEN": "KLOOSTERVEEN",
    "GROENESTAD": "GROENE STAD",
}
# Front matter that is machinery, not text of the document.
NON_TEXT_META = {"type", "slug", "bron", "soort", "status", "besluiten", "begrotingsposten"}


@dataclass
class Finding:
    where: str
    words: str

    def __str__(self) -> str:
        return f"{self.where}: {self.words}"


def _words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def fixture_units(fixture: PageFixture, with_front_matter: bool = True) -> list[list[str]]:
    units = []
    if with_front_matter:
        meta = fixture.meta
        units = [_words(f"{meta.get('nummer') or ''} {meta['title']}")]
        units += [
            _words(str(value))
            for key, value in meta.items()
            if key not in NON_TEXT_META | {"nummer", "title"} and value is not None
        ]
    for blocks in fixture.fields.values():
        units += [_words(text) for text in value_texts(blocks)]
    return [u for u in units if u]


def seed_units(path: Path) -> list[tuple[int, list[str]]]:
    units = []
    is_visie = path.name.startswith("omgevingsvisie")
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        # List markers are the lists' numbering, which the list blocks keep apart from the text.
        stripped = LIST_MARKER.sub("", line.replace("*", "").strip())
        if is_visie:
            if any(number in lines for lines in NAVIGATION_LINES):
                continue
            if any(pattern.match(stripped) for pattern, _ in NOT_CONTENT):
                continue
            for split, whole in MENDED_HEADINGS.items():
                stripped = stripped.replace(split, whole)
        if words := _words(stripped):
            units.append((number, words))
    return units


def _grams(units: list[list[str]]) -> set[tuple[str, ...]]:
    stream = [w for unit in units for w in unit]
    return {tuple(stream[i : i + NGRAM]) for i in range(len(stream) - NGRAM + 1)}


def _phrases(units: list[list[str]]) -> str:
    return " " + " ".join(w for unit in units for w in unit) + " "


def _unmatched(
    units: list[list[str]], grams: set[tuple[str, ...]], phrases: str
) -> list[tuple[int, int, int]]:
    """(unit index, start, end) of unmatched runs of at least MIN_REPORTED_RUN words."""
    stream = [(u, w) for u, unit in enumerate(units) for w in unit]
    words = [w for _, w in stream]
    matched = [False] * len(words)
    for i in range(len(words) - NGRAM + 1):
        if tuple(words[i : i + NGRAM]) in grams:
            matched[i : i + NGRAM] = [True] * NGRAM
    position = 0
    for unit in units:
        if len(unit) < NGRAM and f" {' '.join(unit)} " in phrases:
            matched[position : position + len(unit)] = [True] * len(unit)
        position += len(unit)
    runs, start = [], None
    for i, ok in enumerate([*matched, True]):
        if not ok and start is None:
            start = i
        elif ok and start is not None:
            if i - start >= MIN_REPORTED_RUN:
                runs.append((stream[start][0], start, i))
            start = None
    return runs


def compare(seeds: list[Path], fixtures: list[PageFixture], root: Path):
    """Return (missing, unsourced): seed passages absent from the fixtures, and fixture passages
    absent from the seeds."""
    fixture_all = [u for f in fixtures for u in fixture_units(f)]
    fixture_grams, fixture_phrases = _grams(fixture_all), _phrases(fixture_all)
    missing: list[Finding] = []
    seed_all: list[list[str]] = []
    for seed in seeds:
        located = seed_units(seed)
        units = [words for _, words in located]
        seed_all += units
        stream = [w for unit in units for w in unit]
        for unit, start, end in _unmatched(units, fixture_grams, fixture_phrases):
            where = f"{seed.name}:{located[unit][0]}"
            missing.append(Finding(where, " ".join(stream[start:end])))
    seed_grams, seed_phrases = _grams(seed_all), _phrases(seed_all)
    unsourced: list[Finding] = []
    for fixture in fixtures:
        units = fixture_units(fixture, with_front_matter=False)
        stream = [w for unit in units for w in unit]
        for _, start, end in _unmatched(units, seed_grams, seed_phrases):
            where = str(fixture.path.relative_to(root))
            unsourced.append(Finding(where, " ".join(stream[start:end])))
    return missing, unsourced
