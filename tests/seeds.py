"""Expected counts read from the seeds themselves, so the content tests check against the
source, not against numbers typed into the tests."""

import re
from functools import cache

from visie.content import SEEDS

VISIE, RAADSVOORSTEL = SEEDS


@cache
def visie_lines() -> list[str]:
    return VISIE.read_text(encoding="utf-8").splitlines()


def lines_between(start: str, end: str) -> list[str]:
    """The lines after the first line equal to `start` up to the first line equal to `end`."""
    lines = [line.strip() for line in visie_lines()]
    first = lines.index(start)
    return lines[first + 1 : lines.index(end, first + 1)]


def theme_numbers() -> list[str]:
    """2.1 ... 2.13: the section headings of chapter 2 as printed in the text."""
    body = lines_between("DIT IS ASSEN IN 2021", "3 OP WEG NAAR 2040")
    return [m[1] for line in body if (m := re.match(r"^(2\.\d+) [A-Z]", line))]


def spoor_numbers() -> list[str]:
    return [m[1] for line in visie_lines() if (m := re.match(r"^(3\.[123][A-C]) ", line))]


def principle_numbers() -> list[str]:
    return [m[1] for line in visie_lines() if (m := re.match(r"^(1\.[1-3]) [A-Z]", line))]


def focus_areas() -> list[str]:
    body = lines_between("3.4 Focusgebieden", "BINNENSTAD OP WEG NAAR 2040")
    return [m[1] for line in body if (m := re.match(r"^\d\. (.+)$", line))]


def eras() -> list[str]:
    body = lines_between("**BIOGRAFIE", "**BIJ")
    return [line for line in body if re.search(r"\((\.\.\. > )?\d{4}( – \d{4})?\)$", line)]


def kernkwaliteiten() -> list[str]:
    body = lines_between("KERNKWALITEITEN VAN ASSEN", "**BIJ")
    return [m[1] for line in body if (m := re.match(r"^\d+: (.+)$", line))]


def opgaven_per_group() -> dict[str, int]:
    body = lines_between("3.4 Opgaven en aandachtspunten op een rij", "VAN VISIE NAAR UITVOERING")
    groups: dict[str, int] = {}
    current = None
    for line in body:
        if re.match(r"^\d+\. ", line):
            groups[current] += 1
        elif line and not line.startswith("Ter afsluiting") and line != "4":
            current = line
            groups[current] = 0
    return {group: count for group, count in groups.items() if count}


def costed_proposals() -> list[str]:
    """The numbered, costed proposals of section 6 of the council proposal."""
    text = RAADSVOORSTEL.read_text(encoding="utf-8")
    section = text[text.index("6 Kosten, baten en dekking") : text.index("7 Communicatie")]
    return re.findall(r"^\d\. (\S.*?)\s*$", section, flags=re.MULTILINE)
