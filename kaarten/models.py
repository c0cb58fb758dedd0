from django.conf import settings
from django.contrib.gis.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


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

    panels = [FieldPanel("naam"), FieldPanel("slug"), FieldPanel("soort"), FieldPanel("cbs_code")]
    search_fields = [index.SearchField("naam"), index.AutocompleteField("naam")]

    class Meta:
        ordering = ["soort", "naam"]
        # A focus area and the CBS wijk it lies in may share a name (Lariks, Kloosterveen).
        constraints = [models.UniqueConstraint(fields=["naam", "soort"], name="uniek_gebied")]
        verbose_name = _("gebied")
        verbose_name_plural = _("gebieden")

    def __str__(self) -> str:
        return self.naam
