"""`?peildatum=JJJJ-MM-DD`: the vision as it was (or will be) in force on a date.

The middleware reads the date once per request into `request.peildatum` (None: today), refuses
a malformed date or one before the vision was first adopted with a Dutch 400, and carries the
date into every link of the portal's own pages it answers, so a visitor who follows links stays
on that date without any template having to remember it."""

import datetime
import re

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Min
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format

from assen import generation

from .models import Versie
from .versies import in_werking

PARAMETER = "peildatum"
# Internal links of the public site; the CMS and files keep their own addresses, and the
# banner's way back to today (marked data-vandaag) stays today.
_INTERNAL_HREF = re.compile(
    r'(?<!data-vandaag )href="((?:/(?!cms/|static/|media/|documenten/)|\?)[^"#]*)'
)


class OngeldigePeildatum(ValueError):
    pass


def eerste_datum() -> datetime.date | None:
    """The day the first version came into force (the adoption of the vision), once per
    content generation."""
    key = generation.key("herzieningen:eerste-datum")
    found = cache.get(key, default=key)
    if found is key:
        found = Versie.objects.aggregate(eerste=Min("geldig_vanaf"))["eerste"]
        cache.set(key, found, timeout=generation.TIMEOUT)
    return found


def lees(value: str) -> datetime.date | None:
    """The date in `value`, or None when it is today; OngeldigePeildatum with the reason in
    Dutch when it is malformed or before the first adoption."""
    try:
        peildatum = datetime.date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        peildatum = None
    if peildatum is None:
        raise OngeldigePeildatum(
            "De peildatum is geen geldige datum. Schrijf hem als JJJJ-MM-DD, bijvoorbeeld "
            "2022-06-01."
        )
    eerste = eerste_datum()
    if eerste and peildatum < eerste:
        raise OngeldigePeildatum(
            f"De omgevingsvisie is vastgesteld op {date_format(eerste, 'j F Y')}; "
            "voor die datum gold zij nog niet. Kies een latere peildatum."
        )
    return None if peildatum == timezone.localdate() else peildatum


def geldig_op(objects, request):
    """`objects` (a queryset of a versioned model) as far as they were in force on the
    request's ?peildatum, all of them without one: one IN subquery on the versions."""
    peildatum = getattr(request, "peildatum", None)
    if peildatum is None:
        return objects
    return objects.filter(pk__in=in_werking_op(objects.model, peildatum))


def in_werking_op(model, peildatum: datetime.date):
    """The ids of `model`'s objects with a version in force on `peildatum`, as a subquery."""
    content_type = ContentType.objects.get_for_model(model)
    return Versie.objects.filter(in_werking(peildatum), content_type=content_type).values(
        "object_id"
    )


class PeildatumMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.peildatum = None
        values = request.GET.getlist(PARAMETER)
        if values and not request.path.startswith("/cms/"):
            try:
                if len(set(values)) > 1:
                    raise OngeldigePeildatum("Geef één peildatum op.")
                request.peildatum = lees(values[0])
            except OngeldigePeildatum as fout:
                return render(
                    request, "herzieningen/peildatum_fout.html", {"fout": str(fout)}, status=400
                )
        response = self.get_response(request)
        html = response.get("Content-Type", "").startswith("text/html")
        if request.peildatum and html and not response.streaming:
            response.content = _met_peildatum(response.content.decode(), request.peildatum)
        return response


def _met_peildatum(html: str, peildatum: datetime.date) -> str:
    def link(match: re.Match) -> str:
        url = match.group(1)
        if f"{PARAMETER}=" in url:
            return match.group(0)
        separator = "&amp;" if "?" in url else "?"
        return f'href="{url}{separator}{PARAMETER}={peildatum.isoformat()}'

    return _INTERNAL_HREF.sub(link, html)


def peildatum(request):
    """The date shown and the same address today, for the banner in base.html."""
    gekozen = getattr(request, "peildatum", None)
    if not gekozen:
        return {}
    vandaag = request.GET.copy()
    vandaag.pop(PARAMETER, None)
    query = vandaag.urlencode()
    view = getattr(request.resolver_match, "url_name", "")
    return {
        "peildatum": gekozen,
        "peildatum_vandaag_url": request.path + (f"?{query}" if query else ""),
        # The pages of the vision and the register's views read the date; the reading
        # version, search and the maps do not yet, and the banner says so.
        "peildatum_ondersteund": view == "wagtail_serve",
    }
