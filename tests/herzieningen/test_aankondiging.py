"""Banners for changes to come (issue 12): a page that a published herziening changes before it
takes effect says so, with what it proposes, and stops saying so once the change is in force."""

from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from herzieningen.models import Herziening
from tests.herzieningen.test_verschil import IN_WERKING, url, voorstel
from visie.models import ThemaPage

pytestmark = [pytest.mark.django_db, pytest.mark.echte_inhoud]
BANNER = '<div class="aankondiging">'


def test_a_page_announces_the_herziening_that_lies_open_for_comments(client):
    v = voorstel()
    html = client.get(v.opgave.url).content.decode()
    assert BANNER in html
    assert (
        'Deze pagina wijzigt</strong> met <a href="/herzieningen/herijking-2027/">'
        "Herijking 2027 (test)</a>, ter inzage tot en met"
    ) in html
    proposal = url(v.opgave, tot=v.versies["opgave"].pk)
    assert f'<a href="{proposal}">Bekijk de voorgestelde tekst</a>' in html
    assert "hoe u kunt reageren" in html
    # A page of the vision (the banner beside its source) too; a page the herziening leaves
    # alone does not.
    assert BANNER in client.get(v.spoor.url).content.decode()
    assert BANNER not in client.get(ThemaPage.objects.live().first().url).content.decode()


@pytest.mark.parametrize(
    "procedure, wording",
    [
        (Herziening.Procedure.ONTWERP, "een ontwerp, nog niet vastgesteld"),
        (Herziening.Procedure.VASTGESTELD, ", vastgesteld op"),
    ],
)
def test_the_wording_follows_the_procedure(client, procedure, wording):
    v = voorstel(procedure)
    html = client.get(v.opgave.url).content.decode()
    assert wording in html
    if procedure == Herziening.Procedure.VASTGESTELD:
        assert f'geldend vanaf <time datetime="{IN_WERKING:%Y-%m-%d}">' in html
        assert "Bekijk de nieuwe tekst" in html


def test_nothing_is_announced_while_in_preparation_or_unpublished(client):
    v = voorstel(Herziening.Procedure.IN_VOORBEREIDING)
    assert BANNER not in client.get(v.opgave.url).content.decode()
    v.herziening.procedure = Herziening.Procedure.TER_INZAGE
    v.herziening.live = False
    v.herziening.save()
    assert BANNER not in client.get(v.opgave.url).content.decode()


def test_the_banner_goes_once_the_change_is_in_force(client):
    v = voorstel(Herziening.Procedure.VASTGESTELD)
    assert BANNER in client.get(v.opgave.url).content.decode()
    with mock.patch("django.utils.timezone.localdate", return_value=IN_WERKING):
        html = client.get(v.opgave.url).content.decode()
    assert BANNER not in html
    # 'Geldend sinds' names it now.
    assert f'Geldend sinds</span> <time datetime="{IN_WERKING:%Y-%m-%d}">' in html
    assert "Herijking 2027 (test)</a>)" in html


def test_the_banner_costs_a_page_no_query_of_its_own(client):
    v = voorstel()
    client.get(v.opgave.url)
    with CaptureQueriesContext(connection) as met_banner:
        assert BANNER in client.get(v.opgave.url).content.decode()
    v.herziening.procedure = Herziening.Procedure.IN_VOORBEREIDING
    v.herziening.save()
    client.get(v.opgave.url)
    with CaptureQueriesContext(connection) as zonder:
        assert BANNER not in client.get(v.opgave.url).content.decode()
    assert len(met_banner) == len(zonder) <= 12
