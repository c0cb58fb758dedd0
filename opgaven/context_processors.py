from .models import OpgavenRegisterPage


def register(request):
    """The way to the opgaven register, for the site navigation and the home page."""
    page = OpgavenRegisterPage.objects.live().only("url_path").first()
    return {"opgaven_url": page.url if page else ""}
