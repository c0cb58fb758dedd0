"""Address and postcode search in Assen through the PDOK Locatieserver (the v3_1 free endpoint).

The server asks PDOK, not the browser: the answer is cached, a failure becomes one exception with
a message for the resident, and the site keeps working when PDOK is slow, down or switched off
(LOCATIESERVER_URL empty). Request and answer as PDOK documents them: the OpenAPI description
(github.com/PDOK/open-api-specs, locatieserver/oas.yaml) and github.com/PDOK/locatieserver.
"""

import hashlib
import http.client
import json
import logging
import re
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from django.conf import settings
from django.contrib.gis.geos import GEOSException, GEOSGeometry, Point
from django.core.cache import cache

logger = logging.getLogger(__name__)

# The municipality of Assen by its CBS code: a name could also match another field's words.
GEMEENTECODE = "0106"
# What a resident looks up to ask "what is going on here?"; parcels, hectometre posts and
# water boards are left out.
TYPES = ("adres", "postcode", "weg", "woonplaats", "wijk", "buurt")
ROWS = 10
FIELDS = "id,type,weergavenaam,centroide_rd,centroide_ll,score"
MAX_LENGTH = 100  # as the /hier/ form's field
# An answer of ten short documents is a few kB; anything this large is not the Locatieserver.
MAX_ANSWER_BYTES = 512 * 1024
# Addresses hardly change; a few hours spare PDOK and keep repeated searches instant.
CACHE_SECONDS = 6 * 60 * 60

# Solr's query syntax; a resident's "(" or ":" must not make PDOK answer 400.
_SOLR_SYNTAX = re.compile(r'[+\-!(){}\[\]^"~*?:\\/&|]')
_POSTCODE = re.compile(r"\b[1-9]\d{3} ?[a-z]{2}\b")
# A street name (two letters at least), then a house number, perhaps with a letter ("12a").
_STREET_AND_NUMBER = re.compile(r"^(?=\D*[^\W\d_]{2})\D+? \d{1,5}[a-z]?\b")


class OngeldigeZoekvraag(ValueError):
    """The query cannot be sent (empty, too long, control characters): the view answers 400."""


class LocatieserverFout(Exception):
    """PDOK could not answer (timeout, refused, HTTP error, an answer that is not what PDOK
    documents). str() is the message for the resident."""

    bericht = (
        "Het zoeken op adres is nu niet beschikbaar. Kies een wijk, typ de naam van een plaats "
        "of wijk, of klik op de kaart."
    )

    def __init__(self, bericht: str | None = None):
        super().__init__(bericht or self.bericht)


class LocatieserverUit(LocatieserverFout):
    """The search is switched off (LOCATIESERVER_URL is empty); nothing was asked."""

    bericht = (
        "Zoeken op adres staat op deze site uit. Kies een wijk, typ de naam van een plaats of "
        "wijk, of klik op de kaart."
    )


@dataclass(frozen=True)
class Adres:
    """One hit: what PDOK calls it, its kind (adres, postcode, weg, ...) and its point in RD New."""

    weergavenaam: str
    type: str
    punt: Point


def is_beschikbaar() -> bool:
    """Whether the search is switched on, so a page can leave the address field out."""
    return bool(settings.LOCATIESERVER_URL)


def normaliseer(q: str) -> str:
    """The query as sent and as cache key: lower case, without Solr syntax, single spaces.
    Raises OngeldigeZoekvraag for what no resident types."""
    if not isinstance(q, str):
        raise OngeldigeZoekvraag("Typ een adres of postcode.")
    if len(q) > MAX_LENGTH:
        raise OngeldigeZoekvraag(
            f"Typ een adres of postcode van hoogstens {MAX_LENGTH} tekens, bijv. 'Kerkstraat 1'."
        )
    if any(unicodedata.category(char).startswith("C") for char in q):
        raise OngeldigeZoekvraag("Het adres bevat tekens die niet in een adres horen.")
    vraag = " ".join(_SOLR_SYNTAX.sub(" ", q).lower().split())
    if not vraag:
        raise OngeldigeZoekvraag("Typ een adres of postcode, bijv. '9401 AB' of 'Kerkstraat 1'.")
    return vraag


