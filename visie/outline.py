"""The document's outline: chapters and their sections in the order and numbering of the
omgevingsvisie. It drives the navigation, previous/next and the leesversie.

The page tree keeps each principle once, in chapter 1 where the document first names it; chapter 3
("Op weg naar 2040") lists the principle again (3.1 to 3.3, its way there) with its sporen. The
outline puts both where the document has them.
"""

from dataclasses import dataclass, field

from django.core.cache import cache
from wagtail.models import Page

from assen import generation

from .models import HomePage, HoofdstukPage, PrincipePage, SpoorPage

CACHE_KEY = "visie:outline"
WEG_ANCHOR = "op-weg-naar-2040"


@dataclass
class Entry:
    page_id: int
    number: str
    title: str
    url: str
    depth: int  # 1 for a chapter's sections, 2 for what lies below them
    # Which of the page's text streams belong to the document here (the leesversie renders them).
    fields: tuple[str, ...] = ()

    @property
    def numbered_title(self) -> str:
        return f"{self.number} {self.title}" if self.number else self.title


@dataclass
class Chapter:
    entry: Entry
    sections: list[Entry] = field(default_factory=list)

    def below(self, page_id: int) -> list[Entry]:
        """The entries nested under the page's entry (a section's focus areas, ...)."""
        nested: list[Entry] = []
        for index, item in enumerate(self.sections):
            if item.page_id == page_id:
                for following in self.sections[index + 1 :]:
                    if following.depth <= item.depth:
                        break
                    nested.append(following)
                break
        return nested

    def neighbours(self, page_id: int) -> tuple[Entry | None, Entry | None]:
        """Previous and next entry around the page within this chapter (the chapter page first)."""
        sequence = [self.entry, *self.sections]
        for index, item in enumerate(sequence):
            if item.page_id == page_id:
                previous = sequence[index - 1] if index > 0 else None
                following = sequence[index + 1] if index + 1 < len(sequence) else None
                return previous, following
        return None, None


@dataclass
class Outline:
    chapters: list[Chapter]
    # The home page's other children by model label ("visie.uitwerkingenindexpage": "/..."), so
    # navigation can link the uitwerkingen and other apps' sections without a query per request.
    home_sections: dict[str, str] = field(default_factory=dict)

    def chapter_of(self, page_id: int) -> Chapter | None:
        for chapter in self.chapters:
            if chapter.entry.page_id == page_id or any(
                s.page_id == page_id for s in chapter.sections
            ):
                return chapter
        return None


def _entry(page, depth: int, number: str | None = None, anchor: str = "", fields=None) -> Entry:
    return Entry(
        page_id=page.pk,
        number=page.nummer if number is None else number,
        title=page.title,
        url=page.url + (f"#{anchor}" if anchor else ""),
        depth=depth,
        fields=tuple(fields if fields is not None else page.text_fields),
    )


def build_outline() -> Outline:
    home = HomePage.objects.live().first()
    if home is None:
        return Outline(chapters=[])
    pages = list(Page.objects.live().descendant_of(home).specific().order_by("path"))
    children: dict[str, list] = {}
    for page in pages:
        children.setdefault(page.path[: -Page.steplen], []).append(page)
    principles = [p for p in pages if isinstance(p, PrincipePage)]

    chapters = []
    home_sections = {}
    for chapter_page in children.get(home.path, []):
        if not isinstance(chapter_page, HoofdstukPage):
            home_sections[chapter_page._meta.label_lower] = chapter_page.url
            continue  # the uitwerkingen and the register are not part of the document
        chapter = Chapter(entry=_entry(chapter_page, 0))
        prefix = f"{chapter_page.nummer}." if chapter_page.nummer else None
        for principle in principles:
            if prefix and principle.nummer_weg.startswith(prefix):
                chapter.sections.append(
                    _entry(principle, 1, principle.nummer_weg, WEG_ANCHOR, ["weg_naar_2040"])
                )
                chapter.sections += [
                    _entry(spoor, 2)
                    for spoor in children.get(principle.path, [])
                    if isinstance(spoor, SpoorPage)
                ]
        for section in children.get(chapter_page.path, []):
            if isinstance(section, PrincipePage):
                chapter.sections.append(_entry(section, 1, fields=["beeld_2040"]))
                continue
            chapter.sections.append(_entry(section, 1))
            chapter.sections += [_entry(sub, 2) for sub in children.get(section.path, [])]
        chapters.append(chapter)
    return Outline(chapters=chapters, home_sections=home_sections)


def document_outline() -> Outline:
    """The outline, built once per content generation in the cache all workers share, so every
    worker follows a publish, move or deletion at once."""
    key = generation.key(CACHE_KEY)
    outline = cache.get(key)
    if outline is None:
        outline = build_outline()
        cache.set(key, outline, timeout=generation.TIMEOUT)
    return outline
