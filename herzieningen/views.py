from django.db.models import Count
from django.shortcuts import get_object_or_404, render

from .models import Herziening
from .wijzigingen import wat_verandert


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


def herziening(request, slug):
    herziening = get_object_or_404(Herziening, slug=slug, live=True)
    return render(
        request,
        "herzieningen/herziening.html",
        {"herziening": herziening, "soorten": wat_verandert(herziening, request)},
    )
