from django import forms
from django.conf import settings
from django.contrib.gis.db import models
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    PageChooserPanel,
    PublishingPanel,
    TitleFieldPanel,
)
from wagtail.models import (
    Orderable,
)
from wagtail.search import index

from assen.models import Redactioneel

from .widgets import GeometrieWidget


class Locatie(Redactioneel, index.Indexed):
    """One place drawn once: a point, line or area in RD New, shared by the gebied it outlines
    and by every map entry that shows it (IMOW's Locatie)."""

    naam = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        help_text=_("Vaste sleutel van de plek, voor de kaartbestanden en de landelijke export."),
    )
    geometrie = models.GeometryField(_("geometrie"), srid=settings.SRID)
    indicatief = models.BooleanField(
        _("indicatief"),
        default=True,
        help_text=_("Aan als de plek naar de tekst van de visie is getekend, niet gemeten."),
    )
    herkomst = models.TextField(
        _("herkomst"),
        help_text=_(
            "Waar de geometrie vandaan komt: de bron, of de passage waarnaar zij getekend is "
            "(met het regelnummer in het document)."
        ),
    )

    panels = [
        TitleFieldPanel("naam", targets=["slug"]),
        FieldPanel("slug"),
        FieldPanel("geometrie", widget=GeometrieWidget()),
        FieldPanel("indicatief"),
        FieldPanel("herkomst"),
        PublishingPanel(),
    ]
    search_fields = [index.SearchField("naam"), index.AutocompleteField("naam")]

    class Meta:
        ordering = ["naam"]
        constraints = [
            # A self-intersecting area cannot be drawn, contained or exported to the DSO.
            models.CheckConstraint(
                condition=Q(geometrie__isvalid=True), name="locatie_geldige_geometrie"
            ),
        ]
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")
        permissions = [("import_geodata", _("Kan geodata importeren"))]

    def __str__(self) -> str:
        return self.naam


