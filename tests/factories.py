"""Test data that tests build themselves: factories for every page type, opgaven with their links,
areas, maps and herzieningen, with deterministic RD geometries (as Geotrek-admin does);
`kleine_visie`, a small tree of all of them; and `groei`, which grows the opgaven and map entries
to a multiple of themselves in bulk (the query-count tests and `make bench`)."""

import datetime
import json
import math
from dataclasses import dataclass

import factory
from django.contrib.contenttypes.models import ContentType
from django.contrib.gis.geos import GEOSGeometry, LineString, Point, Polygon
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend

from herzieningen.models import Herziening
from kaarten.models import Gebied, Kaart, Kaartlaag, Kaartobject, KaartPagina, Locatie
from opgaven.models import (
    OpgaveGebied,
    OpgavenRegisterPage,
    OpgavePage,
    OpgavePrincipe,
    OpgaveSpoor,
    OpgaveThema,
    OpgaveUitwerking,
)
from visie.models import (
    FocusgebiedPage,
    HomePage,
    HoofdstukPage,
    PrincipePage,
    SectiePage,
    SpoorPage,
    ThemaPage,
    UitwerkingenIndexPage,
    UitwerkingGebied,
    UitwerkingPage,
    UitwerkingPrincipe,
    UitwerkingThema,
)

# The centre of Assen in RD New; every generated geometry lies on a 100 m grid around it.
ASSEN = (233_000, 557_000)
GRID = 100
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
# The keyword of each kind of link on OpgaveFactory: its model and the field of its target.
OPGAVE_LINKS = {
    "principes": (OpgavePrincipe, "principe"),
    "sporen": (OpgaveSpoor, "spoor"),
    "themas": (OpgaveThema, "thema"),
    "gebieden": (OpgaveGebied, "gebied"),
    "uitwerkingen": (OpgaveUitwerking, "uitwerking"),
}
LINKS = [model for model, _ in OPGAVE_LINKS.values()]


