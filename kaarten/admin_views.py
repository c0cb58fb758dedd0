"""Views of the CMS (mounted under /cms/ by wagtail_hooks, so only staff reach them)."""

from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .widgets import GEOS_NAMES, as_wgs84_geojson, parse_geometrie


@require_POST
def geometrie_voorbeeld(request):
    """The geometry widget's text read as the form will read it, as GeoJSON in WGS84 for the
    map, or the Dutch error the form would give. Both are answers (200): a 400 would put an
    error in the browser's console at every half-typed coordinate."""
    soort = request.POST.get("soort", "GEOMETRY").upper()
    if soort not in GEOS_NAMES:
        soort = "GEOMETRY"
    try:
        geometry = parse_geometrie(request.POST.get("tekst", ""), soort)
    except ValidationError as error:
        return JsonResponse({"fout": " ".join(error.messages)})
    return JsonResponse({"geometrie": as_wgs84_geojson(geometry)})
