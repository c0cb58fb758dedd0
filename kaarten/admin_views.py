"""Views of the CMS (mounted under /cms/ by wagtail_hooks, so only staff reach them)."""

import tempfile
from pathlib import Path

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from .importer import GeodataError, Target, import_layer, open_layer
from .models import Gebied, Kaartlaag
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


class ImportForm(forms.Form):
    """What `manage.py import_geodata` asks, for GIS staff in the CMS."""

    bestand = forms.FileField(
        label=_("Bestand"),
        help_text=_(
            "GeoJSON, GeoPackage of GML, of een Shapefile als .zip (met .shp, .shx, .dbf en "
            "liefst .prj); hooguit 50 MB."
        ),
    )
    doel = forms.ChoiceField(label=_("Importeren als"))
    naamveld = forms.CharField(label=_("Veld met de naam"), initial="naam", max_length=100)
    codeveld = forms.CharField(
        label=_("Veld met de CBS-code"),
        required=False,
        max_length=100,
        help_text=_("Alleen voor gebieden, als het bestand die code heeft."),
    )
    bron_srid = forms.IntegerField(
        label=_("Coördinatenstelsel (EPSG-code)"),
        required=False,
        min_value=1,
        max_value=999999,
        help_text=_("Alleen als het bestand het zelf niet zegt: 28992 voor RD, 4326 voor WGS84."),
    )
    herkomst = forms.CharField(
        label=_("Herkomst"),
        required=False,
        max_length=500,
        help_text=_("Waar de gegevens vandaan komen; staat bij elke geïmporteerde plek."),
    )
    alleen_controleren = forms.BooleanField(
        label=_("Alleen controleren, niets opslaan"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["doel"].choices = [
            (_("Gebieden"), [(f"gebied:{v}", label) for v, label in Gebied.Soort.choices]),
            (
                _("Een laag van een kaart"),
                [
                    (f"laag:{laag.pk}", str(laag))
                    for laag in Kaartlaag.objects.select_related("kaart").order_by(
                        "kaart__volgorde", "sort_order"
                    )
                ],
            ),
        ]

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        suffix = Path(bestand.name).suffix.lower()
        if suffix not in IMPORT_SUFFIXES:
            raise forms.ValidationError(
                _("Dit soort bestand kan niet worden ingelezen; gebruik %(soorten)s.")
                % {"soorten": ", ".join(IMPORT_SUFFIXES)}
            )
        if bestand.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("Het bestand is groter dan 50 MB."))
        return bestand

    def target(self) -> Target:
        soort, _sep, value = self.cleaned_data["doel"].partition(":")
        herkomst = (
            self.cleaned_data["herkomst"] or f"Geïmporteerd uit {self.cleaned_data['bestand'].name}"
        )
        if soort == "laag":
            return Target(laag=Kaartlaag.objects.get(pk=value), herkomst=herkomst)
        return Target(
            gebied_soort=value, code_field=self.cleaned_data["codeveld"] or None, herkomst=herkomst
        )


IMPORT_SUFFIXES = [".geojson", ".json", ".gpkg", ".gml", ".zip"]
MAX_IMPORT_BYTES = 50 * 1024 * 1024


def geodata_importeren(request):
    """Import a GIS file into the gebieden or a map layer, as `import_geodata` does: all or
    nothing, and what it stores are drafts to review and publish through the workflow."""
    if not request.user.has_perm("kaarten.import_geodata"):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    report, problem = None, ""
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["bestand"]
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"import{Path(upload.name).suffix.lower()}"
            with path.open("wb") as target:
                for chunk in upload.chunks():
                    target.write(chunk)
            source = f"/vsizip/{path}" if path.suffix == ".zip" else str(path)
            try:
                report = import_layer(
                    open_layer(source),
                    form.target(),
                    form.cleaned_data["naamveld"],
                    source_srid=form.cleaned_data["bron_srid"],
                    dry_run=form.cleaned_data["alleen_controleren"],
                )
            except GeodataError as exc:
                problem = exc.melding
    status = 400 if (form.errors or problem) else 200
    return TemplateResponse(
        request,
        "kaarten/admin/importeren.html",
        {
            "form": form,
            "report": report,
            "problem": problem,
            "dry_run": form.is_bound
            and form.is_valid()
            and form.cleaned_data["alleen_controleren"],
        },
        status=status,
    )
