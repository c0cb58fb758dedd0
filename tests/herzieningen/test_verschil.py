"""The diff (issue 12): what changed between two versions of an object, in words, links and
geometry, and what the whole vision gained, changed and lost between two dates."""

import datetime
import json
from dataclasses import dataclass
from unittest import mock

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.gis.geos import LinearRing, LineString, MultiPolygon, Polygon
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import number_format
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from herzieningen.models import Herziening, Versie
from herzieningen.verschil import (
    ERBIJ,
    GELIJK,
    WEG,
    WEGGELATEN,
    Stuk,
    geometrieverschil,
    woordverschil,
)
from kaarten.models import Locatie
from opgaven.models import OpgavePage
from visie.models import PrincipePage, SpoorPage, UitwerkingPage

pytestmark = [pytest.mark.django_db, pytest.mark.echte_inhoud]
VANDAAG = timezone.localdate()
IN_WERKING = VANDAAG + datetime.timedelta(days=60)


def geschoven(geometrie, dx: float, dy: float):
    """The same shape, `dx` m east and `dy` m north."""

    def polygon(polygon):
        return Polygon(*[LinearRing([(x + dx, y + dy) for x, y in ring]) for ring in polygon])

    if isinstance(geometrie, MultiPolygon):
        moved = MultiPolygon([polygon(part) for part in geometrie])
    else:
        moved = polygon(geometrie)
    moved.srid = geometrie.srid
    return moved


@dataclass
class Voorstel:
    herziening: Herziening
    spoor: SpoorPage
    opgave: OpgavePage
    locatie: Locatie
    weg: object  # the area whose link the opgave loses
    versies: dict


def nieuwe_versie(herziening, obj, revision) -> Versie:
    """`revision` of `obj` in force from the herziening on; the version before ends then."""
    content_type = ContentType.objects.get_for_model(obj)
    huidige = Versie.objects.filter(
        content_type=content_type, object_id=obj.pk, geldig_tot__isnull=True
    )
    huidige.update(geldig_tot=herziening.geldig_vanaf)
    return Versie.objects.create(
        herziening=herziening,
        content_type=content_type,
        object_id=obj.pk,
        revision=revision,
        wijziging=Versie.Wijziging.GEWIJZIGD,
        geldig_vanaf=herziening.geldig_vanaf,
    )


def voorstel(procedure=Herziening.Procedure.TER_INZAGE) -> Voorstel:
    """A herziening that takes effect in 60 days and changes three things: a word removed and
    two added in a spoor's text, an opgave's link to one area removed, and a place moved 200 m
    east. Each change is a revision that is not published: the live rows stay as they are."""
    herziening = Herziening.objects.create(
        titel="Herijking 2027 (test)",
        slug="herijking-2027",
        omschrijving="Test: een herziening die drie dingen verandert.",
        procedure=procedure,
        ter_inzage_van=VANDAAG - datetime.timedelta(days=10),
        ter_inzage_tot=VANDAAG + datetime.timedelta(days=20),
        reageren="Stuur uw zienswijze naar de gemeente (testtekst).",
        besluit_orgaan="De raad van de gemeente Assen",
        besluit_datum=VANDAAG - datetime.timedelta(days=1),
        in_werking_vanaf=IN_WERKING,
    )
    spoor = SpoorPage.objects.live().get(title="Assen nog groener maken")
    body = list(spoor.body.raw_data)
    alinea = next(block for block in body if block["type"] == "paragraph")
    assert "meer bijdragen" in alinea["value"] and "stad groener maken" in alinea["value"]
    alinea["value"] = (
        alinea["value"]
        .replace("meer bijdragen", "bijdragen", 1)
        .replace("stad groener maken", "stad groener en koeler maken", 1)
    )
    spoor.body = json.dumps(body)
    versies = {"spoor": nieuwe_versie(herziening, spoor, spoor.save_revision())}

    opgave = (
        OpgavePage.objects.live()
        .annotate(gebieden=Count("gebied_links"))
        .filter(gebieden__gte=2)
        .order_by("path")
        .first()
    )
    links = list(opgave.gebied_links.select_related("gebied"))
    opgave.gebied_links = links[:-1]
    versies["opgave"] = nieuwe_versie(herziening, opgave, opgave.save_revision())

    locatie = Locatie.objects.get(gebieden__slug="havenkwartier")
    locatie.geometrie = geschoven(locatie.geometrie, 200, 0)
    versies["locatie"] = nieuwe_versie(herziening, locatie, locatie.save_revision())
    return Voorstel(herziening, spoor, opgave, locatie, links[-1].gebied, versies)


