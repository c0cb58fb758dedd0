from django import template
from django.core.cache import cache
from django.utils.html import format_html_join
from wagtail import hooks

from assen import generation

from ..outline import document_outline

register = template.Library()


@register.filter
def shifted(level: str, shift=0) -> str:
    """A block's heading level ('h2') moved down by the nesting of the page part it stands in,
    so headings stay in order wherever a body is rendered."""
    number = int(level.lstrip("h")) + int(shift or 0)
    return f"h{min(number, 6)}"


@register.inclusion_tag("includes/chapter_nav.html", takes_context=True)
def chapter_nav(context, page):
    """The current chapter's own table of contents, and previous/next within it."""
    chapter = document_outline().chapter_of(page.pk)
    previous, following = chapter.neighbours(page.pk) if chapter else (None, None)
    return {"chapter": chapter, "current_id": page.pk, "previous": previous, "next": following}


@register.simple_tag
def voorouders(page) -> list[tuple[str, str]]:
    """(title, url) of the pages above `page` below the site root, for its breadcrumbs: read
    once per content generation into the shared cache, not two queries on every request."""
    key = generation.key(f"visie:voorouders:{page.pk}")
    found = cache.get(key)
    if found is None:
        ancestors = list(page.get_ancestors().filter(depth__gt=1).specific())
        found = [
            ("Start" if ancestor.depth == 2 else _numbered_title(ancestor), ancestor.url)
            for ancestor in ancestors
        ]
        cache.set(key, found, timeout=generation.TIMEOUT)
    return found


def _numbered_title(page) -> str:
    return getattr(page, "numbered_title", "") or page.title


@register.inclusion_tag("includes/onderdelen.html")
def onderdelen(page):
    """What lies below the page in the document: a chapter's sections, a section's parts."""
    chapter = document_outline().chapter_of(page.pk)
    if chapter is None:
        return {"entries": []}
    if chapter.entry.page_id == page.pk:
        return {"entries": chapter.sections, "heading": "In dit hoofdstuk"}
    return {"entries": chapter.below(page.pk), "heading": "Onderdelen"}


@register.simple_tag(takes_context=True)
def page_sections(context, page):
    """Sections that other apps add to a page of the vision (its opgaven, its map) through the
    hook 'visie_page_sections': each hook takes (request, page) and returns HTML or ''. So the
    vision needs to know nothing of the apps that build on it."""
    request = context.get("request")
    sections = (hook(request, page) for hook in hooks.get_hooks("visie_page_sections"))
    return format_html_join("", "{}", ((section,) for section in sections))
