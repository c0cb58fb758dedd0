"""Public views of the maps: the overview, a page per map, and the GeoJSON of a map or of the
features about one page. Read-only."""

import hashlib
import json

from django.conf import settings
from django.contrib.gis.geos import Polygon
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import quote_etag
from wagtail import hooks

from .geojson import feature_collection, geometry, to_rd, to_wgs84
from .hier import HierForm, answer, plekken
from .ligging import gebieden_in, gebieden_om, plaatsen
from .maps import getoond, getoonde_lagen, kaart_van_gebied, kaart_weergave, objecten_in
from .models import Gebied, Kaart
from .ruimtelijk import in_kader

GEOJSON_TYPE = "application/geo+json"


class BboxError(ValueError):
    pass


def parse_bbox(value: str) -> Polygon:
    """`bbox=west,south,east,north` in WGS84 degrees, as in RFC 7946 § 5."""
    try:
        west, south, east, north = (float(part) for part in value.split(","))
    except ValueError:
        raise BboxError(
            "bbox moet vier getallen zijn, gescheiden door komma's: west,zuid,oost,noord "
            "(lengte- en breedtegraden in WGS84), bijvoorbeeld bbox=6.5,52.95,6.6,53.02."
        ) from None
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        raise BboxError(
            "bbox valt buiten de wereld of is leeg: west moet kleiner zijn dan oost en zuid "
            "kleiner dan noord, binnen -180..180 en -90..90 graden."
        )
    return Polygon.from_bbox((west, south, east, north))


def overzicht(request):
    kaarten = (
        Kaart.objects.filter(live=True)
        .annotate(aantal_lagen=Count("lagen", distinct=True))
        .prefetch_related("paginas__pagina")
    )
    return render(request, "kaarten/overzicht.html", {"kaarten": kaarten})


# The full text version of one layer, `?laag=<id>`, this many places a page.
PLEKKEN_PER_PAGINA = 200


def kaart(request, slug):
    kaart = get_object_or_404(
        Kaart.objects.filter(live=True).prefetch_related(getoonde_lagen(), "paginas__pagina"),
        slug=slug,
    )
    weergave = kaart_weergave(kaart)
    context = {"kaart": kaart, "weergave": weergave}
    if "laag" in request.GET:
        laag = next((laag for laag in weergave.lagen if str(laag.pk) == request.GET["laag"]), None)
        if laag is None:
            raise Http404("Deze kaart heeft geen laag met dat nummer.")
        plekken = getoond().filter(laag=laag).order_by("sort_order", "pk")
        context["laag"] = laag
        context["plekken"] = Paginator(plekken, PLEKKEN_PER_PAGINA).get_page(
            request.GET.get("pagina")
        )
    return render(request, "kaarten/kaart.html", context)


def _geojson_response(request, objecten) -> HttpResponse:
    if "bbox" in request.GET:
        try:
            box = parse_bbox(request.GET["bbox"])
        except BboxError as exc:
            return JsonResponse({"fout": str(exc)}, status=400)
        box.srid = settings.API_SRID
        box = box.transform(to_rd(), clone=True)
        objecten = objecten.filter(
            in_kader(box, pad="locatie__"), locatie__geometrie__intersects=box
        )
    return geojson_response(
        request, feature_collection(objecten.select_related("laag__kaart"), request)
    )


def geojson_response(request, data: dict) -> HttpResponse:
    """GeoJSON that browsers and proxies may keep as long as a page, and revalidate by its ETag."""
    body = json.dumps(data, ensure_ascii=False).encode()
    etag = quote_etag(hashlib.sha256(body).hexdigest()[:32])
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(body, content_type=GEOJSON_TYPE)
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_MAX_AGE)
    return response


def kaart_geojson(request, slug):
    kaart = get_object_or_404(Kaart, slug=slug, live=True)
    return _geojson_response(request, getoond().filter(laag__kaart=kaart))


# The largest id a database key holds; a larger one names no page.
MAX_ID = 2**63 - 1


def pagina_geojson(request, page_id: int):
    if page_id > MAX_ID:
        raise Http404
    return _geojson_response(request, getoond().filter(pagina_id=page_id))


def gebied_geojson(request, slug):
    gebied = get_object_or_404(
        Gebied.objects.select_related("locatie"), slug=slug, live=True, locatie__live=True
    )
    return _geojson_response(request, objecten_in(gebied))


def paginas_over(gebieden) -> list[tuple[int, str, str]]:
    """The pages of other apps about some areas (a focus area's page), as (area id, title,
    url), through the hook 'kaarten_gebied_paginas'."""
    return [link for hook in hooks.get_hooks("kaarten_gebied_paginas") for link in hook(gebieden)]


def gebied(request, slug):
    """An area: what it is, which areas it lies in and which lie in it, what the maps draw
    there, the pages about it and (through 'kaarten_hier_sections') its opgaven."""
    gebied = get_object_or_404(Gebied.objects.select_related("locatie"), slug=slug, live=True)
    if gebied.locatie is not None and not gebied.locatie.live:
        gebied.locatie = None  # an outline not yet published is not shown
    geometrie = gebied.geometrie
    paginas = [(titel, url) for _, titel, url in paginas_over([gebied])]
    return render(
        request,
        "kaarten/gebied.html",
        {
            "gebied": gebied,
            "ligt_in": gebieden_om(gebied),
            "hierin": gebieden_in(gebied)[1:],
            "kaarten": kaart_van_gebied(gebied, gebied.naam) if geometrie else [],
            "paginas": paginas,
            "sections": [
                hook(request, [gebied]) for hook in hooks.get_hooks("kaarten_hier_sections")
            ],
        },
    )


def hier(request):
    """Wat speelt er hier?: answered on the server, so it works without JavaScript and every
    answer is a link."""
    form = HierForm(request.GET or None)
    antwoord = answer(form.cleaned_data) if form.is_bound and form.is_valid() else None
    sections = []
    if antwoord is not None and antwoord.gebieden:
        links = paginas_over(antwoord.gebieden)
        for area in antwoord.gebieden:
            area.paginas = [(titel, url) for pk, titel, url in links if pk == area.pk]
        sections = [
            hook(request, antwoord.opgaven_van) for hook in hooks.get_hooks("kaarten_hier_sections")
        ]
    response = render(
        request,
        "kaarten/hier.html",
        {
            "form": form,
            "antwoord": antwoord,
            "plekken": plekken(antwoord, request.GET.get("pagina")) if antwoord else None,
            "sections": sections,
            "gebieden_geojson_url": reverse("kaarten:gebieden_geojson"),
        },
    )
    if form.errors:
        response.status_code = 400
    return response


def gebieden_geojson(request):
    """The wijken, focus areas and other places, for the map on 'Wat speelt er hier?' (which
    draws the wijken and focus areas, and the place asked for) and the CMS geometry widget."""
    gebieden, transform = plaatsen(), to_wgs84()
    collection = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": gebied.slug,
                "geometry": geometry(gebied.geometrie, transform),
                "properties": {
                    "naam": gebied.naam,
                    "soort": gebied.soort,
                    "indicatief": gebied.indicatief,
                    "herkomst": gebied.locatie.herkomst,
                },
            }
            for gebied in gebieden
        ],
    }
    return geojson_response(request, collection)