def url(obj, **params) -> str:
    content_type = ContentType.objects.get_for_model(obj)
    query = "&".join(f"{name}={value}" for name, value in params.items())
    return f"/herzieningen/verschil/{content_type.app_label}.{content_type.model}/{obj.pk}/" + (
        f"?{query}" if query else ""
    )


def wijzigingen(tekstverschil) -> list[Stuk]:
    return [stuk for stuk in tekstverschil.stukken if stuk.soort in (WEG, ERBIJ)]


def test_words_removed_and_added_with_a_little_context():
    oud = " ".join(f"w{n}" for n in range(40))
    nieuw = oud.replace("w20", "nieuw woord")
    stukken = woordverschil(oud, nieuw)
    assert [s for s in stukken if s.soort in (WEG, ERBIJ)] == [
        Stuk(WEG, "w20"),
        Stuk(ERBIJ, "nieuw woord"),
    ]
    # The unchanged words far from the change are left out, eight on each side stay.
    assert stukken[0] == Stuk(WEGGELATEN, "…") and stukken[-1] == Stuk(WEGGELATEN, "…")
    assert stukken[1] == Stuk(GELIJK, "w12 w13 w14 w15 w16 w17 w18 w19")
    assert woordverschil("a b", "a b") == [Stuk(GELIJK, "a b")]


def test_an_area_that_grew_and_a_line_that_moved_north():
    veld = Locatie._meta.get_field("geometrie")
    vierkant = Polygon.from_bbox((233_000, 557_000, 233_100, 557_100))
    vierkant.srid = 28992
    breder = Polygon.from_bbox((233_000, 557_000, 233_200, 557_100))
    breder.srid = 28992
    geo = geometrieverschil(veld, vierkant, breder)
    assert (geo.oppervlak.oud, geo.oppervlak.nieuw) == (1, 2) and not geo.oppervlak.gelijk
    assert geo.verschuiving == 50 and geo.richting == "oosten"
    # Drawn on one sketch: the square and the wider one, north up (SVG counts y downwards).
    tekening = geo.tekening
    assert tekening["oud"].startswith("M 233000.0 -557000.0 L") and tekening["oud"].endswith("Z")
    assert "233200.0 -557000.0" in tekening["nieuw"]
    assert tekening["viewbox"] == "232980 -557120 240 140"
    lijn = LineString((233_000, 557_000), (233_300, 557_000), srid=28992)
    geo = geometrieverschil(veld, lijn, LineString((233_000, 557_400), (233_300, 557_400)))
    assert geo.lengte.gelijk and geo.oppervlak is None
    assert geo.verschuiving == 400 and geo.richting == "noorden"
    assert geometrieverschil(veld, lijn, lijn.clone()) is None


def test_the_diff_lists_exactly_the_changes_of_the_herziening(client):
    v = voorstel()
    # Nothing live changed: the proposal lives in its revisions.
    assert Locatie.objects.get(pk=v.locatie.pk).geometrie.equals(
        geschoven(v.locatie.geometrie, -200, 0)
    )
    assert OpgavePage.objects.get(pk=v.opgave.pk).gebied_links.filter(gebied=v.weg).exists()

    spoor = client.get(url(v.spoor, tot=v.versies["spoor"].pk)).context["verschil"]
    assert [t.veld for t in spoor.teksten] == ["tekst"]
    assert wijzigingen(spoor.teksten[0]) == [Stuk(WEG, "meer"), Stuk(ERBIJ, "en koeler")]
    assert not (spoor.erbij or spoor.weg or spoor.geometrie)

    opgave = client.get(url(v.opgave, tot=v.versies["opgave"].pk)).context["verschil"]
    assert [(k.soort, k.titel) for k in opgave.weg] == [("gebied", str(v.weg))]
    assert not (opgave.teksten or opgave.erbij or opgave.geometrie)

    locatie = client.get(url(v.locatie, tot=v.versies["locatie"].pk)).context["verschil"]
    assert not (locatie.teksten or locatie.erbij or locatie.weg)
    [geo] = locatie.geometrie
    assert round(geo.verschuiving) == 200 and geo.richting == "oosten"
    assert geo.oppervlak.gelijk and not geo.alleen_vorm

    overzicht = client.get(f"/herzieningen/verschil/?van={VANDAAG}&tot={IN_WERKING}").context[
        "overzicht"
    ]
    assert not overzicht.toegevoegd and not overzicht.vervallen
    assert sorted((o.soort, o.titel) for o in overzicht.gewijzigd) == sorted(
        [
            ("strategisch spoor", v.spoor.title),
            ("opgave", v.opgave.title),
            ("locatie", v.locatie.naam),
        ]
    )
    assert {o.herziening for o in overzicht.gewijzigd} == {v.herziening.titel}