class Gebied(Redactioneel, index.Indexed):
    """A named area the vision speaks of: the municipality, a CBS wijk, a focus area or another
    named place. Its outline is a Locatie; which area lies in which follows from the outlines
    (kaarten.ligging); the name is what opgaven link to."""

    class Soort(models.TextChoices):
        GEMEENTE = "gemeente", _("Gemeente")
        WIJK = "wijk", _("Wijk (CBS)")
        FOCUSGEBIED = "focusgebied", _("Focusgebied")
        PLEK = "plek", _("Andere plek")

    naam = models.CharField(_("naam"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    cbs_code = models.CharField(
        _("CBS-code"),
        max_length=10,
        blank=True,
        help_text=_("Voor gemeente en wijken: de code van het CBS, bijvoorbeeld WK010601."),
    )
    locatie = models.ForeignKey(
        Locatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="gebieden",
        verbose_name=_("grens"),
        help_text=_(
            "De locatie met de grens van het gebied: een vlak. Gebieden met dezelfde grens (de "
            "wijk en het focusgebied Lariks) delen één locatie."
        ),
    )

    panels = [
        FieldPanel("naam"),
        FieldPanel("slug"),
        FieldPanel("soort"),
        FieldPanel("cbs_code"),
        FieldPanel("locatie"),
        PublishingPanel(),
    ]
    search_fields = [index.SearchField("naam"), index.AutocompleteField("naam")]

    class Meta:
        ordering = ["soort", "naam"]
        # A focus area and the CBS wijk it lies in may share a name (Lariks, Kloosterveen).
        constraints = [models.UniqueConstraint(fields=["naam", "soort"], name="uniek_gebied")]
        verbose_name = _("gebied")
        verbose_name_plural = _("gebieden")

    def __str__(self) -> str:
        """Names alone do not tell "Kloosterveen" the wijk from the focus area: choosers and
        admin lists say the kind and the CBS code."""
        detail = ", ".join(filter(None, [self.soort, self.cbs_code]))
        return f"{self.naam} ({detail})"

    def get_absolute_url(self) -> str:
        return reverse("kaarten:gebied", args=[self.slug])

    def clean(self):
        super().clean()
        if self.locatie is not None and self.locatie.geometrie.geom_type not in (
            "Polygon",
            "MultiPolygon",
        ):
            raise ValidationError(
                {"locatie": _("De grens van een gebied moet een vlak zijn, geen punt of lijn.")}
            )

    @property
    def geometrie(self):
        return self.locatie.geometrie if self.locatie is not None else None

    @property
    def indicatief(self) -> bool:
        """A focus area is the vision's own, indicative area, even where its outline is a
        measured one (the Lariks focus area is drawn as the Lariks wijk)."""
        return self.soort == self.Soort.FOCUSGEBIED or (
            self.locatie is not None and self.locatie.indicatief
        )

    @classmethod
    def slug_for(cls, naam: str, soort: str) -> str:
        """A wijk's slug says it is one: a focus area and a CBS wijk may share a name."""
        return f"wijk-{slugify(naam)}" if soort == cls.Soort.WIJK else slugify(naam)


class Kaart(Redactioneel, ClusterableModel):
    """A map of the vision (the Visiekaart 2040, a principle's map, a ruimtelijke schets, ...);
    its legend items are Kaartlagen."""

    titel = models.CharField(_("titel"), max_length=200, help_text=_("Zoals in het document."))
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    bron = models.CharField(
        _("bron"), max_length=255, help_text=_("Document en paragraaf waar de kaart staat.")
    )
    noot = models.TextField(
        _("noot"), blank=True, help_text=_("Een opmerking bij de legenda, letterlijk.")
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    panels = [
        FieldPanel("titel"),
        FieldPanel("slug"),
        FieldPanel("bron"),
        FieldPanel("noot"),
        FieldPanel("volgorde"),
        InlinePanel(
            "paginas",
            heading=_("Pagina's"),
            label=_("Pagina"),
            help_text=_(
                "De pagina's waarop deze kaart staat; de eerste is de pagina van de kaart."
            ),
        ),
        PublishingPanel(),
    ]

    class Meta:
        ordering = ["volgorde", "titel"]
        verbose_name = _("kaart")
        verbose_name_plural = _("kaarten")

    def __str__(self) -> str:
        return self.titel

    def get_absolute_url(self) -> str:
        return reverse("kaarten:kaart", args=[self.slug])


class KaartPagina(Orderable):
    kaart = ParentalKey(Kaart, on_delete=models.CASCADE, related_name="paginas")
    pagina = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("pagina")
    )
    panels = [PageChooserPanel("pagina")]


class Kaartlaag(Redactioneel, ClusterableModel, Orderable):
    """A legend item of a map: its label exactly as printed, its style and its principle, and
    what it shows (IMOW's Kaartlaag with its Gebiedsaanwijzingen)."""

    class Vorm(models.TextChoices):
        VLAK = "vlak", _("Vlak")
        LIJN = "lijn", _("Lijn")
        PUNT = "punt", _("Punt")

    kaart = models.ForeignKey(
        Kaart, on_delete=models.CASCADE, related_name="lagen", verbose_name=_("kaart")
    )
    label = models.CharField(
        _("label"), max_length=255, help_text=_("De tekst in de legenda, precies zoals gedrukt.")
    )
    groep = models.CharField(
        _("groep"),
        max_length=120,
        blank=True,
        help_text=_("Een kopje in de legenda, als dat er is."),
    )
    principe = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("leidend principe"),
    )
    kleur = models.CharField(
        _("kleur"),
        max_length=7,
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Een kleur als #1b5e20."))],
        help_text=_("Met minstens 3:1 contrast op wit, zodat de laag zichtbaar is."),
    )
    vorm = models.CharField(_("vorm"), max_length=10, choices=Vorm.choices)

    panels = [
        FieldPanel("kaart"),
        FieldPanel("label"),
        FieldPanel("groep"),
        PageChooserPanel("principe", "visie.PrincipePage"),
        # The browser's colour picker: the colour is seen, not read as a hex code.
        FieldPanel("kleur", widget=forms.TextInput(attrs={"type": "color"})),
        FieldPanel("vorm"),
        InlinePanel(
            "objecten",
            heading=_("Wat de laag toont"),
            label=_("Object"),
            help_text=_(
                "Elk object wijst een locatie aan; een plek die op meer kaarten staat, is één "
                "locatie die elke kaart gebruikt."
            ),
        ),
        PublishingPanel(),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("kaartlaag")
        verbose_name_plural = _("kaartlagen")

    def __str__(self) -> str:
        return f"{self.kaart}: {self.label}"

    def get_absolute_url(self) -> str:
        return f"{self.kaart.get_absolute_url()}?laag={self.pk}"


class Kaartobject(Orderable):
    """An entry of a layer: a Locatie shown under the layer's legend item, with the name the
    map gives it and the page or opgave it is about (IMOW's Gebiedsaanwijzing)."""

    laag = ParentalKey(
        Kaartlaag, on_delete=models.CASCADE, related_name="objecten", verbose_name=_("laag")
    )
    naam = models.CharField(_("naam"), max_length=200)
    locatie = models.ForeignKey(
        Locatie,
        on_delete=models.PROTECT,
        related_name="kaartobjecten",
        verbose_name=_("locatie"),
    )
    pagina = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("pagina of opgave"),
        help_text=_("Waar dit object over gaat; de popup op de kaart linkt ernaar."),
    )

    panels = [FieldPanel("naam"), FieldPanel("locatie"), PageChooserPanel("pagina")]

    class Meta(Orderable.Meta):
        verbose_name = _("kaartobject")
        verbose_name_plural = _("kaartobjecten")

    def __str__(self) -> str:
        return self.naam
