from visie.outline import document_outline


def register(request):
    """The way to the opgaven register, for the site navigation and the home page; read from
    the cached outline of the site, so it costs no query."""
    return {"opgaven_url": document_outline().home_sections.get("opgaven.opgavenregisterpage", "")}
