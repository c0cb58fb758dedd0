"""Herzieningen (the decisions that change the vision) and the versions of content they make."""

import datetime

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.forms import Select
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PublishingPanel, TitleFieldPanel
from wagtail.models import Page

from assen.models import Redactioneel

# Addresses under /herzieningen/ that its own pages use (herzieningen.urls).
GERESERVEERD = {"verschil", "geschiedenis"}


class Herziening(Redactioneel):
    """A decision that changes the vision (its adoption, an elaboration, a periodic review), or
    an editorial correction that needs none, with the route it follows under the Awb."""

    class Soort(models.TextChoices):
        HERZIENING = "herziening", _("Herziening (besluit van de raad)")
        CORRECTIE = "correctie", _("Redactionele correctie (geen besluit nodig)")

    class Procedure(models.TextChoices):
        IN_VOORBEREIDING = "in_voorbereiding", _("In voorbereiding")
        ONTWERP = "ontwerp", _("Ontwerp")
        TER_INZAGE = "ter_inzage", _("Ter inzage")
        VASTGESTELD = "vastgesteld", _("Vastgesteld")
        IN_WERKING = "in_werking", _("In werking")

    titel = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=120, unique=True, help_text=_("Het laatste deel van het adres.")
    )
    soort = models.CharField(
        _("soort"), max_length=20, choices=Soort.choices, default=Soort.HERZIENING
    )
    omschrijving = models.TextField(
        _("omschrijving"), help_text=_("Wat deze herziening verandert, in gewone woorden.")
    )
    procedure = models.CharField(
        _("procedure"),
        max_length=20,
        choices=Procedure.choices,
        default=Procedure.IN_VOORBEREIDING,
        help_text=_("Waar het besluit staat op de route van voorbereiding tot inwerkingtreding."),
    )
    besluit_orgaan = models.CharField(
        _("besluit door"), max_length=200, blank=True, help_text=_("Bijv. 'Gemeenteraad'.")
    )
    besluit_datum = models.DateField(_("datum van het besluit"), null=True, blank=True)
    besluit_tekst = models.TextField(
        _("het besluit, letterlijk"),
        blank=True,
        help_text=_("De beslispunten zoals vastgesteld, woord voor woord."),
    )
    besluit_url = models.URLField(
        _("adres van het besluit"),
        blank=True,
        help_text=_("Waar het besluit zelf te lezen is, als de gemeente het publiceert."),
    )
    besluit_bron = models.CharField(
        _("bron van deze gegevens"),
        max_length=500,
        blank=True,
        help_text=_("Waar het besluit en de datum staan, bijv. 'Raadsvoorstel, r. 286'."),
    )
    ter_inzage_van = models.DateField(_("ter inzage van"), null=True, blank=True)
    ter_inzage_tot = models.DateField(_("ter inzage tot en met"), null=True, blank=True)
    reageren = models.TextField(
        _("zo reageert u"),
        blank=True,
        help_text=_("Hoe inwoners een zienswijze indienen zolang het ontwerp ter inzage ligt."),
    )
    in_werking_vanaf = models.DateField(
        _("in werking vanaf"),
        null=True,
        blank=True,
        help_text=_(
            "De datum waarop de wijzigingen gelden. Leeg als die niet bekend is: dan gelden "
            "ze vanaf de datum van het besluit."
        ),
    )

    panels = [
        TitleFieldPanel("titel"),
        FieldPanel("slug"),
        FieldPanel("soort"),
        FieldPanel("omschrijving"),
        FieldPanel("procedure"),
        MultiFieldPanel(
            [
                FieldPanel("besluit_orgaan"),
                FieldPanel("besluit_datum"),
                FieldPanel("besluit_tekst"),
                FieldPanel("besluit_url"),
                FieldPanel("besluit_bron"),
            ],
            heading=_("Besluit"),
        ),
        MultiFieldPanel(
            [FieldPanel("ter_inzage_van"), FieldPanel("ter_inzage_tot"), FieldPanel("reageren")],
            heading=_("Ter inzage"),
        ),
        FieldPanel("in_werking_vanaf"),
        PublishingPanel(),
    ]

    class Meta:
        ordering = ["-besluit_datum", "titel"]
        verbose_name = _("herziening")
        verbose_name_plural = _("herzieningen")

    def __str__(self) -> str:
        return self.titel

    def clean(self):
        super().clean()
        errors = {}
        if self.slug in GERESERVEERD:
            errors["slug"] = _("Dit adres is al in gebruik op /herzieningen/; kies een ander.")
        if self.procedure == self.Procedure.TER_INZAGE:
            for name in ("ter_inzage_van", "ter_inzage_tot", "reageren"):
                if not getattr(self, name):
                    errors[name] = _("Vul dit in: de herziening ligt ter inzage.")
        if (
            self.ter_inzage_van
            and self.ter_inzage_tot
            and self.ter_inzage_tot < self.ter_inzage_van
        ):
            errors["ter_inzage_tot"] = _("Het einde van de inzage ligt vóór het begin.")
        vastgesteld = {self.Procedure.VASTGESTELD, self.Procedure.IN_WERKING}
        if self.soort == self.Soort.HERZIENING and self.procedure in vastgesteld:
            if not self.besluit_datum:
                errors["besluit_datum"] = _("Een vastgestelde herziening heeft een besluitdatum.")
            if not self.besluit_orgaan:
                errors["besluit_orgaan"] = _("Zeg wie het besluit nam.")
        if self.procedure == self.Procedure.IN_WERKING and not self.geldig_vanaf:
            errors["in_werking_vanaf"] = _("Zeg vanaf wanneer de herziening in werking is.")
        if errors:
            raise ValidationError(errors)

    @property
    def geldig_vanaf(self) -> datetime.date | None:
        """From when its versions are in force: the date it takes effect, else the date of
        the decision (a rule of the portal where the sources name no other date)."""
        return self.in_werking_vanaf or self.besluit_datum

    @property
    def in_behandeling(self) -> bool:
        """Still to be decided: in preparation, a draft or open for comments."""
        return self.procedure in {
            self.Procedure.IN_VOORBEREIDING,
            self.Procedure.ONTWERP,
            self.Procedure.TER_INZAGE,
        }