def rd_point(n: int) -> Point:
    """The n-th cell of a 40 x 40 grid of 100 m cells around the centre of Assen."""
    column, row = n % 40, (n // 40) % 40
    return Point(ASSEN[0] - 2000 + column * GRID, ASSEN[1] - 2000 + row * GRID, srid=28992)


def rd_square(n: int, side: float = 80) -> Polygon:
    corner = rd_point(n)
    polygon = Polygon.from_bbox((corner.x, corner.y, corner.x + side, corner.y + side))
    polygon.srid = 28992
    return polygon


def rd_box(centre: tuple[float, float], side: float, offset: float = 0) -> Polygon:
    """A square of `side` metres around `centre`, moved `offset` metres east."""
    x, y, half = centre[0] + offset, centre[1], side / 2
    polygon = Polygon.from_bbox((x - half, y - half, x + half, y + half))
    polygon.srid = 28992
    return polygon


def rd_line(n: int) -> LineString:
    start = rd_point(n)
    return LineString((start.x, start.y), (start.x + 90, start.y + 40), srid=28992)


class PageFactory(factory.django.DjangoModelFactory):
    """A published page under `parent` (required), added as Wagtail adds one."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Pagina {n}")

    @classmethod
    def _create(cls, model_class, parent, **kwargs):
        page = model_class(**kwargs)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page


class HomeFactory(PageFactory):
    """The home page, which becomes the root of the default site in place of Wagtail's welcome
    page."""

    class Meta:
        model = HomePage

    title = "Testportaal"
    slug = "start"
    ondertitel = "Omgevingsvisie van de test"
    datum = "1 januari 2026"
    ambitie = "Een kleine visie om mee te testen"

    @classmethod
    def _create(cls, model_class, parent=None, **kwargs):
        root = Page.get_first_root_node()
        home = super()._create(model_class, parent or root, **kwargs)
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
        )
        for welcome in root.get_children().exact_type(Page):
            welcome.delete()
        return home


def page_factory(model, nummer: str | None = None, **declarations):
    """A PageFactory for `model`: titled by its type and a sequence number, and numbered as
    `nummer` says ('3.{}A') where the type has a number."""
    name = model.__name__.removesuffix("Page")
    declarations.setdefault("title", factory.Sequence(f"{name} {{}}".format))
    if nummer is not None:
        declarations["nummer"] = factory.Sequence(nummer.format)
    return factory.make_factory(model, FACTORY_CLASS=PageFactory, **declarations)


HoofdstukFactory = page_factory(HoofdstukPage, "{}")
SectieFactory = page_factory(SectiePage, "3.{}")
PrincipeFactory = page_factory(PrincipePage, "1.{}", nummer_weg=factory.Sequence("3.{}".format))
SpoorFactory = page_factory(SpoorPage, "3.{}A")
ThemaFactory = page_factory(ThemaPage, "9.{}")
FocusgebiedFactory = page_factory(FocusgebiedPage)
UitwerkingenIndexFactory = page_factory(
    UitwerkingenIndexPage, title="Uitwerkingen", slug="uitwerkingen"
)
UitwerkingFactory = page_factory(
    UitwerkingPage,
    soort=UitwerkingPage.Soort.THEMATISCH_PLAN,
    status=UitwerkingPage.Status.GEREED,
)
RegisterFactory = page_factory(OpgavenRegisterPage, title="Opgavenregister", slug="opgaven")


class OpgaveFactory(PageFactory):
    """An opgave; `principes`, `sporen`, `themas`, `gebieden` and `uitwerkingen` (lists) become
    its links."""

    class Meta:
        model = OpgavePage

    title = factory.Sequence(lambda n: f"Testopgave {n}")
    document = OpgavePage.Document.OMGEVINGSVISIE
    groep = "Testgroep"
    nummer = factory.Sequence(lambda n: n % 30000)
    tekst = factory.Sequence(lambda n: f"De tekst van testopgave {n}.")
    bron = "Testdata"

    @classmethod
    def _create(cls, model_class, parent, **kwargs):
        targets = {name: kwargs.pop(name, []) for name in OPGAVE_LINKS}
        opgave = super()._create(model_class, parent, **kwargs)
        for name, (model, field) in OPGAVE_LINKS.items():
            model.objects.bulk_create(
                model(opgave=opgave, sort_order=n, **{field: target})
                for n, target in enumerate(targets[name])
            )
        return opgave


class LocatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Locatie

    naam = factory.Sequence(lambda n: f"Testplek {n}")
    slug = factory.Sequence(lambda n: f"testplek-{n}")
    geometrie = factory.Sequence(rd_square)
    indicatief = True
    herkomst = "Testdata van de factories, geen plek uit de visie."
    live = True


class GebiedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gebied

    naam = factory.Sequence(lambda n: f"Testgebied {n}")
    slug = factory.Sequence(lambda n: f"testgebied-{n}")
    soort = Gebied.Soort.PLEK
    locatie = factory.SubFactory(LocatieFactory)
    live = True


class KaartFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kaart

    titel = factory.Sequence(lambda n: f"Testkaart {n}")
    slug = factory.Sequence(lambda n: f"testkaart-{n}")
    bron = "Testdata"
    live = True


class KaartlaagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kaartlaag

    kaart = factory.SubFactory(KaartFactory)
    label = factory.Sequence(lambda n: f"Testlaag {n}")
    kleur = "#1b5e20"
    vorm = Kaartlaag.Vorm.VLAK
    live = True


class KaartobjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kaartobject

    laag = factory.SubFactory(KaartlaagFactory)
    naam = factory.Sequence(lambda n: f"Testobject {n}")
    locatie = factory.SubFactory(LocatieFactory)


class HerzieningFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Herziening

    titel = factory.Sequence(lambda n: f"Testherziening {n}")
    slug = factory.LazyAttribute(lambda herziening: slugify(herziening.titel))
    omschrijving = "Een herziening van de test."
    procedure = Herziening.Procedure.IN_WERKING
    besluit_orgaan = "Gemeenteraad"
    besluit_datum = datetime.date(2026, 1, 1)
    live = True


@dataclass
class KleineVisie:
    home: HomePage
    principes: list[PrincipePage]
    sporen: list[SpoorPage]
    themas: list[ThemaPage]
    wijk: Gebied
    focusgebied: FocusgebiedPage
    uitwerking: UitwerkingPage
    register: OpgavenRegisterPage
    opgaven: list[OpgavePage]
    kaart: Kaart
    herziening: Herziening


def bouw_kleine_visie() -> KleineVisie:
    """A small vision with a page of every type: two principles of two sporen each, three
    themes, a wijk with a focus area inside it, an uitwerking linked to the first principle,
    theme and the focus area, four opgaven linked to them (one without an uitwerking), a map on
    the first principle with a layer of three places in the wijk, and a herziening in force."""
    home = HomeFactory()
    chapter_1 = HoofdstukFactory(parent=home, title="Leidende principes", nummer="1")
    principes = PrincipeFactory.create_batch(2, parent=chapter_1)
    sporen = [
        spoor for principe in principes for spoor in SpoorFactory.create_batch(2, parent=principe)
    ]
    chapter_2 = HoofdstukFactory(parent=home, title="Dit is Assen", nummer="2")
    themas = ThemaFactory.create_batch(3, parent=chapter_2)
    chapter_3 = HoofdstukFactory(parent=home, title="Op weg naar 2040", nummer="3")
    sectie = SectieFactory(parent=chapter_3, title="Focusgebieden", nummer="3.4")
    # A wijk of 1 km square around the centre with the focus area's 400 m inside it.
    wijk = GebiedFactory(
        naam="Testwijk",
        slug="wijk-testwijk",
        soort=Gebied.Soort.WIJK,
        cbs_code="WK999900",  # not a code of the files in tests/data
        locatie__naam="Testwijk",
        locatie__geometrie=rd_box(ASSEN, 1000),
    )
    gebied = GebiedFactory(
        naam="Testkwartier",
        slug="testkwartier",
        soort=Gebied.Soort.FOCUSGEBIED,
        locatie__naam="Testkwartier",
        locatie__geometrie=rd_box(ASSEN, 400),
    )
    focusgebied = FocusgebiedFactory(
        parent=sectie,
        title="Testkwartier",
        gebied=gebied,
        body=[("paragraph", "<p>Het Testkwartier wordt een buurt om in te wonen.</p>")],
    )
    index = UitwerkingenIndexFactory(parent=home)
    uitwerking = UitwerkingFactory(parent=index)
    UitwerkingPrincipe.objects.create(uitwerking=uitwerking, principe=principes[0])
    UitwerkingThema.objects.create(uitwerking=uitwerking, thema=themas[0])
    UitwerkingGebied.objects.create(uitwerking=uitwerking, gebied=gebied)
    register = RegisterFactory(parent=home)
    opgaven = [
        OpgaveFactory(
            parent=register,
            principes=[principes[n % 2]],
            sporen=[sporen[n]],
            themas=[themas[n % 3]],
            gebieden=[wijk if n % 2 else gebied],
            uitwerkingen=[uitwerking] if n else [],
        )
        for n in range(4)
    ]
    kaart = KaartFactory(slug="testkaart")
    KaartPagina.objects.create(kaart=kaart, pagina=principes[0])
    laag = KaartlaagFactory(kaart=kaart, principe=principes[0])
    for n in range(3):
        KaartobjectFactory(laag=laag, locatie__geometrie=rd_box(ASSEN, 50, offset=150 * n))
    return KleineVisie(
        home=home,
        principes=principes,
        sporen=sporen,
        themas=themas,
        wijk=wijk,
        focusgebied=focusgebied,
        uitwerking=uitwerking,
        register=register,
        opgaven=opgaven,
        kaart=kaart,
        herziening=HerzieningFactory(),
    )


def groei_visie(visie: KleineVisie, factor: int, start: int = 1) -> None:
    """Grow a small vision from `start` to `factor` times itself: as many more principles with
    their sporen, themes and focus areas under the same parents, then its opgaven and map
    entries by `groei`."""
    chapter_1, chapter_2 = visie.principes[0].get_parent(), visie.themas[0].get_parent()
    sectie = visie.focusgebied.get_parent()
    for _ in range(factor - start):
        for _ in visie.principes:
            SpoorFactory.create_batch(2, parent=PrincipeFactory(parent=chapter_1))
        ThemaFactory.create_batch(len(visie.themas), parent=chapter_2)
        FocusgebiedFactory(parent=sectie, gebied=GebiedFactory(soort=Gebied.Soort.FOCUSGEBIED))
    groei(factor, start)


def _insert(model, objects: list) -> None:
    """Insert the rows of a model's own table only, as bulk_create would if it allowed
    multi-table inheritance (the Page rows exist already)."""
    fields = model._meta.local_concrete_fields
    batch = max(1, 900 // len(fields))  # SQLite's limit of variables per statement
    for start in range(0, len(objects), batch):
        model._base_manager._insert(objects[start : start + batch], fields=fields)


def _bulk_pages(parent: Page, model, copies: list[dict]) -> list[int]:
    """Published pages of `model` under `parent` in a few statements instead of a tree update
    and a revision per page: what the benchmark needs to reach 100x in minutes."""
    last = parent.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    depth, now = parent.depth + 1, timezone.now()
    content_type = ContentType.objects.get_for_model(model)
    pages = [
        Page(
            title=values["title"],
            draft_title=values["title"],
            slug=values["slug"],
            path=Page._get_path(parent.path, depth, step + offset),
            depth=depth,
            numchild=0,
            url_path=f"{parent.url_path}{values['slug']}/",
            content_type=content_type,
            locale_id=parent.locale_id,
            live=True,
            first_published_at=now,
            last_published_at=now,
        )
        for offset, values in enumerate(copies, start=1)
    ]
    Page.objects.bulk_create(pages, batch_size=50)
    if pages[0].pk is None:  # a database that returns no keys from a bulk insert
        paths = [page.path for page in pages]
        keys = dict(Page.objects.filter(path__in=paths).values_list("path", "pk"))
        for page in pages:
            page.pk = keys[page.path]
    specific = []
    for page, values in zip(pages, copies, strict=True):
        own = {key: value for key, value in values.items() if key not in ("title", "slug")}
        specific.append(model(page_ptr_id=page.pk, **own))
    _insert(model, specific)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))
    parent.numchild += len(pages)
    return [page.pk for page in pages]


@transaction.atomic
def groei(factor: int, start: int = 1) -> dict[str, int]:
    """Grow the loaded content from `start` to `factor` times itself: copies of every opgave
    with all its links, and copies of every map entry on a place of its own, shifted by a few
    hundred metres so a bbox selects a share of them. Returns what it added."""
    register = OpgavenRegisterPage.objects.get()
    originals = list(
        OpgavePage.objects.child_of(register).exclude(slug__contains="--x").order_by("path")
    )
    links = {
        model: list(model.objects.filter(opgave__in=originals).order_by("pk")) for model in LINKS
    }
    added = {"opgaven": 0, "kaartobjecten": 0}
    for copy in range(start + 1, factor + 1):
        new_ids = _bulk_pages(
            register,
            OpgavePage,
            [
                {
                    "title": f"{opgave.title} ({copy}x)",
                    "slug": f"{opgave.slug}--x{copy}",
                    "document": opgave.document,
                    "groep": opgave.groep,
                    "nummer": opgave.nummer,
                    "tekst": opgave.tekst,
                    "bron": opgave.bron,
                }
                for opgave in originals
            ],
        )
        copy_of = dict(zip((opgave.pk for opgave in originals), new_ids, strict=True))
        for model, rows in links.items():
            model.objects.bulk_create(
                [_copied(row, opgave_id=copy_of[row.opgave_id]) for row in rows], batch_size=200
            )
        get_search_backend().add_bulk(OpgavePage, OpgavePage.objects.filter(pk__in=new_ids))
        added["opgaven"] += len(new_ids)
        added["kaartobjecten"] += _grow_features(copy)
    return added


def _copied(row, **changes):
    """An unsaved copy of a row with some values changed."""
    values = {
        field.attname: getattr(row, field.attname)
        for field in row._meta.concrete_fields
        if not field.primary_key
    }
    return type(row)(**{**values, **changes})


def _grow_features(copy: int) -> int:
    """One copy of every original map entry, on a copy of its place shifted along a spiral (a
    place that several maps show stays one place in the copy)."""
    originals = list(Kaartobject.objects.exclude(locatie__slug__contains="--x"))
    angle = copy * GOLDEN_ANGLE  # copies spread evenly round the original
    dx, dy = 300 * math.sqrt(copy) * math.cos(angle), 300 * math.sqrt(copy) * math.sin(angle)
    locaties = {
        original.pk: Locatie(
            naam=original.naam,
            slug=f"{original.slug[:100]}--x{copy}",
            geometrie=shifted(original.geometrie, dx, dy),
            indicatief=original.indicatief,
            herkomst=original.herkomst,
            live=True,
        )
        for original in Locatie.objects.filter(pk__in={entry.locatie_id for entry in originals})
    }
    Locatie.objects.bulk_create(locaties.values(), batch_size=200)
    if any(locatie.pk is None for locatie in locaties.values()):
        slugs = [locatie.slug for locatie in locaties.values()]
        keys = dict(Locatie.objects.filter(slug__in=slugs).values_list("slug", "pk"))
        for locatie in locaties.values():
            locatie.pk = keys[locatie.slug]
    Kaartobject.objects.bulk_create(
        [_copied(entry, locatie_id=locaties[entry.locatie_id].pk) for entry in originals],
        batch_size=200,
    )
    return len(originals)


def shifted(geometrie: GEOSGeometry, dx: float, dy: float) -> GEOSGeometry:
    """The geometry moved by (dx, dy) metres: GEOS has no translation, GeoJSON's nested
    coordinates make one easy."""

    def move(data):
        if "geometries" in data:
            return {**data, "geometries": [move(part) for part in data["geometries"]]}
        return {**data, "coordinates": _moved(data["coordinates"], dx, dy)}

    moved = GEOSGeometry(json.dumps(move(json.loads(geometrie.json))))
    moved.srid = geometrie.srid  # GeoJSON says WGS84 by definition; these are RD metres
    return moved


def _moved(coordinates, dx, dy):
    if isinstance(coordinates[0], (int, float)):
        return [coordinates[0] + dx, coordinates[1] + dy]
    return [_moved(part, dx, dy) for part in coordinates]
