"""The page types of the omgevingsvisie itself, pinned into the document's own tree."""

from django.db import models
from django.http import Http404
from django.urls import Resolver404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from assen.pages import PortaalPageMixin
from herzieningen.forms import HerzieningPaginaForm
from herzieningen.models import Herzienbaar
from kaarten.models import Gebied

from ..blocks import BodyBlock, KernkwaliteitenBlock, TijdvakkenBlock
from .base import VisiePage


def _routes_itself(page: Page, rest: list[str]) -> bool:
    """Whether `page` answers the rest of the path itself rather than through a child."""
    kind = page.specific_class
    if kind.route is Page.route:
        return False
    if not issubclass(kind, RoutablePageMixin):
        return True
    try:
        kind.get_resolver().resolve(f"/{'/'.join(rest)}/")
    except Resolver404:
        return False
    return page.live


class HomePage(PortaalPageMixin, Herzienbaar, Page):
    base_form_class = HerzieningPaginaForm

    ondertitel = models.CharField(
        _("ondertitel"), max_length=255, help_text=_("Bijvoorbeeld: Omgevingsvisie gemeente Assen.")
    )
    datum = models.CharField(
        _("datum van vaststelling"),
        max_length=50,
        help_text=_("Zoals op de titelpagina van het document, bijvoorbeeld 26 mei 2021."),
    )
    ambitie = models.CharField(
        _("centrale ambitie"),
        max_length=255,
        help_text=_("De centrale ambitie in een paar woorden."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("toelichting op de ambitie"),
        help_text=_(
            "Een passage uit de visie die de centrale ambitie uitlegt, letterlijk geciteerd."
        ),
    )

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    # No subpage_types: the chapters, the uitwerkingen and other apps' sections (the opgaven
    # register) name the home page as their parent, so visie needs to know none of them.
    content_panels = [
        *Page.content_panels,
        FieldPanel("ondertitel"),
        FieldPanel("datum"),
        MultiFieldPanel([FieldPanel("ambitie"), FieldPanel("body")], heading=_("Ambitie")),
    ]

    class Meta:
        verbose_name = _("startpagina")
        verbose_name_plural = _("startpagina's")

    def route(self, request, path_components):
        """Wagtail finds the page of a URL one level at a time, two queries a level; this reads
        every page along the path in one query, and hands over to a page's own route() where
        its type has one (the opgaven register's views) or where the path ends, as Wagtail
        would. A routable page's routes come before its children, as in Wagtail, and are
        matched on its class, so the page itself is read only when one matches."""
        along = {
            page.url_path: page
            for page in Page.objects.filter(
                path__startswith=self.path,
                url_path__in=[
                    f"{self.url_path}{'/'.join(path_components[:n])}/"
                    for n in range(1, len(path_components) + 1)
                ],
            )
        }
        for n in range(1, len(path_components) + 1):
            page = along.get(f"{self.url_path}{'/'.join(path_components[:n])}/")
            if page is None:
                raise Http404
            rest = path_components[n:]
            if not rest or _routes_itself(page, rest):
                return page.specific.route(request, rest)
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        principes = list(PrincipePage.objects.descendant_of(self).live())
        sporen = list(SpoorPage.objects.descendant_of(self).live())
        for principe in principes:
            principe.sporen = [s for s in sporen if s.path.startswith(principe.path)]
        context["principes"] = principes
        context["focusgebieden"] = FocusgebiedPage.objects.descendant_of(self).live()
        # Ways in for residents and council members: sections the document numbers 3.4 and 3.5.
        sections = {
            s.nummer: s for s in SectiePage.objects.live().filter(nummer__in=["3.4", "3.5"])
        }
        context["focusgebieden_sectie"] = sections.get("3.4")
        context["opgaven"] = sections.get("3.5")
        return context


class HoofdstukPage(VisiePage):
    """A chapter of the document (Voorwoord, Inleiding, 1 to 4, Bijlagen)."""

    parent_page_types = ["visie.HomePage"]
    subpage_types = [
        "visie.SectiePage",
        "visie.PrincipePage",
        "visie.ThemaPage",
        "visie.BijlagePage",
        "visie.BiografiePage",
        "visie.KernkwaliteitenPage",
    ]

    class Meta:
        verbose_name = _("hoofdstuk")
        verbose_name_plural = _("hoofdstukken")


class SectiePage(VisiePage):
    """A section that is not a principle, theme or focus area (Leeswijzer, 3.4, 4.1, ...)."""

    parent_page_types = ["visie.HoofdstukPage"]
    subpage_types = ["visie.FocusgebiedPage"]

    class Meta:
        verbose_name = _("paragraaf")
        verbose_name_plural = _("paragrafen")


class PrincipePage(VisiePage):
    """A leidend principe: its picture of 2040 (chapter 1) and its way there (chapter 3)."""

    nummer_weg = models.CharField(
        _("nummer in hoofdstuk 3"),
        max_length=10,
        help_text=_("Het nummer van 'op weg naar 2040' voor dit principe, bijvoorbeeld 3.1."),
    )
    beeld_2040 = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("het beeld van 2040"),
        help_text=_("De paragraaf uit hoofdstuk 1 (1.1, 1.2 of 1.3) met de legenda van de kaart."),
    )
    weg_naar_2040 = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("op weg naar 2040"),
        help_text=_(
            "De inleiding uit hoofdstuk 3 (3.1, 3.2 of 3.3) en de legenda van de ruimtelijke "
            "schets. De drie strategische sporen zijn eigen pagina's onder dit principe."
        ),
    )

    text_fields = ("beeld_2040", "weg_naar_2040")
    parent_page_types = ["visie.HoofdstukPage"]
    subpage_types = ["visie.SpoorPage"]
    search_fields = [
        *Page.search_fields,
        index.SearchField("beeld_2040"),
        index.SearchField("weg_naar_2040"),
    ]
    content_panels = [
        MultiFieldPanel(
            [FieldPanel("title"), FieldPanel("nummer"), FieldPanel("nummer_weg")],
            heading=_("Titel"),
        ),
        FieldPanel("beeld_2040"),
        FieldPanel("weg_naar_2040"),
        FieldPanel("bron"),
    ]

    class Meta:
        verbose_name = _("leidend principe")
        verbose_name_plural = _("leidende principes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sporen"] = SpoorPage.objects.child_of(self).live()
        return context


