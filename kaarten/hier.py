"""Wat speelt er hier? From a point (WGS84), an address or postcode (PDOK Locatieserver), a
CBS wijk or a place name to the areas there and the places the maps draw there. A point answers
with the wijk it lies in, the focus areas and places that hold it or lie within NEAR of it, and
the places on the maps within NEAR; an area answers with what lies in it, not what lies near it.
Other apps add what they know of those areas (the opgaven) through the hook
'kaarten_hier_sections'."""

from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.contrib.gis.db.models.functions import Distance
from django.contrib.gis.geos import Point
from django.contrib.gis.measure import D
from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

from assen import generation

from . import locatieserver
from .geojson import to_rd, to_wgs84
from .ligging import gebieden_in, gebieden_op, locaties_in, plaatsen
from .maps import getoond
from .models import Gebied, Locatie
from .ruimtelijk import in_kader

# A page of the answer lists this many places (a focus area at 100x the content holds hundreds).
PLEKKEN_PER_PAGINA = 50
# "At or near", stated on the page: a click on a map is rarely exact, and the vision's places
# are indicative.
NEAR = D(m=250)


def wijken() -> list[tuple[str, str]]:
    """(CBS code, name) of the published wijken, for the form's choice: every /hier/ request
    shows them, so they are kept per content generation."""

    def compute():
        wijken = plaatsen().filter(soort=Gebied.Soort.WIJK).order_by("naam")
        return list(wijken.values_list("cbs_code", "naam"))

    return cache.get_or_set(generation.key("wijken"), compute, timeout=generation.TIMEOUT)


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
    # An area by its slug, as the area pages link here.
    gebied = forms.SlugField(required=False, widget=forms.HiddenInput, max_length=120)
    q = forms.CharField(
        label="Of typ een adres, postcode, wijk of plek", required=False, max_length=100
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wijk"].choices = [("", "Kies een wijk"), *wijken()]

    def clean_q(self):
        q = " ".join(self.cleaned_data["q"].split())
        try:
            if q:
                locatieserver.normaliseer(q)  # what PDOK would refuse is refused here
        except locatieserver.OngeldigeZoekvraag as exc:
            raise forms.ValidationError(str(exc)) from None
        return q

    def clean_gebied(self):
        slug = self.cleaned_data["gebied"]
        if slug and not plaatsen().filter(slug=slug).exists():
            raise forms.ValidationError("Dit gebied bestaat niet (meer).")
        return slug

    def clean(self):
        data = super().clean()
        if (data.get("lat") is None) != (data.get("lon") is None):
            raise forms.ValidationError(
                "Geef zowel een breedtegraad (lat) als een lengtegraad (lon), in graden WGS84."
            )
        return data


@dataclass
class Plek:
    """A place on the maps, listed once with the map entries that show it."""

    locatie: Locatie
    objecten: list = field(default_factory=list)

    @property
    def paginas(self) -> list:
        return list(dict.fromkeys(o.pagina for o in self.objecten if o.pagina is not None))


@dataclass
class Antwoord:
    """What the vision says about a place: the areas there and the places the maps draw."""

    gebieden: list[Gebied] = field(default_factory=list)
    # The places the maps draw there (a queryset of Locaties, by name), listed a page at a time.
    locaties: QuerySet = field(default_factory=Locatie.objects.none)
    buiten_assen: bool = False
    punt: Point | None = None
    gevraagd: Gebied | None = None  # the area asked for by wijk or name
    keuzes: list[Gebied] = field(default_factory=list)  # several places match the name
    adres: locatieserver.Adres | None = None  # the address the point was found for
    melding: str = ""  # why an address could not be looked up

    @property
    def breedte_lengte(self) -> str:
        """The point as "lat,lon" in WGS84, for the map to mark it."""
        if self.punt is None:
            return ""
        wgs84 = self.punt.transform(to_wgs84(), clone=True)
        return f"{wgs84.y:.6f},{wgs84.x:.6f}"

    @property
    def wijk(self) -> Gebied | None:
        return next((g for g in self.gebieden if g.soort == Gebied.Soort.WIJK), None)

    @property
    def opgaven_van(self) -> list[Gebied]:
        """The areas whose opgaven the answer lists: the one asked for, or those at the point."""
        return [self.gevraagd] if self.gevraagd else self.gebieden


def _getoond(locaties: QuerySet) -> QuerySet:
    """The places among `locaties` that a published map shows, by name."""
    return locaties.filter(pk__in=getoond().values("locatie_id")).order_by("naam", "pk")


def plekken(antwoord: Antwoord, nummer) -> Page:
    """One page of the answer's places, each once with the published map entries that show it:
    however many places an area holds, a request reads only a page of them (their ids are
    paged, so the count costs no query of its own)."""
    ids = list(antwoord.locaties.values_list("pk", flat=True))
    pagina = Paginator(ids, PLEKKEN_PER_PAGINA).get_page(nummer)
    plekken = dict.fromkeys(pagina.object_list)
    for kaartobject in (
        getoond()
        .filter(locatie__in=pagina.object_list)
        .defer("locatie__geometrie")  # the list names the places
        .select_related("laag__kaart")
        .order_by("laag__kaart__volgorde", "laag__sort_order", "sort_order")
    ):
        plek = plekken[kaartobject.locatie_id] or Plek(kaartobject.locatie)
        plek.objecten.append(kaartobject)
        plekken[kaartobject.locatie_id] = plek
    pagina.object_list = [plek for plek in plekken.values() if plek]  # None: unpublished since
    return pagina


def gemeente() -> Gebied | None:
    return (
        Gebied.objects.filter(soort=Gebied.Soort.GEMEENTE, live=True)
        .select_related("locatie")
        .first()
    )


def _near(punt: Point) -> Antwoord:
    holding = gebieden_op(punt)
    near = [
        gebied
        for gebied in plaatsen()
        .filter(in_kader(punt, NEAR.m, pad="locatie__"), locatie__geometrie__dwithin=(punt, NEAR))
        .annotate(afstand=Distance("locatie__geometrie", punt))
        if gebied not in holding and gebied.soort != Gebied.Soort.WIJK
    ]
    locaties = Locatie.objects.filter(
        in_kader(punt, NEAR.m), live=True, geometrie__dwithin=(punt, NEAR)
    ).exclude(gebieden__soort=Gebied.Soort.GEMEENTE)
    return Antwoord(gebieden=holding + near, locaties=_getoond(locaties), punt=punt)


def _within(gebied: Gebied) -> Antwoord:
    return Antwoord(
        gebieden=gebieden_in(gebied),
        locaties=_getoond(Locatie.objects.filter(pk__in=locaties_in(gebied))),
        gevraagd=gebied,
    )


def _at(punt: Point) -> Antwoord:
    assen = gemeente()
    if assen is None or assen.geometrie is None or not assen.geometrie.contains(punt):
        return Antwoord(buiten_assen=True, punt=punt)
    return _near(punt)


def _address(q: str) -> Antwoord:
    """An address or postcode, through the PDOK Locatieserver."""
    try:
        found = locatieserver.zoek(q)
    except locatieserver.LocatieserverFout as exc:
        return Antwoord(melding=str(exc))
    if not found:
        return Antwoord(melding=f'Geen adres, wijk of plek in Assen gevonden voor "{q}".')
    antwoord = _at(found[0].punt)
    antwoord.adres = found[0]
    return antwoord


def answer(data: dict) -> Antwoord | None:
    """The answer for a valid form's data; None when nothing was asked."""
    if data.get("lat") is not None:
        punt = Point(data["lon"], data["lat"], srid=settings.API_SRID)
        punt.transform(to_rd())
        return _at(punt)
    if data.get("gebied"):
        return _within(plaatsen().get(slug=data["gebied"]))
    if data.get("wijk"):
        return _within(plaatsen().get(soort=Gebied.Soort.WIJK, cbs_code=data["wijk"]))
    if data.get("q"):
        q = data["q"]
        if locatieserver.kijkt_als_adres(q):
            return _address(q)
        found = list(plaatsen().filter(naam__icontains=q))
        exact = [g for g in found if g.naam.lower() == q.lower()]
        if exact or len(found) == 1:
            return _within((exact or found)[0])
        if found:
            return Antwoord(keuzes=found)
        if not locatieserver.is_beschikbaar():
            return Antwoord(
                melding=f'Geen wijk of plek gevonden met de naam "{q}". Kies een wijk uit de '
                "lijst of klik op de kaart."
            )
        return _address(q)  # a street or a place PDOK knows
    return None
