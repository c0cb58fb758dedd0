"""The opgaven register: every opgave of section 3.5 and of the uitwerkingen, each traced to the
principles, sporen, themes, gebieden and uitwerkingen it belongs to, with the reason per link."""

import functools
import operator

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404, HttpResponseBadRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from assen.pages import PortaalPageMixin
from herzieningen.models import Herzienbaar
from herzieningen.peildatum import geldig_op
from kaarten.ligging import ligging, plaatsen
from kaarten.models import Gebied
from visie.models import PrincipePage, SpoorPage, ThemaPage, UitwerkingPage

from .exports import FORMATS, export_response, rows
from .filters import RegisterFilter, koppeling, register_url
from .forms import REQUIRED_LINKS, OpgaveForm
from .matrix import build_matrix

REGISTER_PER_PAGE = 50


class OpgavenRegisterPage(PortaalPageMixin, RoutablePageMixin, Page):
    """The register of all opgaven, with its filters, the trace matrix, the coverage view and
    the exports; the opgaven are its children."""

    max_count = 1
    parent_page_types = ["visie.HomePage"]
    subpage_types = ["opgaven.OpgavePage"]

    class Meta:
        verbose_name = _("opgavenregister")

    def opgaven(self, request):
        return (
            geldig_op(OpgavePage.objects.child_of(self).live(), request)
            .order_by("path")
            .prefetch_related(*met_koppelingen())
        )

    def coverage(self, request) -> dict:
        """What the register does not yet cover: opgaven that lack a kind of link, and
        principles, sporen, themes and uitwerkingen that no opgave links to."""
        opgaven = geldig_op(OpgavePage.objects.child_of(self).live(), request).order_by("path")
        return {
            "zonder_koppeling": zonder_koppeling(opgaven),
            "zonder_uitwerking": opgaven.filter(uitwerking_links__isnull=True),
            "gebieden_zonder_opgave": gebieden_zonder_opgave(),
            "zonder_opgave": [
                (
                    label,
                    model.objects.live().exclude(
                        pk__in=link.objects.filter(opgave__live=True).values(column)
                    ),
                )
                for label, model, link, column in [
                    (_("Leidende principes"), PrincipePage, OpgavePrincipe, "principe_id"),
                    (_("Strategische sporen"), SpoorPage, OpgaveSpoor, "spoor_id"),
                    (_("Thema's"), ThemaPage, OpgaveThema, "thema_id"),
                    (_("Uitwerkingen"), UitwerkingPage, OpgaveUitwerking, "uitwerking_id"),
                ]
            ],
        }

    def filtered(self, request) -> tuple[RegisterFilter, models.QuerySet]:
        """The filter form read from the URL and the opgaven it selects; none when the URL
        holds a value the form refuses."""
        form = RegisterFilter(request.GET or None)
        opgaven = self.opgaven(request)
        if form.is_bound and form.is_valid():
            opgaven = form.filter(opgaven)
        elif form.is_bound:
            opgaven = opgaven.none()
        return form, opgaven

    def _render(self, request, form, template=None, **context):
        response = self.render(
            request, template=template, context_overrides={"form": form, **context}
        )
        if form.errors:
            response.status_code = 400  # a malformed filter URL: say so, with the form's message
        return response

    @path("")
    def register(self, request):
        form, opgaven = self.filtered(request)
        # Paged, so the register stays one readable page at any size; a bad page number shows
        # the nearest page rather than an error.
        pagina = Paginator(opgaven, REGISTER_PER_PAGE).get_page(request.GET.get("pagina"))
        return self._render(request, form, opgaven=pagina.object_list, pagina=pagina)

    @path("matrix/")
    def matrix(self, request):
        form, opgaven = self.filtered(request)
        matrix = build_matrix(opgaven, form.values)
        return self._render(request, form, template="opgaven/matrix.html", matrix=matrix)

    @path("dekking/")
    def dekking(self, request):
        return self.render(
            request, template="opgaven/dekking.html", context_overrides=self.coverage(request)
        )

    @path("export/<str:formaat>/")
    def export(self, request, formaat):
        if formaat not in FORMATS:
            raise Http404
        form, opgaven = self.filtered(request)
        if form.errors:
            problems = "; ".join(
                f"{form.fields[name].label}: {' '.join(errors)}"
                for name, errors in form.errors.items()
            )
            return HttpResponseBadRequest(
                f"Dit filter kan niet worden toegepast ({problems}).",
                content_type="text/plain; charset=utf-8",
            )
        table = rows(opgaven, request.build_absolute_uri(self.get_url(request)))
        peildatum = request.peildatum
        description = "\n".join(
            [
                f"Opgavenregister Omgevingsvisie Assen, {len(table)} opgaven.",
                f"Zoals geldend op {peildatum or timezone.localdate():%d-%m-%Y}.",
                f"Filter: {form.description() or 'geen (alle opgaven)'}",
                f"Bron: {request.build_absolute_uri()}",
                f"Gemaakt op {timezone.localdate():%d-%m-%Y}.",
            ]
        )
        return export_response(table, formaat, description, peildatum)


