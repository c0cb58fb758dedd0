from .outline import document_outline


def navigatie(request):
    """The document's chapters and the way to the uitwerkingen, for the site navigation; the
    outline is built once and cached (see visie.outline)."""
    outline = document_outline()
    return {
        "hoofdstukken": outline.chapters,
        "uitwerkingen_url": outline.home_sections.get("visie.uitwerkingenindexpage", ""),
    }
