"""Which models the herzieningen version, and the version of an object in force on a date.

Each app registers its versioned models in its AppConfig.ready() with a `herkomst`: for an
object loaded from the fixtures, the key (in herzieningen.content) of the herziening its
content comes from, or None for what no decision adopted (reference data such as the CBS wijk
boundaries)."""

import datetime
from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import models
from django.db.models import Q
from django.utils import timezone

from assen import generation

from .models import Herziening, Versie

Herkomst = Callable[[models.Model], str | None]
# Filled once at start-up by the apps' ready(), read-only afterwards.
GEREGISTREERD: dict[type[models.Model], Herkomst] = {}


def registreer(model: type[models.Model], herkomst: Herkomst) -> None:
    GEREGISTREERD[model] = herkomst


def content_type_van(obj: models.Model) -> ContentType:
    """A page's own type (not Page), a snippet's model."""
    if getattr(obj, "content_type_id", None) and hasattr(obj, "specific_class"):
        return ContentType.objects.get_for_id(obj.content_type_id)
    return ContentType.objects.get_for_model(obj)


def in_werking(peildatum: datetime.date) -> Q:
    """Versions in force on `peildatum`: of a correction, or of a herziening the council
    adopted (what a draft or a herziening open for comments proposes never is)."""
    besloten = Q(herziening__soort=Herziening.Soort.CORRECTIE) | Q(
        herziening__procedure__in=[
            Herziening.Procedure.VASTGESTELD,
            Herziening.Procedure.IN_WERKING,
        ]
    )
    return (
        besloten
        & Q(geldig_vanaf__lte=peildatum)
        & (Q(geldig_tot__isnull=True) | Q(geldig_tot__gt=peildatum))
    )


def geldende_versie(obj: models.Model, peildatum: datetime.date | None = None) -> Versie | None:
    """The version of `obj` in force on `peildatum` (today if none) with its herziening, once
    per content generation from the shared cache."""
    peildatum = peildatum or timezone.localdate()
    content_type = content_type_van(obj)
    key = generation.key(f"herzieningen:geldend:{content_type.pk}:{obj.pk}:{peildatum}")
    found = cache.get(key, default=key)
    if found is key:
        found = (
            Versie.objects.filter(
                in_werking(peildatum), content_type=content_type, object_id=obj.pk
            )
            .select_related("herziening")
            .order_by("-geldig_vanaf")
            .first()
        )
        cache.set(key, found, timeout=generation.TIMEOUT)
    return found


def niet_in_werking(vandaag: datetime.date) -> Q:
    """Versions of a published herziening that is not in force yet: a draft, one open for
    comments, or one adopted that takes effect later. One still in preparation is not public."""
    Procedure = Herziening.Procedure
    return Q(herziening__live=True) & (
        Q(herziening__procedure__in=[Procedure.ONTWERP, Procedure.TER_INZAGE])
        | Q(
            herziening__procedure__in=[Procedure.VASTGESTELD, Procedure.IN_WERKING],
            geldig_vanaf__gt=vandaag,
        )
    )


def aangekondigd() -> dict[tuple[int, int], list[Versie]]:
    """Per object (content type, id), the versions that herzieningen not yet in force propose,
    with their herziening: one query per content generation and day for the whole site, so a
    page's banner costs none."""
    vandaag = timezone.localdate()
    key = generation.key(f"herzieningen:aangekondigd:{vandaag}")
    found = cache.get(key)
    if found is None:
        found = {}
        for versie in (
            Versie.objects.filter(niet_in_werking(vandaag))
            .select_related("herziening")
            .order_by("geldig_vanaf", "pk")
        ):
            found.setdefault((versie.content_type_id, versie.object_id), []).append(versie)
        cache.set(key, found, timeout=generation.TIMEOUT)
    return found
