"""The register's filters: every filter state is a plain GET URL, checked like a form."""

from urllib.parse import urlencode

from django import forms
from django.core.cache import cache
from django.db.models import Q
from django.utils.choices import flatten_choices
from django.utils.translation import gettext_lazy as _

from assen import generation
from kaarten.ligging import met_wat_erin_ligt
from kaarten.models import Gebied
from visie.models import PrincipePage, SpoorPage, ThemaPage, UitwerkingPage
from visie.outline import document_outline


def thema_order(thema: ThemaPage) -> list[int]:
    """Themes in the document's order: 2.2 before 2.10."""
    return [int(part) for part in thema.nummer.split(".")]


def register_url(**filters) -> str:
    """The opgaven register, filtered; '' while there is no published register."""
    url = document_outline().home_sections.get("opgaven.opgavenregisterpage", "")
    query = urlencode({key: value for key, value in filters.items() if value})
    return f"{url}?{query}" if url and query else url


def _numbered(pages) -> list[tuple[str, str]]:
    return [(p.nummer, f"{p.nummer} {p.title}") for p in pages]


GEBIED_GROEPEN = {
    Gebied.Soort.GEMEENTE: _("Gemeente"),
    Gebied.Soort.WIJK: _("Wijken"),
    Gebied.Soort.FOCUSGEBIED: _("Focusgebieden"),
    Gebied.Soort.PLEK: _("Andere plekken"),
}


def gebied_choices() -> list:
    """Every published area, grouped by kind; an area's opgaven include those of the places
    lying in it."""
    gebieden = Gebied.objects.filter(live=True).order_by("naam")
    return [
        (label, [(g.slug, g.naam) for g in gebieden if g.soort == soort])
        for soort, label in GEBIED_GROEPEN.items()
    ]


def keuzes() -> dict[str, list]:
    """The filter's choice lists, built once per content generation in the shared cache
    instead of five queries on every request."""
    key = generation.key("opgaven:filterkeuzes")
    found = cache.get(key)
    if found is None:
        found = {
            "principe": _numbered(PrincipePage.objects.live().order_by("nummer")),
            "spoor": _numbered(SpoorPage.objects.live().order_by("nummer")),
            "thema": _numbered(sorted(ThemaPage.objects.live(), key=thema_order)),
            "gebied": gebied_choices(),
            "uitwerking": [
                (u.slug, u.title) for u in UitwerkingPage.objects.live().order_by("title")
            ],
        }
        cache.set(key, found, timeout=generation.TIMEOUT)
    return found


def koppeling(opgaven, relation: str):
    """The link model of one kind of link of `opgaven` (`relation`, e.g. "thema_links"), for
    modules that the opgave model itself imports."""
    return opgaven.model._meta.get_field(relation).related_model


def gekoppeld(opgaven, relation: str, **lookup):
    """The opgaven with a link of one kind (`relation`, e.g. "thema_links") that matches
    `lookup`. A subquery rather than a join: an opgave is listed once without DISTINCT, which
    made counting a large selection slow."""
    link = koppeling(opgaven, relation)
    return opgaven.filter(pk__in=link.objects.filter(**lookup).values("opgave_id"))


class RegisterFilter(forms.Form):
    principe = forms.ChoiceField(label=_("Leidend principe"), required=False)
    spoor = forms.ChoiceField(label=_("Strategisch spoor"), required=False)
    thema = forms.ChoiceField(label=_("Thema"), required=False)
    gebied = forms.ChoiceField(label=_("Gebied"), required=False)
    uitwerking = forms.ChoiceField(label=_("Uitwerking"), required=False)
    q = forms.CharField(label=_("Zoek in de tekst"), required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, choices in keuzes().items():
            self.fields[name].choices = [("", _("Alle")), *choices]

    def filter(self, opgaven):
        data = self.cleaned_data
        if data.get("principe"):
            opgaven = gekoppeld(opgaven, "principe_links", principe__nummer=data["principe"])
        if data.get("spoor"):
            opgaven = gekoppeld(opgaven, "spoor_links", spoor__nummer=data["spoor"])
        if data.get("thema"):
            opgaven = gekoppeld(opgaven, "thema_links", thema__nummer=data["thema"])
        if data.get("gebied"):
            gebied = Gebied.objects.select_related("locatie").get(slug=data["gebied"], live=True)
            opgaven = gekoppeld(opgaven, "gebied_links", gebied_id__in=met_wat_erin_ligt([gebied]))
        if data.get("uitwerking"):
            opgaven = gekoppeld(opgaven, "uitwerking_links", uitwerking__slug=data["uitwerking"])
        if data.get("q"):
            words = data["q"].split()
            for word in words:
                opgaven = opgaven.filter(Q(tekst__icontains=word) | Q(title__icontains=word))
        return opgaven

    @property
    def values(self) -> dict:
        """The filters in force: none for an unfiltered or refused URL."""
        if not (self.is_bound and self.is_valid()):
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value}

    @property
    def query(self) -> str:
        """The filters in force as a query string, for links to other views of the same
        selection."""
        return urlencode(self.values)

    def description(self) -> str:
        """The active filters in words, e.g. 'Thema: 2.2 Wonen en woonomgeving'."""
        parts = []
        for name, value in self.values.items():
            field = self.fields[name]
            choices = dict(flatten_choices(field.choices)) if hasattr(field, "choices") else {}
            shown = choices.get(value, value)
            parts.append(f"{field.label}: {shown}")
        return "; ".join(parts)

    @property
    def active(self) -> bool:
        return bool(self.values)
