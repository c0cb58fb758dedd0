import datetime
import re

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Max
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from .models import Herziening, Versie
from .verschil import inhoud, verschil_tussen
from .verschil import verschil as verschil_van
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
    versies = list(
        Versie.objects.filter(content_type=content_type, object_id=obj.pk)
        .select_related("herziening")
        .order_by("-geldig_vanaf", "-pk")
    )
    for versie, vorige in zip(versies, versies[1:], strict=False):
        versie.vorige = vorige
    return render(
        request,
        "herzieningen/geschiedenis.html",
        {
            "object": obj,
            "url": url_van(obj, request),
            "soort": model_class._meta.verbose_name,
            "versies": versies,
            "verschil_url": reverse(
                "herzieningen:verschil", args=[content_type.app_label, content_type.model, obj.pk]
            ),
        },
    )


def herziening(request, slug):
    herziening = get_object_or_404(Herziening, slug=slug, live=True)
    return render(
        request,
        "herzieningen/herziening.html",
        {"herziening": herziening, "soorten": wat_verandert(herziening, request)},
    )


class Ongeldig(Exception):
    """A request this view cannot answer, with what the visitor should change, in Dutch."""


def ongeldig(request, melding: str):
    return render(request, "herzieningen/ongeldig.html", {"melding": melding}, status=400)


def verschil(request, app_label: str, model: str, object_id: int):
    """What changed between two versions of one object (by default the one before the version
    in force today against that one): its words, its links and its geometry."""
    content_type = get_object_or_404(ContentType, app_label=app_label, model=model)
    model_class = content_type.model_class()
    if model_class not in GEREGISTREERD or object_id > MAX_ID:
        raise Http404
    versies = list(
        Versie.objects.filter(content_type=content_type, object_id=object_id)
        .select_related("herziening", "revision")
        .order_by("geldig_vanaf", "pk")
    )
    if not versies:
        raise Http404
    obj = model_class.objects.filter(pk=object_id).first()
    if obj is not None:
        titel = str(obj)
    else:  # deleted since: named as its last version was
        titel = next((v.revision.object_str for v in reversed(versies) if v.revision), "")
        titel = titel or f"nr. {object_id}"
    try:
        van, tot = _kies_versies(request.GET, versies, titel)
    except Ongeldig as fout:
        return ongeldig(request, str(fout))
    context = {
        "titel": titel,
        "url": url_van(obj, request) if obj is not None else "",
        "soort": model_class._meta.verbose_name,
        "van": van,
        "tot": tot,
        "geschiedenis": (content_type.app_label, content_type.model, object_id),
    }
    if all(v is None or v.revision_id or v.wijziging == v.Wijziging.VERVALLEN for v in (van, tot)):
        context["verschil"] = verschil_van(model_class, inhoud(van), inhoud(tot), request)
    return render(request, "herzieningen/verschil.html", context)


def _kies_versies(params, versies: list[Versie], titel: str):
    """The two versions asked for, or by default: `tot` the version in force today (else the
    latest) or the one after `van`, and `van` the one before `tot` (none for the first)."""
    van, tot = (_versie(params, name, versies, titel) for name in ("van", "tot"))
    if tot is None:
        if van is not None:
            later = versies[versies.index(van) + 1 :]
            if not later:
                raise Ongeldig(f"Er is geen latere versie van {titel} dan de gekozen versie.")
            tot = later[0]
        else:
            vandaag = timezone.localdate()
            geldend = [
                v
                for v in versies
                if v.geldig_vanaf <= vandaag and (v.geldig_tot is None or v.geldig_tot > vandaag)
            ]
            tot = (geldend or versies)[-1]
    if van is None and "van" not in params:
        index = versies.index(tot)
        van = versies[index - 1] if index else None
    if van == tot:
        raise Ongeldig("Kies twee verschillende versies om te vergelijken.")
    return van, tot


def _versie(params, name: str, versies: list[Versie], titel: str) -> Versie | None:
    value = params.get(name)
    if value is None:
        return None
    if not re.fullmatch(r"[0-9]{1,19}", value):
        raise Ongeldig(f"‘{name}’ moet het nummer van een versie zijn, zoals op de pagina Versies.")
    for versie in versies:
        if versie.pk == int(value):
            return versie
    raise Ongeldig(f"Versie {value} is geen versie van {titel}.")


def verschil_visie(request):
    """What the vision gained, changed and lost between two dates; by default what the last
    change in force today changed."""
    try:
        van, tot = _datum(request.GET, "van"), _datum(request.GET, "tot")
    except Ongeldig as fout:
        return ongeldig(request, str(fout))
    tot = tot or timezone.localdate()
    if van is None:
        laatste = Versie.objects.filter(geldig_vanaf__lte=tot).aggregate(Max("geldig_vanaf"))
        laatste = laatste["geldig_vanaf__max"]
        van = laatste - datetime.timedelta(days=1) if laatste else tot
    if van > tot:
        return ongeldig(
            request,
            f"De eerste datum ({date_format(van, 'j F Y')}) ligt na de tweede "
            f"({date_format(tot, 'j F Y')}). Kies eerst de vroegste datum.",
        )
    return render(
        request,
        "herzieningen/verschil_visie.html",
        {"van": van, "tot": tot, "overzicht": verschil_tussen(van, tot)},
    )


def _datum(params, name: str) -> datetime.date | None:
    value = params.get(name)
    if not value:
        return None
    try:
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            return datetime.date.fromisoformat(value)
    except ValueError:
        pass
    raise Ongeldig(f"‘{name}’ moet een datum zijn als JJJJ-MM-DD, bijvoorbeeld 2021-05-26.")
