"""Staff keep the places in the CMS: a Locatie's geometry edited in the form is stored in RD New,
an editor's change is a draft that the public does not see until a publisher publishes it, and a
half-filled form is refused with what was stored kept."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kaarten.models import Gebied, Kaart, Kaartlaag, Locatie
from tests.cms import cms_login
from tests.factories import GebiedFactory, KaartobjectFactory, rd_point
from visie.roles import GIS_BEHEERDERS, PUBLICEERDERS, REDACTEUREN

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rollen")]
# The station square, in WGS84 as the map widget sends it, and in RD New.
STATION = json.dumps({"type": "Point", "coordinates": [6.566, 52.992]})
STATION_RD = (234150, 556761)


def login(client, username: str, group: str | None = None):
    User = get_user_model()
    if group is None:
        user = User.objects.create_superuser(username, f"{username}@assen.nl", "x")
    else:
        user = User.objects.create_user(username, f"{username}@assen.nl", "x")
        user.groups.add(Group.objects.get(name=group))
    cms_login(client, user)
    return client


def form_data(locatie: Locatie, **changes) -> dict:
    data = {
        "naam": locatie.naam,
        "slug": locatie.slug,
        "geometrie": locatie.geometrie.transform(4326, clone=True).json,
        "indicatief": "on",
        "herkomst": locatie.herkomst,
    }
    data.update(changes)
    return data


def edit_url(model: str, pk: int) -> str:
    return f"/cms/snippets/kaarten/{model}/edit/{pk}/"


@pytest.fixture
def point_locatie(kleine_visie) -> Locatie:
    """A place drawn as a point on the small vision's map."""
    return KaartobjectFactory(
        laag__kaart=kleine_visie.kaart,
        laag__vorm=Kaartlaag.Vorm.PUNT,
        locatie__geometrie=rd_point(0),
    ).locatie


def test_a_published_geometry_is_stored_in_rd_new(client, point_locatie):
    staff = login(client, "beheer")
    locatie = point_locatie
    response = staff.post(
        edit_url("locatie", locatie.pk),
        {**form_data(locatie, geometrie=STATION), "action-publish": "action-publish"},
    )
    assert response.status_code == 302
    locatie.refresh_from_db()
    assert locatie.geometrie.srid == 28992
    assert locatie.geometrie.coords == pytest.approx(STATION_RD, abs=2)


def test_an_editors_change_is_a_draft_until_published(client, point_locatie):
    editor = login(client, "redacteur", REDACTEUREN)
    locatie = point_locatie
    before = locatie.geometrie.wkt
    kaart = locatie.kaartobjecten.first().laag.kaart
    response = editor.post(edit_url("locatie", locatie.pk), form_data(locatie, geometrie=STATION))
    assert response.status_code == 302
    locatie.refresh_from_db()
    assert locatie.geometrie.wkt == before and locatie.has_unpublished_changes
    # The public map still shows the published place.
    features = client.get(f"/kaarten/{kaart.slug}/geojson/").json()["features"]
    assert STATION_RD not in [
        tuple(round(c) for c in Locatie(geometrie=locatie.geometrie).geometrie.coords)
    ]
    assert any(f["properties"]["locatie"] == locatie.slug for f in features)
    locatie.latest_revision.publish()
    locatie.refresh_from_db()
    assert locatie.geometrie.coords == pytest.approx(STATION_RD, abs=2)


@pytest.mark.parametrize("group", [REDACTEUREN, PUBLICEERDERS, GIS_BEHEERDERS])
def test_every_role_reaches_the_maps(client, group):
    staff = login(client, f"lid-{group}", group)
    for model in ("locatie", "gebied", "kaart", "kaartlaag"):
        assert staff.get(f"/cms/snippets/kaarten/{model}/").status_code == 200, model