def kijkt_als_adres(q: str) -> bool:
    """Whether the text looks like a postcode ("9401 AB", "9401AB") or a street with a house
    number ("Kerkstraat 12a"), so a page can send it here instead of matching place names."""
    try:
        vraag = normaliseer(q)
    except OngeldigeZoekvraag:
        return False
    return bool(_POSTCODE.search(vraag) or _STREET_AND_NUMBER.match(vraag))


def zoek(q: str) -> list[Adres]:
    """Addresses, postcodes, streets, places, wijken and buurten in Assen that match the text,
    best first; an empty list when nothing does.

    Raises OngeldigeZoekvraag (a ValueError) for a query that cannot be sent, LocatieserverUit
    when the search is switched off, LocatieserverFout when PDOK cannot answer."""
    vraag = normaliseer(q)
    url = settings.LOCATIESERVER_URL
    if not url:
        raise LocatieserverUit()
    # Hashed: cache keys must stay short and safe, and a resident's address is no key name.
    key = "locatieserver:" + hashlib.sha256(f"{url}\n{vraag}".encode()).hexdigest()
    hits = cache.get(key)
    if hits is None:
        hits = _parse(_fetch(url, vraag))
        cache.set(key, hits, CACHE_SECONDS)
    return [
        Adres(weergavenaam=naam, type=soort, punt=Point(x, y, srid=settings.SRID))
        for naam, soort, x, y in hits
    ]


def _fetch(url: str, vraag: str) -> bytes:
    query = urllib.parse.urlencode(
        [
            ("q", vraag),
            ("fq", f"gemeentecode:{GEMEENTECODE}"),
            ("fq", f"type:({' OR '.join(TYPES)})"),
            ("fl", FIELDS),
            ("rows", ROWS),
        ]
    )
    request = urllib.request.Request(  # noqa: S310 - the operator's URL, https in production
        f"{url}?{query}", headers={"Accept": "application/json"}
    )
    try:
        # The timeout bounds the connection and each wait for data, not the exchange as a whole.
        with urllib.request.urlopen(  # noqa: S310
            request, timeout=settings.LOCATIESERVER_TIMEOUT
        ) as response:
            body = response.read(MAX_ANSWER_BYTES + 1)
    except urllib.error.HTTPError as error:
        error.close()
        raise _failure(f"HTTP {error.code}") from error
    except (OSError, http.client.HTTPException) as error:
        # URLError (refused, DNS), TimeoutError, resets and broken HTTP all end here.
        raise _failure(getattr(error, "reason", None) or error) from error
    if len(body) > MAX_ANSWER_BYTES:
        raise _failure(f"answer larger than {MAX_ANSWER_BYTES} bytes")
    return body


def _parse(body: bytes) -> list[tuple[str, str, float, float]]:
    """(weergavenaam, type, x, y) in RD New for each document, as the Locatieserver answers:
    {"response": {"numFound": n, "docs": [{"type", "weergavenaam", "centroide_rd", ...}]}}."""
    try:
        docs = json.loads(body)["response"]["docs"]
        if not isinstance(docs, list):
            raise TypeError("docs is not a list")
        hits = []
        for doc in docs:
            naam, soort = doc["weergavenaam"], doc["type"]
            if not (isinstance(naam, str) and isinstance(soort, str)):
                raise TypeError("weergavenaam and type must be text")
            punt = _point(doc)
            hits.append((naam, soort, punt.x, punt.y))
    except (ValueError, KeyError, TypeError, GEOSException) as error:
        # ValueError includes JSON and UTF-8 errors; TypeError a list or text where a dict was.
        raise _failure(f"unexpected answer ({type(error).__name__}: {error})") from error
    return hits


def _point(doc: dict) -> Point:
    """The document's centroid in RD New: centroide_rd as given, else centroide_ll transformed."""
    if doc.get("centroide_rd"):
        punt = GEOSGeometry(doc["centroide_rd"], srid=settings.SRID)
    else:
        punt = GEOSGeometry(doc["centroide_ll"], srid=4326)  # WKT, longitude first
        punt.transform(settings.SRID)
    if punt.geom_type != "Point" or punt.empty:
        raise ValueError(f"centroid is a {punt.geom_type}, not a point")
    return punt


def _failure(reason) -> LocatieserverFout:
    # The query is left out on purpose: what a resident typed may be their home address.
    logger.warning(
        "Locatieserver at %s did not answer usefully: %s",
        urllib.parse.urlsplit(settings.LOCATIESERVER_URL).netloc,
        reason,
    )
    return LocatieserverFout()
