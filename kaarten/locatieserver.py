"""Address and postcode search through the PDOK Locatieserver (v3.1, the `free` endpoint), the
standard Dutch geocoder: called by the server with a timeout, its answers cached, limited to the
municipality of Assen. Any failure is one exception with a message for the resident; the page
still offers wijk, name and map."""

import hashlib
import json
import logging
import re
import unicodedata
from dataclasses import dataclass
from urllib.error import URLError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

from django.conf import settings
from django.contrib.gis.geos import GEOSException, GEOSGeometry, Point
from django.core.cache import cache

logger = logging.getLogger(__name__)

# Only what lies in Assen (CBS code GM0106), and only kinds of answer that are a place.
FILTER = ["gemeentecode:0106", "type:(adres OR postcode OR weg OR woonplaats)"]
FIELDS = "id,type,weergavenaam,centroide_ll,centroide_rd"
ROWS = 5
CACHE_SECONDS = 6 * 3600
MAX_LENGTH = 100
POSTCODE = re.compile(r"^\s*\d{4}\s?[a-zA-Z]{2}\b")
STRAAT_MET_NUMMER = re.compile(r"^\s*\D+\s+\d+\s*[a-zA-Z]?\s*$")


class LocatieserverFout(Exception):
    """The search cannot answer now; the message is for the resident."""

    def __init__(self, reden: str):
        super().__init__(
            "Zoeken op adres of postcode lukt nu niet (de landelijke adresdienst van PDOK "
            "antwoordt niet). Kies een wijk, typ de naam van een plek of klik op de kaart."
        )
        self.reden = reden  # for the operator's log


class OngeldigeZoekvraag(ValueError):
    """A query the search refuses; the message is for the resident."""


@dataclass
class Adres:
    weergavenaam: str
    type: str
    punt: Point  # RD New


def beschikbaar() -> bool:
    return bool(settings.LOCATIESERVER_URL)


def kijkt_als_adres(q: str) -> bool:
    """A postcode ("9401 AB") or a street with a house number ("Brink 1")."""
    return bool(POSTCODE.match(q) or STRAAT_MET_NUMMER.match(q))


def controleer(q: str) -> str:
    """The query as the search takes it, or OngeldigeZoekvraag."""
    q = " ".join(q.split())
    if len(q) > MAX_LENGTH:
        raise OngeldigeZoekvraag(f"Een adres is hooguit {MAX_LENGTH} tekens lang.")
    if any(unicodedata.category(char).startswith("C") for char in q):
        raise OngeldigeZoekvraag("Het adres bevat tekens die niet in een adres horen.")
    return q


def _punt(doc: dict) -> Point:
    for field, srid in (("centroide_rd", settings.SRID), ("centroide_ll", settings.API_SRID)):
        if doc.get(field):
            point = GEOSGeometry(doc[field], srid=srid)
            if point.geom_type != "Point":
                raise ValueError(f"{field} is a {point.geom_type}")
            return point.transform(settings.SRID, clone=True)
    raise ValueError("no centroide_rd or centroide_ll")


def _vraag(q: str) -> list[dict]:
    query = urlencode({"q": q, "fq": FILTER, "fl": FIELDS, "rows": ROWS}, doseq=True)
    request = Request(  # noqa: S310 - the URL is the operator's setting, http(s) only
        f"{settings.LOCATIESERVER_URL}?{query}", headers={"Accept": "application/json"}
    )
    if not request.full_url.startswith(("http://", "https://")):
        raise LocatieserverFout(f"LOCATIESERVER_URL is not http(s): {request.full_url}")
    try:
        with urlopen(request, timeout=settings.LOCATIESERVER_TIMEOUT) as response:  # noqa: S310
            data = json.load(response)
        return [
            {"weergavenaam": doc["weergavenaam"], "type": doc["type"], "punt": _punt(doc).wkt}
            for doc in data["response"]["docs"]
        ]
    except (URLError, TimeoutError, OSError) as exc:
        raise LocatieserverFout(f"Locatieserver unreachable: {exc}") from None
    except (ValueError, KeyError, TypeError, GEOSException) as exc:
        raise LocatieserverFout(f"Locatieserver answered in an unexpected shape: {exc}") from None


def zoek(q: str) -> list[Adres]:
    """The places in Assen that PDOK finds for an address or postcode, best first."""
    q = controleer(q)
    if not q:
        return []
    if not beschikbaar():
        raise LocatieserverFout("LOCATIESERVER_URL is empty: address search is switched off")
    key = "locatieserver:" + hashlib.sha256(q.lower().encode()).hexdigest()
    found = cache.get(key)
    if found is None:
        try:
            found = _vraag(q)
        except LocatieserverFout as exc:
            logger.warning("Address search for %r failed: %s", q, exc.reden)
            raise
        cache.set(key, found, CACHE_SECONDS)
    return [
        Adres(doc["weergavenaam"], doc["type"], GEOSGeometry(doc["punt"], srid=settings.SRID))
        for doc in found
    ]