def test_only_publishers_may_publish_map_content(client, point_locatie):
    editor = login(client, "redacteur", REDACTEUREN)
    locatie = point_locatie
    html = editor.get(edit_url("locatie", locatie.pk)).content.decode()
    assert 'name="action-publish"' not in html and 'name="action-submit"' in html
    publisher = login(client, "publiceerder", PUBLICEERDERS)
    html = publisher.get(edit_url("locatie", locatie.pk)).content.decode()
    assert 'name="action-publish"' in html


def test_choosers_tell_a_wijk_from_a_focus_area(kleine_visie):
    wijk, focus = kleine_visie.wijk, kleine_visie.focusgebied.gebied
    assert str(wijk) == f"Testwijk (wijk, {wijk.cbs_code})"
    assert str(focus) == "Testkwartier (focusgebied)"


def test_a_half_filled_form_is_refused_and_nothing_changes(client, kleine_visie):
    staff = login(client, "beheer")
    locatie = kleine_visie.focusgebied.gebied.locatie
    before = locatie.geometrie.wkt
    response = staff.post(
        edit_url("locatie", locatie.pk),
        {**form_data(locatie, naam="", geometrie="niet te lezen"), "action-publish": "1"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dit is een verplicht veld." in html and "Deze geometrie is niet te lezen." in html
    locatie.refresh_from_db()
    assert locatie.naam == "Testkwartier" and locatie.geometrie.wkt == before


@pytest.mark.parametrize("model", ["locatie", "gebied", "kaart", "kaartlaag"])
def test_map_content_can_be_scheduled(client, kleine_visie, model):
    """Scheduled publishing, as for pages: the edit form offers the go-live and expiry dates."""
    staff = login(client, "beheer")
    obj = {"locatie": Locatie, "gebied": Gebied, "kaart": Kaart, "kaartlaag": Kaartlaag}[model]
    html = staff.get(edit_url(model, obj.objects.first().pk)).content.decode()
    assert 'name="go_live_at"' in html and 'name="expire_at"' in html


def test_a_layers_colour_is_picked_as_a_colour(client, kleine_visie):
    staff = login(client, "beheer")
    laag = Kaartlaag.objects.first()
    html = staff.get(edit_url("kaartlaag", laag.pk)).content.decode()
    assert f'type="color" name="kleur" value="{laag.kleur}"' in html
    listing = staff.get("/cms/snippets/kaarten/kaartlaag/").content.decode()
    assert f"background:{laag.kleur}" in listing  # a swatch beside the code


@pytest.mark.parametrize(
    "model, hit, miss",
    [("gebied", "Testwijk", "Testkwartier"), ("locatie", "Testwijk", "Testkwartier")],
)
def test_the_map_listings_can_be_searched(client, kleine_visie, model, hit, miss):
    staff = login(client, "beheer")
    response = staff.get(f"/cms/snippets/kaarten/{model}/", {"q": hit})
    assert response.status_code == 200
    html = response.content.decode()
    assert hit in html and miss not in html


@pytest.mark.parametrize("model", ["locatie", "gebied"])
def test_a_map_listing_asks_no_query_per_row(client, model):
    """A row's 'indicatief' and 'op kaarten' come with the list: a full page and the shorter
    last page (a page past the end shows the last) cost the same."""
    GebiedFactory.create_batch(25)  # each on a place of its own: more than a page of 20
    staff = login(client, "beheer")
    url = f"/cms/snippets/kaarten/{model}/"
    staff.get(url)  # the admin's own caches
    counts = []
    for page in (1, 2, 3, 4):
        with CaptureQueriesContext(connection) as queries:
            html = staff.get(url, {"p": page}).content.decode()
        rows = set(re.findall(rf"/cms/snippets/kaarten/{model}/edit/(\d+)/", html))
        counts.append((len(rows), len(queries)))
    (rows_first, first), (rows_last, last) = counts[0], min(counts)
    assert rows_first > rows_last  # the pages do differ in length
    assert first == last
