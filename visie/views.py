import re

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.models import Page

from kaarten.ligging import plaatsen
from kaarten.locatieserver import kijkt_als_adres

from .models import HomePage, VisiePage
from .outline import document_outline

RESULTS_PER_PAGE = 10
SNIPPET_RADIUS = 120
MAX_QUERY_LENGTH = 200
# What the full-text search is given of a query: its words. Quotes, operators and control
# characters mean something to SQLite's MATCH syntax (or break it), never to a resident.
NOT_A_WORD = re.compile(r"[^\w\s'-]+")


def snippet(text: str, query: str) -> str:
    """A stretch of text around the first query word found in it, the query words marked."""
    words = [w for w in re.findall(r"\w+", query) if len(w) > 1]
    if not words or not text:
        return escape(text[: 2 * SNIPPET_RADIUS])
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    match = pattern.search(text)
    start = max(0, match.start() - SNIPPET_RADIUS) if match else 0
    end = min(len(text), start + 2 * SNIPPET_RADIUS)
    excerpt = escape(text[start:end])
    marked = re.compile("|".join(re.escape(escape(w)) for w in words), re.IGNORECASE).sub(
        lambda m: f"<mark>{m[0]}</mark>", excerpt
    )
    return mark_safe(("… " if start else "") + marked + (" …" if end < len(text) else ""))  # noqa: S308 - escaped above


def zoeken(request):
    query = " ".join(NOT_A_WORD.sub(" ", request.GET.get("q", "")[:MAX_QUERY_LENGTH]).split())
    results, plekken = None, []
    if len(query) >= 3:
        # A query that names a wijk or place: what plays there is on 'Wat speelt er hier?'.
        plekken = list(plaatsen().filter(naam__icontains=query)[:5])
    if query:
        found = Page.objects.live().public().specific().search(query)
        paginator = Paginator(found, RESULTS_PER_PAGE)
        try:
            results = paginator.page(request.GET.get("pagina", 1))
        except PageNotAnInteger:
            results = paginator.page(1)
        except EmptyPage:
            results = paginator.page(paginator.num_pages)
        for page in results:
            text = page.plain_text() if isinstance(page, VisiePage) else ""
            page.search_snippet = snippet(text, query)
    return render(
        request,
        "visie/zoeken.html",
        {
            "query": query,
            "results": results,
            "plekken": plekken,
            "adres": kijkt_als_adres(query),
            "title": _("Zoeken"),
        },
    )


def leesversie(request):
    """The whole vision on one printable page, in the document's own order."""
    outline = document_outline()
    ids = {e.page_id for c in outline.chapters for e in [c.entry, *c.sections]}
    pages = {p.pk: p for p in Page.objects.filter(pk__in=ids).specific()}
    chapters = [
        {
            "entry": chapter.entry,
            "page": pages[chapter.entry.page_id],
            "sections": [
                {"entry": e, "streams": [getattr(pages[e.page_id], name) for name in e.fields]}
                for e in chapter.sections
            ],
        }
        for chapter in outline.chapters
    ]
    return render(
        request,
        "visie/leesversie.html",
        {"chapters": chapters, "home": HomePage.objects.live().first()},
    )