def test_inline_rows_without_a_link_compare_as_text(client):
    """An uitwerking's costs are rows of text and amounts, not links."""
    herziening = Herziening.objects.create(
        titel="Kaderbrief 2025 (test)",
        slug="kaderbrief-2025",
        omschrijving="Test.",
        procedure=Herziening.Procedure.ONTWERP,
        in_werking_vanaf=IN_WERKING,
    )
    uitwerking = UitwerkingPage.objects.get(slug="groenvisie-assen-2040")
    posten = list(uitwerking.begrotingsposten.all())
    oud = posten[0].bedrag
    posten[0].bedrag = oud + 1000
    uitwerking.begrotingsposten = posten
    versie = nieuwe_versie(herziening, uitwerking, uitwerking.save_revision())
    verschil = client.get(url(uitwerking, tot=versie.pk)).context["verschil"]
    [tekst] = verschil.teksten
    assert tekst.veld == "begrotingsposten"
    assert wijzigingen(tekst) == [
        Stuk(WEG, number_format(oud, force_grouping=True)),
        Stuk(ERBIJ, number_format(oud + 1000, force_grouping=True)),
    ]
    assert not (verschil.erbij or verschil.weg or verschil.geometrie)


def test_the_diff_reads_as_text_and_not_by_colour_alone(client):
    v = voorstel()
    html = client.get(url(v.spoor, tot=v.versies["spoor"].pk)).content.decode()
    assert '<del><span class="visually-hidden">verwijderd: </span>meer</del>' in html
    assert '<ins><span class="visually-hidden">toegevoegd: </span>en koeler</ins>' in html
    assert "Herijking 2027 (test)</a> (ter inzage, nog niet vastgesteld)" in html
    html = client.get(url(v.opgave, tot=v.versies["opgave"].pk)).content.decode()
    assert '<h3 class="utrecht-heading-3">Vervallen</h3>' in html
    assert f'Gebied: <a href="{v.weg.get_absolute_url()}">{v.weg}</a>' in html
    html = client.get(url(v.locatie, tot=v.versies["locatie"].pk)).content.decode()
    assert "Verschoven over 200 m naar het oosten" in html
    assert "Het oppervlak bleef gelijk" in html
    assert (
        html.count('<path class="verschil__') == 2 and "oud gestreept, nieuw doorgetrokken" in html
    )
    html = client.get(f"/herzieningen/verschil/?van={VANDAAG}&tot={IN_WERKING}").content.decode()
    assert "Gewijzigd (3)" in html and "Toegevoegd (0)" in html


def test_the_herzienings_page_links_each_change_to_its_diff(client):
    v = voorstel()
    html = client.get("/herzieningen/herijking-2027/").content.decode()
    link = url(v.opgave, tot=v.versies["opgave"].pk)
    assert (
        f'<a href="{link}">wat verandert<span class="visually-hidden"> aan {v.opgave.title}' in html
    )


def test_by_default_the_previous_version_against_the_one_in_force(client):
    v = voorstel()
    principe = PrincipePage.objects.get(nummer="1.1")
    # One version only: everything in it is new.
    response = client.get(url(principe))
    assert response.status_code == 200 and response.context["van"] is None
    assert "niets: dit is de eerste versie" in response.content.decode()
    # Before the herziening takes effect the version in force is the old one...
    assert client.get(url(v.opgave)).context["van"] is None
    # ... and from the day it does, the default compares the old one with it.
    with mock.patch("django.utils.timezone.localdate", return_value=IN_WERKING):
        response = client.get(url(v.opgave))
    assert response.context["tot"] == v.versies["opgave"]
    assert [k.titel for k in response.context["verschil"].weg] == [str(v.weg)]


def test_the_diffs_answer_in_at_most_12_queries(client):
    v = voorstel()
    for address in [
        url(v.opgave, tot=v.versies["opgave"].pk),
        url(v.opgave),  # the first version: every link is new
        url(v.spoor, tot=v.versies["spoor"].pk),
        url(v.locatie, tot=v.versies["locatie"].pk),
        "/herzieningen/verschil/?van=2021-01-01&tot=2024-01-01",
        "/herzieningen/verschil/",
    ]:
        client.get(address)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(address).status_code == 200
        assert len(queries) <= 12, (address, [q["sql"] for q in queries])


