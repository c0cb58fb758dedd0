"""The deliberately small set of blocks the vision's bodies are made of."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

INLINE_FEATURES = ["bold", "italic", "link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Tekst"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Kop")), ("h3", _("Tussenkop"))],
        default="h2",
        label=_("Niveau"),
        help_text=_("Kop: een onderdeel van de pagina. Tussenkop: een deel daarbinnen."),
    )

    class Meta:
        icon = "title"
        label = _("Kop")
        template = "blocks/heading.html"


class ListBlock(blocks.StructBlock):
    ordered = blocks.BooleanBlock(required=False, label=_("Genummerd"))
    start = blocks.IntegerBlock(
        default=1,
        min_value=1,
        label=_("Begint bij"),
        help_text=_("Alleen bij een genummerde lijst die in het document niet bij 1 begint."),
    )
    items = blocks.ListBlock(
        blocks.RichTextBlock(features=INLINE_FEATURES, label=_("Punt")), label=_("Punten")
    )

    class Meta:
        icon = "list-ul"
        label = _("Opsomming")
        template = "blocks/list.html"


class LegendBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        required=False,
        label=_("Kaart"),
        help_text=_("De naam van de kaart zoals in het document; leeg als die er niet staat."),
    )
    group = blocks.CharBlock(
        required=False,
        label=_("Groep"),
        help_text=_("Een kopje binnen de legenda, bijvoorbeeld het leidend principe."),
    )
    items = blocks.ListBlock(blocks.CharBlock(label=_("Legenda-item")), label=_("Legenda"))
    note = blocks.TextBlock(required=False, label=_("Voetnoot of voorbehoud bij de kaart"))

    class Meta:
        icon = "site"
        label = _("Kaartlegenda")
        template = "blocks/legend.html"


class FigureBlock(blocks.StructBlock):
    """A map or picture the document shows but the text does not contain."""

    kind = blocks.ChoiceBlock(
        choices=[("kaart", _("Kaart")), ("foto", _("Foto")), ("illustratie", _("Illustratie"))],
        label=_("Soort"),
    )
    caption = blocks.CharBlock(
        required=False, label=_("Bijschrift"), help_text=_("Het bijschrift zoals in het document.")
    )

    class Meta:
        icon = "image"
        label = _("Kaart of afbeelding (niet opgenomen)")
        template = "blocks/figure.html"


class TableBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, label=_("Titel"))
    has_header = blocks.BooleanBlock(
        required=False, default=True, label=_("Eerste rij is een kopregel")
    )
    rows = blocks.ListBlock(
        blocks.ListBlock(blocks.CharBlock(required=False, label=_("Cel")), label=_("Rij")),
        label=_("Rijen"),
    )

    class Meta:
        icon = "table"
        label = _("Tabel")
        template = "blocks/table.html"


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, label=_("Titel"))
    body = blocks.RichTextBlock(features=INLINE_FEATURES, label=_("Tekst"))

    class Meta:
        icon = "info-circle"
        label = _("Kader")
        template = "blocks/callout.html"


class EraBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Naam van het tijdvak"))
    period = blocks.CharBlock(
        label=_("Periode"), help_text=_("Zoals in het document, bijv. 1259 – 1602.")
    )
    body = blocks.RichTextBlock(features=INLINE_FEATURES, label=_("Tekst"))

    class Meta:
        icon = "date"
        label = _("Tijdvak")
        template = "blocks/era.html"


class KernkwaliteitBlock(blocks.StructBlock):
    number = blocks.IntegerBlock(min_value=1, label=_("Nummer"))
    name = blocks.CharBlock(label=_("Naam"))
    body = blocks.RichTextBlock(features=INLINE_FEATURES, label=_("Tekst"))

    class Meta:
        icon = "pick"
        label = _("Kernkwaliteit")
        template = "blocks/kernkwaliteit.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=INLINE_FEATURES,
        icon="pilcrow",
        label=_("Alinea"),
        template="blocks/paragraph.html",
    )
    list = ListBlock()
    legend = LegendBlock()
    figure = FigureBlock()
    table = TableBlock()
    callout = CalloutBlock()


class TijdvakkenBlock(blocks.StreamBlock):
    era = EraBlock()

    class Meta:
        template = "blocks/tijdvakken.html"


class KernkwaliteitenBlock(blocks.StreamBlock):
    kernkwaliteit = KernkwaliteitBlock()

    class Meta:
        template = "blocks/kernkwaliteiten.html"