# An opgave's page lists this many others of its spoor and links to the register for the rest.
BUREN_OP_PAGINA = 25


class OpgavePage(PortaalPageMixin, Herzienbaar, Page):
    class Document(models.TextChoices):
        OMGEVINGSVISIE = "omgevingsvisie", _("Omgevingsvisie 2021")
        GROENVISIE = "groenvisie", _("Raadsvoorstel Groenvisie Assen 2040")

    document = models.CharField(_("document"), max_length=20, choices=Document.choices)
    groep = models.CharField(
        _("groep"),
        max_length=120,
        help_text=_("De groep waaronder de opgave in het document staat, bijv. 'Mobiliteit'."),
    )
    nummer = models.PositiveSmallIntegerField(
        _("nummer"), help_text=_("Het nummer binnen de groep, zoals in het document.")
    )
    tekst = models.TextField(
        _("tekst"), help_text=_("De volledige tekst van de opgave, letterlijk uit het document.")
    )
    bron = models.CharField(
        _("bron"),
        max_length=255,
        help_text=_("Document en paragraaf, bijv. 'Omgevingsvisie 2021, § 3.5, Mobiliteit, 2'."),
    )

    parent_page_types = ["opgaven.OpgavenRegisterPage"]
    subpage_types = []
    base_form_class = OpgaveForm
    search_fields = [
        *Page.search_fields,
        index.SearchField("tekst"),
        index.SearchField("groep"),
        index.FilterField("document"),
    ]
    content_panels = [
        MultiFieldPanel(
            [
                FieldPanel("title", heading=_("Korte titel")),
                FieldPanel("document"),
                FieldPanel("groep"),
                FieldPanel("nummer"),
            ],
            heading=_("Opgave"),
        ),
        FieldPanel("tekst"),
        FieldPanel("bron"),
        InlinePanel("principe_links", heading=_("Leidende principes"), min_num=1),
        InlinePanel("spoor_links", heading=_("Strategische sporen"), min_num=1),
        InlinePanel("thema_links", heading=_("Thema's"), min_num=1),
        InlinePanel("gebied_links", heading=_("Gebieden"), min_num=1),
        InlinePanel("uitwerking_links", heading=_("Uitwerkingen")),
    ]

    class Meta:
        verbose_name = _("opgave")
        verbose_name_plural = _("opgaven")

    @property
    def label(self) -> str:
        return f"{self.groep} {self.nummer}"

    def get_context(self, request, *args, **kwargs):
        """The chain with every link's target fetched along (one query a kind of link), and
        the first opgaven of the same spoor with the way to all of them."""
        context = super().get_context(request, *args, **kwargs)
        links = {
            relation: list(getattr(self, f"{relation}_links").select_related(relation))
            for relation in ["principe", "spoor", "thema", "gebied", "uitwerking"]
        }
        context["links"] = links
        sporen = [link.spoor for link in links["spoor"]]
        buren = (
            geldig_op(OpgavePage.objects.live(), request)
            .filter(spoor_links__spoor__in=sporen)
            .exclude(pk=self.pk)
            .distinct()
            .order_by("path")
        )
        context["buren"] = list(buren[:BUREN_OP_PAGINA])
        if len(context["buren"]) == BUREN_OP_PAGINA:
            context["buren_aantal"] = buren.count()
            context["buren_per_spoor"] = [
                (spoor.numbered_title, register_url(spoor=spoor.nummer)) for spoor in sporen
            ]
        uitwerkingen = {link.uitwerking.path: link.uitwerking for link in links["uitwerking"]}
        context["uitwerkingen"] = [uitwerkingen[path] for path in sorted(uitwerkingen)]
        prefetch_related_objects(context["uitwerkingen"], "besluiten", "begrotingsposten")
        return context