class SpoorPage(VisiePage):
    parent_page_types = ["visie.PrincipePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("strategisch spoor")
        verbose_name_plural = _("strategische sporen")


class ThemaPage(VisiePage):
    """A theme of chapter 2, Dit is Assen in 2021."""

    parent_page_types = ["visie.HoofdstukPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")


class FocusgebiedPage(VisiePage):
    """One of the six focus areas of section 3.4, tied to its area on the map."""

    gebied = models.ForeignKey(
        "kaarten.Gebied",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gebied"),
        help_text=_("Het gebied op de kaart waar dit focusgebied over gaat."),
    )

    parent_page_types = ["visie.SectiePage"]
    subpage_types = []
    content_panels = [
        *VisiePage.content_panels[:1],
        FieldPanel("gebied"),
        *VisiePage.content_panels[1:],
    ]

    class Meta:
        verbose_name = _("focusgebied")
        verbose_name_plural = _("focusgebieden")

    def get_context(self, request, *args, **kwargs):
        # The page's map and its opgaven both start from the area's outline: read them at once.
        if self.gebied_id is not None:
            self.gebied = Gebied.objects.select_related("locatie").get(pk=self.gebied_id)
        return super().get_context(request, *args, **kwargs)


class BijlagePage(VisiePage):
    parent_page_types = ["visie.HoofdstukPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")


class BiografiePage(VisiePage):
    """The appendix Biografie van Assen: a timeline of eras, then the map legend (in body)."""

    tijdvakken = StreamField(
        TijdvakkenBlock(),
        verbose_name=_("tijdvakken"),
        help_text=_("De tijdvakken van oud naar nieuw, elk met naam, periode en tekst."),
    )

    text_fields = ("tijdvakken", "body")
    parent_page_types = ["visie.HoofdstukPage"]
    subpage_types = []
    max_count = 1
    search_fields = [*VisiePage.search_fields, index.SearchField("tijdvakken")]
    content_panels = [
        *VisiePage.content_panels[:1],
        FieldPanel("tijdvakken"),
        FieldPanel("body"),
        FieldPanel("bron"),
    ]

    class Meta:
        verbose_name = _("biografie")
        verbose_name_plural = _("biografieën")


class KernkwaliteitenPage(VisiePage):
    kernkwaliteiten = StreamField(
        KernkwaliteitenBlock(),
        verbose_name=_("kernkwaliteiten"),
        help_text=_("De kernkwaliteiten van Assen, genummerd zoals in het document."),
    )

    text_fields = ("body", "kernkwaliteiten")
    parent_page_types = ["visie.HoofdstukPage"]
    subpage_types = []
    max_count = 1
    search_fields = [*VisiePage.search_fields, index.SearchField("kernkwaliteiten")]
    content_panels = [
        *VisiePage.content_panels[:2],
        FieldPanel("kernkwaliteiten"),
        FieldPanel("bron"),
    ]

    class Meta:
        verbose_name = _("kernkwaliteiten")
        verbose_name_plural = _("kernkwaliteiten")
