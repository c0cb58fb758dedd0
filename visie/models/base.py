"""The abstract page every page of the vision builds on, assembled from small mixins."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from assen.pages import PortaalPageMixin
from herzieningen.forms import HerzieningPaginaForm
from herzieningen.models import Herzienbaar

from ..blocks import BodyBlock
from ..text import stream_text


class NumberedMixin(models.Model):
    nummer = models.CharField(
        _("nummer"),
        max_length=10,
        blank=True,
        help_text=_(
            "Het nummer zoals het in het document staat, bijvoorbeeld 2 voor een hoofdstuk, "
            "2.3 voor een paragraaf of 3.1A voor een strategisch spoor. Leeg laten als het "
            "document geen nummer geeft."
        ),
    )

    class Meta:
        abstract = True

    @property
    def numbered_title(self) -> str:
        return f"{self.nummer} {self.title}" if self.nummer else self.title


class SourceMixin(models.Model):
    bron = models.CharField(
        _("bron"),
        max_length=255,
        blank=True,
        help_text=_(
            "Waar deze tekst vandaan komt: document en paragraaf, bijvoorbeeld "
            "'Omgevingsvisie 2021, § 2.3'. Wordt onder de tekst getoond, zodat lezers kunnen "
            "nagaan wat er is vastgesteld."
        ),
    )

    class Meta:
        abstract = True


class BodyMixin(models.Model):
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("tekst"),
        help_text=_(
            "De tekst van dit onderdeel, woord voor woord zoals vastgesteld. Gebruik koppen "
            "voor de tussenkoppen van het document en het blok 'Kaart of afbeelding' waar het "
            "document een kaart of beeld toont."
        ),
    )

    class Meta:
        abstract = True


class VisiePage(PortaalPageMixin, Herzienbaar, NumberedMixin, SourceMixin, BodyMixin, Page):
    """A page of the vision: a numbered part of the document, with its text and its source."""

    base_form_class = HerzieningPaginaForm

    # The streams that hold this page's text, in reading order; subclasses add theirs.
    text_fields = ("body",)

    search_fields = [
        *Page.search_fields,
        index.SearchField("nummer"),
        index.SearchField("body"),
    ]
    content_panels = [
        MultiFieldPanel([FieldPanel("title"), FieldPanel("nummer")], heading=_("Titel")),
        FieldPanel("body"),
        FieldPanel("bron"),
    ]

    class Meta:
        abstract = True

    @property
    def text_streams(self) -> list:
        return [getattr(self, name) for name in self.text_fields]

    def plain_text(self) -> str:
        return " ".join(stream_text(getattr(self, name)) for name in self.text_fields)