def zonder_koppeling(opgaven) -> list[tuple[str, list]]:
    """Per required kind of link, the opgaven that lack it (one query for all kinds)."""
    missing = {
        f"zonder_{relation}": ~models.Exists(
            koppeling(opgaven, relation).objects.filter(opgave=models.OuterRef("pk"))
        )
        for relation in REQUIRED_LINKS
    }
    lacking = list(
        opgaven.annotate(**missing).filter(
            functools.reduce(operator.or_, (models.Q(**{name: True}) for name in missing))
        )
    )
    return [
        (label, [opgave for opgave in lacking if getattr(opgave, f"zonder_{relation}")])
        for relation, label in REQUIRED_LINKS.items()
    ]


def gebieden_zonder_opgave() -> list[Gebied]:
    """Wijken, focus areas and places with no opgave, neither their own nor one of a place
    lying in them."""
    linked = set(
        OpgaveGebied.objects.filter(opgave__live=True)
        .values_list("gebied_id", flat=True)
        .distinct()
    )
    inside = ligging()
    return [g for g in plaatsen() if not linked.intersection(inside.get(g.pk, [g.pk]))]


class Koppeling(Orderable):
    """A link of an opgave to what it belongs to, with the reason an editor can check."""

    reden = models.CharField(
        _("reden"),
        max_length=500,
        blank=True,
        help_text=_(
            "Waarom deze koppeling klopt, in één regel die naar de tekst verwijst, bijv. "
            "\"3.2A: 'De naoorlogse wijken zijn toe aan een kwaliteitsimpuls'\"."
        ),
    )

    class Meta(Orderable.Meta):
        abstract = True


class OpgavePrincipe(Koppeling):
    opgave = ParentalKey(OpgavePage, on_delete=models.CASCADE, related_name="principe_links")
    principe = models.ForeignKey(
        PrincipePage, on_delete=models.CASCADE, related_name="+", verbose_name=_("principe")
    )
    panels = [FieldPanel("principe"), FieldPanel("reden")]


class OpgaveSpoor(Koppeling):
    opgave = ParentalKey(OpgavePage, on_delete=models.CASCADE, related_name="spoor_links")
    spoor = models.ForeignKey(
        SpoorPage, on_delete=models.CASCADE, related_name="+", verbose_name=_("spoor")
    )
    panels = [FieldPanel("spoor"), FieldPanel("reden")]


class OpgaveThema(Koppeling):
    opgave = ParentalKey(OpgavePage, on_delete=models.CASCADE, related_name="thema_links")
    thema = models.ForeignKey(
        ThemaPage, on_delete=models.CASCADE, related_name="+", verbose_name=_("thema")
    )
    panels = [FieldPanel("thema"), FieldPanel("reden")]


class OpgaveGebied(Koppeling):
    opgave = ParentalKey(OpgavePage, on_delete=models.CASCADE, related_name="gebied_links")
    gebied = models.ForeignKey(
        Gebied, on_delete=models.PROTECT, related_name="opgave_links", verbose_name=_("gebied")
    )
    panels = [FieldPanel("gebied"), FieldPanel("reden")]


class OpgaveUitwerking(Koppeling):
    opgave = ParentalKey(OpgavePage, on_delete=models.CASCADE, related_name="uitwerking_links")
    uitwerking = models.ForeignKey(
        UitwerkingPage, on_delete=models.CASCADE, related_name="+", verbose_name=_("uitwerking")
    )
    panels = [FieldPanel("uitwerking"), FieldPanel("reden")]


def met_koppelingen() -> list[Prefetch]:
    """An opgave's links with what each links to, in one query a kind of link; the targets'
    long texts stay unread, as lists of links show only their titles."""
    return [
        Prefetch(
            f"{name}_links",
            queryset=model.objects.select_related(name).defer(*_lange_teksten(model, name)),
        )
        for name, model in [
            ("principe", OpgavePrincipe),
            ("spoor", OpgaveSpoor),
            ("thema", OpgaveThema),
            ("gebied", OpgaveGebied),
            ("uitwerking", OpgaveUitwerking),
        ]
    ]


def _lange_teksten(link: type[models.Model], name: str) -> list[str]:
    target = link._meta.get_field(name).related_model
    return [
        f"{name}__{field.name}"
        for field in target._meta.concrete_fields
        if isinstance(field, StreamField | models.TextField)
    ]
