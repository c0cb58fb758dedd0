"""What a herziening changes, for its public page: per kind of object the number of versions it
makes and the first of them with their titles and addresses, in a query per kind of snippet and
one for all pages, however many versions there are."""

from collections import defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.models import Page

from .models import Herziening, Versie

EERSTE = 25


@dataclass
class Wijziging:
    titel: str
    url: str
    wijziging: str
    verschil: str  # what this version changed, against the one before it


@dataclass
class Soort:
    naam: str
    aantal: int
    eerste: list[Wijziging]


def wat_verandert(herziening: Herziening, request) -> list[Soort]:
    per_soort = defaultdict(list)
    for content_type_id, object_id, wijziging, versie_id in (
        Versie.objects.filter(herziening=herziening)
        .order_by("content_type_id", "object_id")
        .values_list("content_type_id", "object_id", "wijziging", "pk")
    ):
        per_soort[content_type_id].append((object_id, wijziging, versie_id))
    models = {pk: ContentType.objects.get_for_id(pk).model_class() for pk in per_soort}
    eerste = {pk: versies[:EERSTE] for pk, versies in per_soort.items()}
    page_ids = [
        object_id
        for pk, versies in eerste.items()
        if issubclass(models[pk], Page)
        for object_id, _, _ in versies
    ]
    objecten = {(Page, page.pk): page for page in Page.objects.filter(pk__in=page_ids)}
    for pk, model in models.items():
        if not issubclass(model, Page):
            ids = [object_id for object_id, _, _ in eerste[pk]]
            # with what their names and addresses read (a layer's map)
            found = model.objects.filter(pk__in=ids).select_related()
            objecten |= {(model, obj.pk): obj for obj in found}
    labels = dict(Versie.Wijziging.choices)
    soorten = []
    for pk, model in sorted(models.items(), key=lambda item: item[1]._meta.verbose_name_plural):
        lijst = []
        content_type = ContentType.objects.get_for_id(pk)
        for object_id, wijziging, versie_id in eerste[pk]:
            obj = objecten.get((Page if issubclass(model, Page) else model, object_id))
            if obj is not None:
                verschil = reverse(
                    "herzieningen:verschil",
                    args=[content_type.app_label, content_type.model, object_id],
                )
                lijst.append(
                    Wijziging(
                        str(obj),
                        url_van(obj, request),
                        labels[wijziging],
                        f"{verschil}?tot={versie_id}",
                    )
                )
        soorten.append(Soort(str(model._meta.verbose_name_plural), len(per_soort[pk]), lijst))
    return soorten


def url_van(obj, request) -> str:
    """The public address of a versioned object, if it has one and is published."""
    if isinstance(obj, Page):
        return obj.get_url(request) if obj.live else ""
    get_absolute_url = getattr(obj, "get_absolute_url", None)
    return get_absolute_url() if get_absolute_url and getattr(obj, "live", True) else ""
