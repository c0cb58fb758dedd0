"""Wat speelt er hier? From a point (WGS84), a CBS wijk or a place name to the wijk, the focus
areas and places, and the map features there. Other apps add what they know of those areas
(the opgaven) through the hook 'kaarten_hier_sections'."""

from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.contrib.gis.geos import Point
from django.contrib.gis.measure import D

from .maps import binnenrand
from .models import Gebied, Kaartobject

# "At or near": a click on a map is rarely exact, and the vision's places are indicative.
NEAR = D(m=250)


class HierForm(forms.Form):
    lat = forms.FloatField(
        required=False,
        min_value=-90,
        max_value=90,
        error_messages={"invalid": "Breedtegraad (lat) moet een getal zijn, bijv. 52.99."},
    )
    lon = forms.FloatField(
        required=False,
        min_value=-180,
        max_value=180,
        error_messages={"invalid": "Lengtegraad (lon) moet een getal zijn, bijv. 6.56."},
    )
    wijk = forms.ChoiceField(label="Kies een wijk", required=False)
    q = forms.CharField(label="Of typ een plaats of wijk", required=False, max_length=100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wijk"].choices = [("", "Kies een wijk")] + [
            (wijk.cbs_code, wijk.naam)
            for wijk in Gebied.objects.filter(soort=Gebied.Soort.WIJK).order_by("naam")
        ]

    def clean(self):
        data = super().clean()
        if (data.get("lat") is None) != (data.get("lon") is None):
            raise forms.ValidationError(
                "Geef zowel een breedtegraad (lat) als een lengtegraad (lon), in graden WGS84."
            )
        return data


@dataclass
class Antwoord:
    """What the vision says about a place: the areas there and the map features near it."""

    gebieden: list[Gebied] = field(default_factory=list)
    objecten: list[Kaartobject] = field(default_factory=list)
    buiten_assen: bool = False
    punt: Point | None = None
    keuzes: list[Gebied] = field(default_factory=list)  # several places match the name

    @property
    def wijk(self) -> Gebied | None:
        return next((g for g in self.gebieden if g.soort == Gebied.Soort.WIJK), None)


def _answer_for(geometry, punt=None) -> Antwoord:
    gebieden = list(
        Gebied.objects.filter(geometrie__dwithin=(geometry, NEAR)).order_by("soort", "naam")
        if punt is not None
        else Gebied.objects.filter(geometrie__intersects=geometry).order_by("soort", "naam")
    )
    objecten = list(
        Kaartobject.objects.filter(geometrie__dwithin=(geometry, NEAR))
        .exclude(gebied__soort=Gebied.Soort.GEMEENTE)
        .select_related("laag__kaart", "pagina")
        .order_by("laag__kaart__volgorde", "laag__sort_order", "naam")
    )
    return Antwoord(gebieden=gebieden, objecten=objecten, punt=punt)


def gemeente() -> Gebied | None:
    return Gebied.objects.filter(soort=Gebied.Soort.GEMEENTE).first()


def answer(data: dict) -> Antwoord | None:
    """The answer for a valid form's data; None when nothing was asked."""
    if data.get("lat") is not None:
        punt = Point(data["lon"], data["lat"], srid=settings.API_SRID)
        punt.transform(settings.SRID)
        assen = gemeente()
        if assen is None or not assen.geometrie.contains(punt):
            return Antwoord(buiten_assen=True, punt=punt)
        return _answer_for(punt, punt=punt)
    if data.get("wijk"):
        wijk = Gebied.objects.get(soort=Gebied.Soort.WIJK, cbs_code=data["wijk"])
        return _within(wijk)
    if data.get("q"):
        found = list(
            Gebied.objects.filter(naam__icontains=data["q"].strip(), geometrie__isnull=False)
            .exclude(soort=Gebied.Soort.GEMEENTE)
            .order_by("soort", "naam")
        )
        exact = [g for g in found if g.naam.lower() == data["q"].strip().lower()]
        if len(exact) >= 1:
            return _within(exact[0])
        if len(found) == 1:
            return _within(found[0])
        return Antwoord(keuzes=found)
    return None


def _within(gebied: Gebied) -> Antwoord:
    """An area asked for by name: what lies in it (its edge shrunk a little, so neighbours that
    only touch its coarse boundary stay out), and the area itself."""
    result = _answer_for(binnenrand(gebied.geometrie))
    if gebied not in result.gebieden:
        result.gebieden.insert(0, gebied)
    assen = gemeente()
    if assen is not None and assen not in result.gebieden:
        result.gebieden.append(assen)
    return result
