from django.conf import settings
from django.contrib.gis.db import models
from django.core.validators import RegexValidator
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.models import Orderable
from wagtail.search import index

from .widgets import GeometrieWidget


class Gebied(index.Indexed, models.Model):
    """A named area the vision speaks of: the municipality, a CBS wijk, a focus area or another
    named place. Its geometry (RD New) comes with the maps; the name is what opgaven link to."""

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
    geometrie = models.MultiPolygonField(_("geometrie"), srid=settings.SRID, null=True, blank=True)
    indicatief = models.BooleanField(
        _("indicatief"),
        default=False,
        help_text=_("Aan als de grens getekend is naar de tekst van de visie, niet gemeten."),
    )
    herkomst = models.CharField(
        _("herkomst"),
        max_length=500,
        blank=True,
        help_text=_("Waar de grens vandaan komt: de bron, of de passage waarnaar hij getekend is."),
    )

    panels = [
        FieldPanel("naam"),
        FieldPanel("slug"),
        FieldPanel("soort"),
        FieldPanel("cbs_code"),
        FieldPanel("geometrie", widget=GeometrieWidget()),
        FieldPanel("indicatief"),
        FieldPanel("herkomst"),
    ]
    search_fields = [index.SearchField("naam"), index.AutocompleteField("naam")]

    class Meta:
        ordering = ["soort", "naam"]
        # A focus area and the CBS wijk it lies in may share a name (Lariks, Kloosterveen).
        constraints = [models.UniqueConstraint(fields=["naam", "soort"], name="uniek_gebied")]
        verbose_name = _("gebied")
        verbose_name_plural = _("gebieden")

    def __str__(self) -> str:
        return self.naam

    @classmethod
    def slug_for(cls, naam: str, soort: str) -> str:
        """A wijk's slug says it is one: a focus area and a CBS wijk may share a name."""
        return f"wijk-{slugify(naam)}" if soort == cls.Soort.WIJK else slugify(naam)


class Kaart(ClusterableModel):
    """A map of the vision (the Visiekaart 2040, a principle's map, a ruimtelijke schets, ...)
    with its legend items as layers."""

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
        InlinePanel("lagen", heading=_("Lagen (de legenda)"), label=_("Laag")),
    ]

    class Meta:
        ordering = ["volgorde", "titel"]
        verbose_name = _("kaart")
        verbose_name_plural = _("kaarten")

    def __str__(self) -> str:
        return self.titel


class KaartPagina(Orderable):
    kaart = ParentalKey(Kaart, on_delete=models.CASCADE, related_name="paginas")
    pagina = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("pagina")
    )
    panels = [PageChooserPanel("pagina")]


class Kaartlaag(Orderable):
    """A legend item of a map: its label exactly as printed, its style and its principle."""

    class Vorm(models.TextChoices):
        VLAK = "vlak", _("Vlak")
        LIJN = "lijn", _("Lijn")
        PUNT = "punt", _("Punt")

    kaart = ParentalKey(Kaart, on_delete=models.CASCADE, related_name="lagen")
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
        FieldPanel("label"),
        FieldPanel("groep"),
        PageChooserPanel("principe", "visie.PrincipePage"),
        FieldPanel("kleur"),
        FieldPanel("vorm"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("kaartlaag")
        verbose_name_plural = _("kaartlagen")

    def __str__(self) -> str:
        return f"{self.kaart}: {self.label}"


class Kaartobject(models.Model):
    """A point, line or area on a layer, linking to the page or opgave it is about."""

    laag = models.ForeignKey(
        Kaartlaag, on_delete=models.CASCADE, related_name="objecten", verbose_name=_("laag")
    )
    naam = models.CharField(_("naam"), max_length=200)
    geometrie = models.GeometryField(_("geometrie"), srid=settings.SRID)
    gebied = models.ForeignKey(
        Gebied,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="kaartobjecten",
        verbose_name=_("gebied"),
        help_text=_("Het gebied waarvan de grens is overgenomen, als dat zo is."),
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
    indicatief = models.BooleanField(
        _("indicatief"),
        default=True,
        help_text=_("Aan als het object naar de tekst is getekend, niet gemeten."),
    )
    herkomst = models.CharField(
        _("herkomst"),
        max_length=500,
        help_text=_("Waar de geometrie vandaan komt: de bron, of de passage waarnaar getekend."),
    )

    panels = [
        FieldPanel("laag"),
        FieldPanel("naam"),
        FieldPanel("geometrie", widget=GeometrieWidget()),
        FieldPanel("gebied"),
        PageChooserPanel("pagina"),
        FieldPanel("indicatief"),
        FieldPanel("herkomst"),
    ]

    class Meta:
        ordering = ["laag", "naam"]
        verbose_name = _("kaartobject")
        verbose_name_plural = _("kaartobjecten")

    def __str__(self) -> str:
        return self.naam
