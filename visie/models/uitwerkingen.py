"""Uitwerkingen: the plans, area visions and programmes that elaborate the vision (chapter 4)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from herzieningen.peildatum import geldig_op

from ..blocks import BodyBlock
from .base import VisiePage


class UitwerkingenIndexPage(VisiePage):
    parent_page_types = ["visie.HomePage"]
    subpage_types = ["visie.UitwerkingPage"]
    max_count = 1

    class Meta:
        verbose_name = _("overzicht van uitwerkingen")
        verbose_name_plural = _("overzichten van uitwerkingen")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        uitwerkingen = UitwerkingPage.objects.child_of(self).live()
        context["uitwerkingen"] = geldig_op(uitwerkingen, request)
        return context


class UitwerkingPage(VisiePage):
    class Soort(models.TextChoices):
        GEBIEDSVISIE = "gebiedsvisie", _("Gebiedsvisie")
        THEMATISCH_PLAN = "thematisch_plan", _("Thematisch plan")
        OMGEVINGSPROGRAMMA = "omgevingsprogramma", _("Omgevingsprogramma")

    class Status(models.TextChoices):
        GEREED = "gereed", _("Gereed")
        IN_VOORBEREIDING = "in_voorbereiding", _("In voorbereiding")
        OP_TE_STELLEN = "op_te_stellen", _("Op te stellen")
        ONBEKEND = "onbekend", _("Onbekend")

    soort = models.CharField(
        _("soort"),
        max_length=30,
        choices=Soort.choices,
        help_text=_("De drie soorten uitwerking van hoofdstuk 4, 'Integraal werken'."),
    )
    status = models.CharField(
        _("status"),
        max_length=30,
        choices=Status.choices,
        default=Status.ONBEKEND,
        help_text=_("Zoals de bron het zegt; 'Onbekend' als de tekst het niet zegt."),
    )
    status_bron = models.TextField(
        _("bron van de status"),
        blank=True,
        help_text=_("De zin uit de tekst waar de status op berust, met vindplaats."),
    )
    onderbouwing = models.TextField(
        _("onderbouwing van de koppelingen"),
        blank=True,
        help_text=_(
            "Waarom deze uitwerking bij de gekozen principes, thema's en gebieden hoort, "
            "met een verwijzing naar de tekst."
        ),
    )
    beslispunten = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("beslispunten"),
        help_text=_("De beslispunten zoals de raad ze heeft vastgesteld, letterlijk."),
    )

    text_fields = ("beslispunten", "body")
    parent_page_types = ["visie.UitwerkingenIndexPage"]
    subpage_types = []
    search_fields = [
        *VisiePage.search_fields,
        index.SearchField("beslispunten"),
        index.FilterField("status"),
        index.FilterField("soort"),
    ]
    content_panels = [
        MultiFieldPanel(
            [
                FieldPanel("title"),
                FieldPanel("soort"),
                FieldPanel("status"),
                FieldPanel("status_bron"),
            ],
            heading=_("Uitwerking"),
        ),
        MultiFieldPanel(
            [
                InlinePanel("principe_links", label=_("Leidend principe")),
                InlinePanel("thema_links", label=_("Thema")),
                InlinePanel("gebied_links", label=_("Gebied")),
                FieldPanel("onderbouwing"),
            ],
            heading=_("Waar deze uitwerking aan bijdraagt"),
        ),
        FieldPanel("beslispunten"),
        InlinePanel("besluiten", heading=_("Besluiten"), label=_("Besluit")),
        InlinePanel("begrotingsposten", heading=_("Kosten"), label=_("Begrotingspost")),
        FieldPanel("body"),
        FieldPanel("bron"),
    ]

    class Meta:
        verbose_name = _("uitwerking")
        verbose_name_plural = _("uitwerkingen")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["principes"] = [
            link.principe for link in self.principe_links.select_related("principe")
        ]
        context["themas"] = [link.thema for link in self.thema_links.select_related("thema")]
        context["gebieden"] = [link.gebied for link in self.gebied_links.select_related("gebied")]
        return context


class UitwerkingPrincipe(Orderable):
    uitwerking = ParentalKey(
        UitwerkingPage, on_delete=models.CASCADE, related_name="principe_links"
    )
    principe = models.ForeignKey(
        "visie.PrincipePage", on_delete=models.CASCADE, related_name="+", verbose_name=_("principe")
    )
    panels = [FieldPanel("principe")]


class UitwerkingThema(Orderable):
    uitwerking = ParentalKey(UitwerkingPage, on_delete=models.CASCADE, related_name="thema_links")
    thema = models.ForeignKey(
        "visie.ThemaPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("thema")
    )
    panels = [FieldPanel("thema")]


class UitwerkingGebied(Orderable):
    uitwerking = ParentalKey(UitwerkingPage, on_delete=models.CASCADE, related_name="gebied_links")
    gebied = models.ForeignKey(
        "kaarten.Gebied",
        on_delete=models.PROTECT,
        related_name="uitwerking_links",
        verbose_name=_("gebied"),
    )
    panels = [FieldPanel("gebied")]


class Besluit(Orderable):
    uitwerking = ParentalKey(UitwerkingPage, on_delete=models.CASCADE, related_name="besluiten")
    orgaan = models.CharField(
        _("orgaan"),
        max_length=100,
        help_text=_("Wie besloot, bijvoorbeeld 'Gemeenteraad van Assen'."),
    )
    datum = models.DateField(_("datum"))
    omschrijving = models.TextField(
        _("omschrijving"), help_text=_("De zin uit het besluit die het vaststelt, letterlijk.")
    )

    panels = [FieldPanel("orgaan"), FieldPanel("datum"), FieldPanel("omschrijving")]

    class Meta(Orderable.Meta):
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")

    def __str__(self) -> str:
        return f"{self.orgaan}, {self.datum:%d-%m-%Y}"


class Begrotingspost(Orderable):
    class Frequentie(models.TextChoices):
        PER_JAAR = "per_jaar", _("per jaar")
        EENMALIG = "eenmalig", _("eenmalig")

    uitwerking = ParentalKey(
        UitwerkingPage, on_delete=models.CASCADE, related_name="begrotingsposten"
    )
    naam = models.CharField(_("naam"), max_length=200)
    bedrag = models.DecimalField(
        _("bedrag (euro)"),
        max_digits=12,
        decimal_places=2,
        help_text=_("In euro's, zonder punten."),
    )
    frequentie = models.CharField(_("frequentie"), max_length=20, choices=Frequentie.choices)
    toelichting = models.TextField(
        _("toelichting"), blank=True, help_text=_("De zin uit het voorstel die dit bedrag noemt.")
    )

    panels = [
        FieldPanel("naam"),
        FieldPanel("bedrag"),
        FieldPanel("frequentie"),
        FieldPanel("toelichting"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("begrotingspost")
        verbose_name_plural = _("begrotingsposten")

    def __str__(self) -> str:
        return self.naam
