"""Address search through the PDOK Locatieserver: the real client against a local HTTP server
that answers in the Locatieserver's format from tests/data/locatieserver/ (test data made for
these tests, not recorded from PDOK). The client is never patched."""

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings

from kaarten.geo import from_rd_geojson
from kaarten.locatieserver import (
    MAX_ANSWER_BYTES,
    LocatieserverFout,
    LocatieserverUit,
    OngeldigeZoekvraag,
    is_beschikbaar,
    kijkt_als_adres,
    zoek,
)
from kaarten.models import Gebied
from opgaven.koppelingen import opgaven_van_gebieden
from tests.factories import GebiedFactory, OpgaveFactory

DATA = settings.BASE_DIR / "tests" / "data" / "locatieserver"
PATH = "/bzk/locatieserver/search/v3_1/free"
TIMEOUT = 0.5


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.requests.append(self.path)
        status, body, delay = self.server.antwoord
        if delay:
            self.server.released.wait(delay)
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            pass  # the client gave up waiting, as it should

    def log_message(self, format, *args):
        pass


class FakeLocatieserver(ThreadingHTTPServer):
    """Serves one answer, as often as asked, and remembers every request's path and query."""

    daemon_threads = True
    block_on_close = False

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server_address[1]}{PATH}"
        self.requests = []
        self.released = threading.Event()  # ends a slow answer's wait when the test is over
        self.antwoord = (200, b"", 0)

    def serve(self, name, status=200, delay=0):
        self.antwoord = (status, (DATA / name).read_bytes(), delay)

    @property
    def queries(self):
        return [parse_qs(urlsplit(path).query) for path in self.requests]


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def pdok():
    server = FakeLocatieserver()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01})
    thread.start()
    with override_settings(LOCATIESERVER_URL=server.url, LOCATIESERVER_TIMEOUT=TIMEOUT):
        yield server
    server.released.set()
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(scope="module")
def lariks():
    """The CBS wijk Lariks (WK010601) as the fixtures hold it, in RD New."""
    path = settings.BASE_DIR / "fixtures" / "kaarten" / "assen_wijken_2025_rd.geojson"
    features = json.loads(path.read_text())["features"]
    (wijk,) = [f for f in features if f["properties"]["statcode"] == "WK010601"]
    return from_rd_geojson(wijk["geometry"])


def test_an_address_is_found_as_a_point_in_rd_in_the_lariks(pdok, lariks):
    pdok.serve("adres_lariks.json")
    adres, weg = zoek("Proefstraat 12")
    assert (adres.weergavenaam, adres.type) == ("Proefstraat 12, 9404ZZ Assen", "adres")
    assert (weg.weergavenaam, weg.type) == ("Proefstraat, Assen", "weg")
    assert adres.punt.srid == settings.SRID == 28992
    assert adres.punt.coords == (232730, 557460)  # centroide_rd as given
    assert lariks.contains(adres.punt)


def test_a_postcode_is_found(pdok, lariks):
    pdok.serve("postcode.json")
    (postcode,) = zoek("9404 ZZ")
    assert (postcode.weergavenaam, postcode.type) == ("Proefstraat, 9404ZZ Assen", "postcode")
    assert postcode.punt.coords == (232650, 557700)
    assert lariks.contains(postcode.punt)


def test_a_point_given_only_in_wgs84_is_transformed_to_rd(pdok, lariks):
    pdok.serve("alleen_ll.json")
    (weg,) = zoek("Proefpad")
    assert weg.punt.srid == settings.SRID
    assert weg.punt.x == pytest.approx(232900, abs=1)
    assert weg.punt.y == pytest.approx(557900, abs=1)
    assert lariks.contains(weg.punt)


def test_nothing_found_is_an_empty_list(pdok):
    pdok.serve("geen_resultaten.json")
    assert zoek("Nergensstraat 1") == []