class Versie(models.Model):
    """One version of a versioned object (a page, an opgave, a map's place or layer): the
    herziening that made it, the revision that holds its content and the days it is in
    force. Wagtail's revisions are the editorial history; a Versie says which of them the
    council's decisions put in force, and from when to when."""

    class Wijziging(models.TextChoices):
        TOEGEVOEGD = "toegevoegd", _("toegevoegd")
        GEWIJZIGD = "gewijzigd", _("gewijzigd")
        VERVALLEN = "vervallen", _("vervallen")

    herziening = models.ForeignKey(
        Herziening, on_delete=models.PROTECT, related_name="versies", verbose_name=_("herziening")
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    object = GenericForeignKey("content_type", "object_id")
    # SET_NULL for now: an editor may still delete an adopted page in the CMS, and the version
    # then records that it existed. Refusing that outside a herziening comes with the editing
    # within herzieningen (docs/decisions.md).
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("De revisie met de inhoud van deze versie; leeg als die er niet meer is."),
    )
    wijziging = models.CharField(_("wijziging"), max_length=20, choices=Wijziging.choices)
    geldig_vanaf = models.DateField(_("geldig vanaf"))
    geldig_tot = models.DateField(
        _("geldig tot"), null=True, blank=True, help_text=_("Leeg zolang de versie geldt.")
    )

    class Meta:
        ordering = ["content_type", "object_id", "geldig_vanaf"]
        verbose_name = _("versie")
        verbose_name_plural = _("versies")
        indexes = [models.Index(fields=["content_type", "object_id", "geldig_vanaf"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(geldig_tot__isnull=True) | Q(geldig_tot__gt=F("geldig_vanaf")),
                name="versie_geldig_tot_na_vanaf",
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type.name} {self.object_id}, {self.get_wijziging_display()}"


class Herzienbaar(models.Model):
    """Mixed into each versioned page type: the herziening (or correction) an edit is made
    within, chosen anew at every edit (herzieningen.forms) and kept with the revision, so
    publishing it records a version of that herziening (herzieningen.vastleggen)."""

    wijziging_binnen = models.ForeignKey(
        Herziening,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("wijziging binnen"),
        help_text=_(
            "De herziening of redactionele correctie waarin deze wijziging valt. Vastgesteld "
            "beleid verandert alleen binnen een herziening van de raad, of als correctie."
        ),
    )

    # Beside the publishing schedule, which a herziening in force later sets; a plain list of
    # the few herzieningen (herzieningen.forms), not the snippet chooser's search modal.
    settings_panels = [FieldPanel("wijziging_binnen", widget=Select), *Page.settings_panels]

    class Meta:
        abstract = True
