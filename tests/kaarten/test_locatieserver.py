"""Address and postcode search: the real client (kaarten.locatieserver) against a small HTTP
server on 127.0.0.1 that answers in the PDOK Locatieserver's format from tests/data/locatieserver
(test data, see the README there), or fails the ways a service fails: an error status, a broken
answer, too slow, or nobody listening."""

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from django.core.cache import cache

from kaarten import locatieserver
from kaarten.models import Gebied
from opgaven.koppelingen import opgaven_van_gebieden

pytestmark = pytest.mark.django_db
DATA = Path(__file__).resolve().parent.parent / "data" / "locatieserver"
TIMEOUT = 0.5
ANSWERS = {
    "testlaan 1": (200, DATA / "adres_lariks.json"),
    "9401 xx": (200, DATA / "postcode_centrum.json"),
    "nergensstraat 9": (200, DATA / "leeg.json"),
    "kapotstraat 1": (200, b'{"response": {"docs": [{"type": "adres"'),
    "foutstraat 1": (500, b"Internal Server Error"),
    "vormstraat 1": (200, b'{"response": {"docs": [{"type": "adres", "weergavenaam": "x"}]}}'),
}


class Locatieserver(BaseHTTPRequestHandler):
    requests: list = []

    def do_GET(self):  # noqa: N802 - the name http.server calls
        query = parse_qs(urlparse(self.path).query)
        self.requests.append((urlparse(self.path).path, query))
        q = query.get("q", [""])[0].lower()
        if q == "traagstraat 1":
            time.sleep(TIMEOUT * 4)
        status, body = ANSWERS.get(q, (200, DATA / "leeg.json"))
        body = body.read_bytes() if isinstance(body, Path) else body
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting, as it should

    def log_message(self, *args):
        pass


@pytest.fixture
def pdok(settings):
    """The recorded service on a free port, with the client pointed at it."""
    Locatieserver.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Locatieserver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.LOCATIESERVER_URL = f"http://127.0.0.1:{server.server_port}/search/v3_1/free"
    settings.LOCATIESERVER_TIMEOUT = TIMEOUT
    cache.clear()
    yield Locatieserver.requests
    server.shutdown()
    server.server_close()


def test_an_address_is_found_in_rd_new_and_the_request_asks_for_assen_only(pdok):
    [adres] = locatieserver.zoek("Testlaan 1")
    assert adres.weergavenaam == "Testlaan 1, 9401XX Assen" and adres.type == "adres"
    assert adres.punt.srid == 28992
    assert adres.punt.coords == pytest.approx((232728.6, 557461.269))
    path, query = pdok[0]
    assert path == "/search/v3_1/free"
    assert query["q"] == ["Testlaan 1"] and query["rows"] == ["5"]
    assert "gemeentecode:0106" in query["fq"]


def test_a_postcode_without_rd_centroid_is_transformed_from_wgs84(pdok):
    [adres] = locatieserver.zoek("9401 XX")
    assert adres.type == "postcode" and adres.punt.srid == 28992
    assert adres.punt.coords == pytest.approx((233950, 556950), abs=100)


def test_nothing_found_is_an_empty_answer(pdok):
    assert locatieserver.zoek("Nergensstraat 9") == []


@pytest.mark.parametrize("q", ["Foutstraat 1", "Kapotstraat 1", "Vormstraat 1"])
def test_an_error_or_a_broken_answer_is_one_clear_failure(pdok, q):
    with pytest.raises(locatieserver.LocatieserverFout, match="Zoeken op adres of postcode lukt"):
        locatieserver.zoek(q)


def test_a_slow_service_is_given_up_within_the_timeout(pdok):
    start = time.monotonic()
    with pytest.raises(locatieserver.LocatieserverFout):
        locatieserver.zoek("Traagstraat 1")
    assert time.monotonic() - start < TIMEOUT + 1


def test_nobody_listening_is_a_clear_failure(settings):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    settings.LOCATIESERVER_URL = f"http://127.0.0.1:{port}/free"
    settings.LOCATIESERVER_TIMEOUT = TIMEOUT
    cache.clear()
    with pytest.raises(locatieserver.LocatieserverFout):
        locatieserver.zoek("Testlaan 1")


def test_answers_are_cached(pdok):
    locatieserver.zoek("Testlaan 1")
    locatieserver.zoek("testlaan  1")
    assert len(pdok) == 1


def test_switched_off_the_page_says_so_and_offers_the_rest(client, settings):
    settings.LOCATIESERVER_URL = ""
    response = client.get("/hier/", {"q": "Testlaan 1"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Zoeken op adres of postcode staat op deze website uit" in html
    assert 'name="wijk"' in html


def test_an_address_in_lariks_gives_the_lariks_wijk_and_its_opgaven(pdok, client):
    html = client.get("/hier/", {"q": "Testlaan 1"}).content.decode()
    assert "Gevonden: <strong>Testlaan 1, 9401XX Assen</strong>" in html
    assert '<a href="/kaarten/gebied/wijk-lariks/">Lariks</a> (WK010601)' in html
    wijk = Gebied.objects.get(cbs_code="WK010601")
    listed = html.split("Opgaven voor deze plek", 1)[1].split("Opgaven voor de hele", 1)[0]
    for opgave in opgaven_van_gebieden([wijk]):
        assert opgave.url in listed


@pytest.mark.parametrize("q", ["Traagstraat 1", "Foutstraat 1"])
def test_an_unreachable_service_gives_a_dutch_message_not_an_error(pdok, client, q):
    start = time.monotonic()
    response = client.get("/hier/", {"q": q})
    assert response.status_code == 200
    assert "Zoeken op adres of postcode lukt nu niet" in response.content.decode()
    assert time.monotonic() - start < TIMEOUT + 2


@pytest.mark.parametrize("q", ["x" * 101, "Brink\x001", "Brink\n1\x07"])
def test_a_malformed_or_huge_query_gets_a_400(pdok, client, q):
    response = client.get("/hier/", {"q": q})
    assert response.status_code == 400
    assert "Deze plek kan niet worden opgezocht." in response.content.decode()
    assert pdok == []
