from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from .models import Herziening, Versie
from .versies import GEREGISTREERD
from .wijzigingen import url_van, wat_verandert

# The largest id a database key holds; a larger one names no object.
MAX_ID = 2**63 - 1


def index(request):
    """Herzieningen in progress (with how to react while one lies open for comments) and those
    adopted, newest first."""
    herzieningen = list(
        Herziening.objects.filter(live=True, soort=Herziening.Soort.HERZIENING).annotate(
            aantal=Count("versies")
        )
    )
    vastgesteld = sorted(
        (h for h in herzieningen if not h.in_behandeling),
        key=lambda h: (h.geldig_vanaf is not None, h.geldig_vanaf),
        reverse=True,
    )
    return render(
        request,
        "herzieningen/index.html",
        {
            "in_behandeling": [h for h in herzieningen if h.in_behandeling],
            "vastgesteld": vastgesteld,
        },
    )


def geschiedenis(request, app_label: str, model: str, object_id: int):
    """The versions of one object: which herziening made each, and from when to when it held."""
    content_type = get_object_or_404(ContentType, app_label=app_label, model=model)
    model_class = content_type.model_class()
    if model_class not in GEREGISTREERD or object_id > MAX_ID:
        raise Http404
    obj = get_object_or_404(model_class, pk=object_id)
    versies = (
        Versie.objects.filter(content_type=content_type, object_id=obj.pk)
        .select_related("herziening")
        .order_by("-geldig_vanaf")
    )
    return render(
        request,
        "herzieningen/geschiedenis.html",
        {
            "object": obj,
            "url": url_van(obj, request),
            "soort": model_class._meta.verbose_name,
            "versies": versies,
        },
    )


def herziening(request, slug):
    herziening = get_object_or_404(Herziening, slug=slug, live=True)
    return render(
        request,
        "herzieningen/herziening.html",
        {"herziening": herziening, "soorten": wat_verandert(herziening, request)},
    )