def test_the_request_asks_for_places_in_assen_only(pdok):
    pdok.serve("adres_lariks.json")
    zoek("  Proefstraat   12 ")
    (path,) = pdok.requests
    assert urlsplit(path).path == PATH
    (query,) = pdok.queries
    assert query["q"] == ["proefstraat 12"]
    assert sorted(query["fq"]) == [
        "gemeentecode:0106",
        "type:(adres OR postcode OR weg OR woonplaats OR wijk OR buurt)",
    ]
    assert query["rows"] == ["10"]
    assert {"type", "weergavenaam", "centroide_rd", "centroide_ll"} <= set(
        query["fl"][0].split(",")
    )


def test_solr_syntax_in_the_query_is_not_sent(pdok):
    pdok.serve("geen_resultaten.json")
    zoek('Kerkstraat "1" (a): OR *')
    assert pdok.queries[0]["q"] == ["kerkstraat 1 a or"]


def test_a_second_search_for_the_same_text_comes_from_the_cache(pdok):
    pdok.serve("adres_lariks.json")
    first = zoek("Proefstraat 12")
    assert zoek("Proefstraat 12") == first
    assert zoek("proefstraat  12") == first  # the same query once normalised
    assert len(pdok.requests) == 1
    zoek("Proefstraat 14")
    assert len(pdok.requests) == 2


def test_a_failure_is_not_cached(pdok):
    pdok.serve("adres_lariks.json", status=503)
    with pytest.raises(LocatieserverFout):
        zoek("Proefstraat 12")
    pdok.serve("adres_lariks.json")
    assert len(zoek("Proefstraat 12")) == 2
    assert len(pdok.requests) == 2


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("adres_lariks.json", 500),
        ("adres_lariks.json", 503),
        ("adres_lariks.json", 400),
        ("kapot.json", 200),
        ("onverwachte_vorm.json", 200),
    ],
)
def test_a_bad_answer_raises_one_error_for_the_resident_and_warns_the_operator(
    pdok, caplog, name, status
):
    pdok.serve(name, status=status)
    with pytest.raises(LocatieserverFout) as raised:
        zoek("Proefstraat 12")
    assert not isinstance(raised.value, LocatieserverUit)
    assert str(raised.value).startswith("Het zoeken op adres is nu niet beschikbaar.")
    (record,) = [r for r in caplog.records if r.name == "kaarten.locatieserver"]
    assert record.levelname == "WARNING"
    assert "Locatieserver at 127.0.0.1" in record.getMessage()
    assert "proefstraat" not in caplog.text.lower()  # what a resident typed stays out of logs


def test_an_answer_far_too_large_is_refused(pdok):
    pdok.antwoord = (200, b" " * (MAX_ANSWER_BYTES + 1000), 0)
    with pytest.raises(LocatieserverFout):
        zoek("Proefstraat 12")


def test_a_slow_server_gives_the_error_within_the_timeout(pdok):
    pdok.serve("adres_lariks.json", delay=10)
    start = time.monotonic()
    with pytest.raises(LocatieserverFout):
        zoek("Proefstraat 12")
    assert time.monotonic() - start < TIMEOUT + 0.5


def test_a_refused_connection_gives_the_error():
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    with (
        override_settings(LOCATIESERVER_URL=f"http://127.0.0.1:{port}{PATH}"),
        pytest.raises(LocatieserverFout, match="nu niet beschikbaar"),
    ):
        zoek("Proefstraat 12")


def test_switched_off_asks_nothing_and_says_so(pdok):
    assert is_beschikbaar()
    with override_settings(LOCATIESERVER_URL=""):
        assert not is_beschikbaar()
        with pytest.raises(LocatieserverUit) as raised:
            zoek("Proefstraat 12")
    assert isinstance(raised.value, LocatieserverFout)  # a view may catch both at once
    assert "staat op deze site uit" in str(raised.value)
    assert pdok.requests == []


def test_the_test_settings_never_reach_pdok():
    assert settings.LOCATIESERVER_URL == ""
    assert not is_beschikbaar()


