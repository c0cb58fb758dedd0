from .outline import document_outline


def navigatie(request):
    """The document's chapters for the site navigation, built once and cached (see outline)."""
    return {"hoofdstukken": document_outline(request).chapters if request else []}