def test_each_version_in_the_history_compares_with_the_one_before(client):
    v = voorstel()
    content_type = ContentType.objects.get_for_model(v.locatie)
    oud = Versie.objects.get(
        content_type=content_type, object_id=v.locatie.pk, geldig_tot=IN_WERKING
    )
    history = f"/herzieningen/geschiedenis/kaarten.locatie/{v.locatie.pk}/"
    html = client.get(history).content.decode()
    link = url(v.locatie, van=oud.pk, tot=v.versies["locatie"].pk).replace("&", "&amp;")
    assert f'<a href="{link}">vergelijk met vorige' in html
    assert html.count("vergelijk met vorige") == 1 and "eerste versie" in html
    assert client.get(link.replace("&amp;", "&")).status_code == 200


def test_what_the_groenvisie_added_to_the_vision(client):
    response = client.get("/herzieningen/verschil/?van=2022-06-01&tot=2024-01-01")
    overzicht = response.context["overzicht"]
    opgaven = [o.titel for o in overzicht.toegevoegd if o.soort == "opgave"]
    assert len(opgaven) == 6
    assert "Groenvisie Assen 2040" in [o.titel for o in overzicht.toegevoegd]
    assert not overzicht.gewijzigd and not overzicht.vervallen
    assert {o.herziening for o in overzicht.toegevoegd} == {"Groenvisie Assen 2040"}
    # By default: what the last change in force today changed (the Groenvisie, here).
    response = client.get("/herzieningen/verschil/")
    assert response.context["van"] == datetime.date(2023, 12, 20)
    assert len(response.context["overzicht"].toegevoegd) == len(overzicht.toegevoegd)


@pytest.mark.parametrize(
    "address, message",
    [
        ("/herzieningen/verschil/?van=26-05-2021", "moet een datum zijn als JJJJ-MM-DD"),
        ("/herzieningen/verschil/?van=2021-13-01", "moet een datum zijn als JJJJ-MM-DD"),
        ("/herzieningen/verschil/?tot=20210526", "moet een datum zijn als JJJJ-MM-DD"),
        ("/herzieningen/verschil/?van=2024-01-01&tot=2021-06-01", "ligt na de tweede"),
        ("/herzieningen/verschil/visie.principepage/{pk}/?van=x", "moet het nummer van een"),
        ("/herzieningen/verschil/visie.principepage/{pk}/?tot=1e3", "moet het nummer van een"),
        (
            "/herzieningen/verschil/visie.principepage/{pk}/?van=99999999999999999999",
            "moet het nummer van een",
        ),
        ("/herzieningen/verschil/visie.principepage/{pk}/?van={ander}", "is geen versie van"),
        ("/herzieningen/verschil/visie.principepage/{pk}/?van={eigen}", "geen latere versie"),
        (
            "/herzieningen/verschil/visie.principepage/{pk}/?van={eigen}&tot={eigen}",
            "twee verschillende versies",
        ),
    ],
)
def test_a_malformed_request_gets_a_dutch_400(client, address, message):
    principe = PrincipePage.objects.get(nummer="1.1")
    content_type = ContentType.objects.get_for_model(principe)
    eigen = Versie.objects.get(content_type=content_type, object_id=principe.pk)
    ander = Versie.objects.exclude(pk=eigen.pk).first()
    response = client.get(address.format(pk=principe.pk, eigen=eigen.pk, ander=ander.pk))
    assert response.status_code == 400
    assert message in response.content.decode()


def test_dates_at_the_edge_of_the_calendar_are_answered(client):
    for address in [
        "/herzieningen/verschil/?tot=0001-01-01",
        "/herzieningen/verschil/?van=0001-01-01&tot=9999-12-31",
    ]:
        assert client.get(address).status_code == 200, address


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(van=st.text(max_size=24), tot=st.text(max_size=24))
@example(van="\x00", tot="9" * 30)
def test_no_parameter_makes_a_server_error(client, van, tot):
    principe = PrincipePage.objects.get(nummer="1.1")
    for path in ["/herzieningen/verschil/", url(principe)]:
        response = client.get(path, {"van": van, "tot": tot})
        assert response.status_code in (200, 400), (path, van, tot)


def test_only_versioned_objects_have_a_diff(client):
    assert client.get("/herzieningen/verschil/auth.user/1/").status_code == 404
    assert client.get("/herzieningen/verschil/visie.principepage/0/").status_code == 404
    huge = "/herzieningen/verschil/opgaven.opgavepage/99999999999999999999999/"
    assert client.get(huge).status_code == 404