@pytest.mark.parametrize(
    "q",
    ["", "   ", '"():*', "x" * 101, "Kerkstraat\x001", "Kerkstraat 1\n", "Kerk\u200bstraat 1"],
)
def test_a_malformed_query_is_refused_with_a_dutch_message_before_anything_is_asked(pdok, q):
    with pytest.raises(OngeldigeZoekvraag) as raised:
        zoek(q)
    assert isinstance(raised.value, ValueError)
    assert any(word in str(raised.value) for word in ("adres", "postcode"))
    assert pdok.requests == []
    assert not kijkt_als_adres(q)


@pytest.mark.parametrize(
    "q",
    [
        "9401 AB",
        "9401AB",
        "9401ab",
        "9401 AB 12",
        "Kerkstraat 12",
        "kerkstraat 12a",
        "Dr. Nassaulaan 5, Assen",
        "Burgemeester Jollesstraat 3-2",
        "'t Ruige Veld 7",
    ],
)
def test_postcodes_and_streets_with_a_number_look_like_an_address(q):
    assert kijkt_als_adres(q)


@pytest.mark.parametrize(
    "q",
    ["Lariks", "Assen", "Kloosterveen", "Kerkstraat", "12", "9401", "0401 AB", "Kerkstraat 12ab"],
)
def test_names_and_bare_numbers_do_not_look_like_an_address(q):
    assert not kijkt_als_adres(q)


# On the page: 'Wat speelt er hier?' with the address search.


@pytest.mark.django_db
def test_an_address_in_lariks_gives_the_lariks_wijk_and_its_opgaven(
    pdok, client, kleine_visie, lariks
):
    wijk = GebiedFactory(
        naam="Lariks",
        slug="wijk-lariks",
        soort=Gebied.Soort.WIJK,
        cbs_code="WK010601",
        locatie__geometrie=lariks,
    )
    OpgaveFactory(parent=kleine_visie.register, gebieden=[wijk])
    # The municipality around it: an address elsewhere lies outside Assen.
    GebiedFactory(soort=Gebied.Soort.GEMEENTE, locatie__geometrie=lariks.buffer(2000))
    pdok.serve("adres_lariks.json")
    html = client.get("/hier/", {"q": "Proefstraat 12"}).content.decode()
    assert "Gevonden: <strong>Proefstraat 12, 9404ZZ Assen</strong>" in html
    assert '<a href="/kaarten/gebied/wijk-lariks/">Lariks</a> (WK010601)' in html
    listed = html.split("Opgaven voor deze plek", 1)[1].split("Opgaven voor de hele", 1)[0]
    expected = opgaven_van_gebieden([wijk])
    assert expected
    for opgave in expected:
        assert opgave.url in listed


@pytest.mark.django_db
@pytest.mark.parametrize("status, delay", [(200, TIMEOUT * 4), (500, 0)])
def test_a_slow_or_failing_service_gives_a_dutch_message_not_an_error(
    pdok, client, kleine_visie, status, delay
):
    pdok.serve("adres_lariks.json", status=status, delay=delay)
    start = time.monotonic()
    response = client.get("/hier/", {"q": "Proefstraat 12"})
    assert time.monotonic() - start < TIMEOUT + 2
    assert response.status_code == 200
    html = response.content.decode()
    assert "Het zoeken op adres is nu niet beschikbaar." in html
    assert 'name="wijk"' in html  # the page still offers the wijken


@pytest.mark.django_db
def test_switched_off_the_page_says_so_and_an_unknown_name_too(client):
    html = client.get("/hier/", {"q": "Proefstraat 12"}).content.decode()
    assert "Zoeken op adres staat op deze site uit." in html
    html = client.get("/hier/", {"q": "Atlantis"}).content.decode()
    assert "Geen wijk of plek gevonden met de naam &quot;Atlantis&quot;" in html


@pytest.mark.django_db
@pytest.mark.parametrize("q", ["x" * 101, "Brink\x001", "Brink 1\x07"])
def test_a_malformed_or_huge_query_gets_a_400_and_asks_nothing(pdok, client, q):
    response = client.get("/hier/", {"q": q})
    assert response.status_code == 400
    assert "Deze plek kan niet worden opgezocht." in response.content.decode()
    assert pdok.requests == []
