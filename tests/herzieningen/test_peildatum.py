"""?peildatum=JJJJ-MM-DD: the vision as it was in force on a date, on the real content (the
adoption of 26 May 2021 and the Groenvisie of 21 December 2023) and on a change of a page's
text that a test puts in force itself."""

import csv
import datetime
import io
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from assen import generation
from herzieningen.models import Herziening, Versie
from opgaven.models import OpgavenRegisterPage, OpgavePage
from visie.models import PrincipePage, UitwerkingenIndexPage, UitwerkingPage

pytestmark = [pytest.mark.django_db, pytest.mark.echte_inhoud]
VOOR_GROENVISIE = "2022-06-01"


def aantal_in_register(client, query: str) -> int:
    html = client.get(f"{OpgavenRegisterPage.objects.get().url}?{query}").content.decode()
    return int(re.search(r'class="register__aantal"[^>]*>(\d+) opgaven', html).group(1))


def test_before_the_groenvisie_the_register_matrix_and_csv_hold_the_56_opgaven_of_2021(client):
    register = OpgavenRegisterPage.objects.get().url
    groen = OpgavePage.objects.filter(document=OpgavePage.Document.GROENVISIE).count()
    assert groen > 0
    assert aantal_in_register(client, f"peildatum={VOOR_GROENVISIE}") == 56
    assert aantal_in_register(client, "") == 56 + groen
    matrix = client.get(f"{register}matrix/?peildatum={VOOR_GROENVISIE}").content.decode()
    totals = re.findall(r'class="getal matrix__totaal"><a href="([^"]*)">(\d+)<', matrix)
    assert totals[-1][1] == "56" and "peildatum=2022-06-01" in totals[-1][0]
    export = client.get(f"{register}export/csv/?peildatum={VOOR_GROENVISIE}")
    assert "opgaven-assen-geldend-op-2022-06-01.csv" in export["Content-Disposition"]
    assert len(list(csv.DictReader(io.StringIO(export.content.decode("utf-8-sig"))))) == 56


def test_a_groenvisie_opgave_did_not_hold_before_its_decision(client):
    opgave = OpgavePage.objects.live().filter(document=OpgavePage.Document.GROENVISIE).first()
    before = client.get(f"{opgave.url}?peildatum={VOOR_GROENVISIE}")
    assert before.status_code == 404
    assert "gold niet op 1 juni 2022" in before.content.decode()
    after = client.get(f"{opgave.url}?peildatum=2024-01-01")
    assert after.status_code == 200
    assert "21 december 2023" in after.content.decode()


def test_the_banner_says_the_date_and_every_link_keeps_it_but_the_way_back(client):
    principe = PrincipePage.objects.live().order_by("nummer").first()
    html = client.get(f"{principe.url}?peildatum={VOOR_GROENVISIE}").content.decode()
    assert 'zoals die gold op <time datetime="2022-06-01">1 juni 2022</time>' in html
    assert f'data-vandaag href="{principe.url}"' in html
    internal = re.findall(r'(?<!data-vandaag )href="(/[^"]*)"', html)
    pages = [url for url in internal if not url.startswith(("/static/", "/cms/"))]
    assert pages and all("peildatum=2022-06-01" in url for url in pages)
    today = client.get(principe.url).content.decode()
    assert "peildatum" not in today
    register = client.get(f"{OpgavenRegisterPage.objects.get().url}?peildatum=2022-06-01")
    # the filter form is no link: it carries the date itself
    assert '<input type="hidden" name="peildatum" value="2022-06-01">' in register.content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("peildatum=1-6-2022", "JJJJ-MM-DD"),
        ("peildatum=2022-02-30", "geen geldige datum"),
        ("peildatum=%00", "geen geldige datum"),
        ("peildatum=2021-05-25", "vastgesteld op 26 mei 2021"),
        ("peildatum=2022-06-01&peildatum=2023-01-01", "één peildatum"),
    ],
)
def test_a_malformed_or_too_early_date_gets_a_dutch_400(client, query, message):
    response = client.get(f"{OpgavenRegisterPage.objects.get().url}?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_page_changed_by_a_herziening_shows_its_old_text_before_and_its_new_text_after(
    client,
):
    principe = PrincipePage.objects.live().order_by("nummer").first()
    oud = principe.title
    vanaf = timezone.localdate() - datetime.timedelta(days=10)
    herziening = Herziening.objects.create(
        titel="Herziening van een titel",
        slug="herziening-titel",
        soort=Herziening.Soort.HERZIENING,
        procedure=Herziening.Procedure.IN_WERKING,
        besluit_orgaan="gemeenteraad",
        besluit_datum=vanaf,
        in_werking_vanaf=vanaf,
        live=True,
    )
    versie = Versie.objects.get(
        content_type=ContentType.objects.get_for_model(principe), object_id=principe.pk
    )
    versie.geldig_tot = vanaf
    versie.save()
    principe.title = "Een nieuwe titel voor dit principe"
    revision = principe.save_revision()
    revision.publish()
    Versie.objects.create(
        herziening=herziening,
        content_type=versie.content_type,
        object_id=principe.pk,
        revision=revision,
        wijziging=Versie.Wijziging.GEWIJZIGD,
        geldig_vanaf=vanaf,
    )
    generation.bump()
    earlier = (vanaf - datetime.timedelta(days=1)).isoformat()
    before = client.get(f"{principe.url}?peildatum={earlier}").content.decode()
    assert oud in kop(before) and "Herziening van een titel" not in before
    now = client.get(principe.url).content.decode()
    assert "Een nieuwe titel voor dit principe" in kop(now)
    assert "Herziening van een titel" in now
    on_the_day = client.get(f"{principe.url}?peildatum={vanaf.isoformat()}").content.decode()
    assert "Een nieuwe titel voor dit principe" in kop(on_the_day)


def kop(html: str) -> str:
    return re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)


def test_views_that_do_not_read_the_date_yet_say_so(client):
    note = "deze weergave kent nog geen peildatum"
    assert note in client.get(f"/leesversie/?peildatum={VOOR_GROENVISIE}").content.decode()
    assert note in client.get(f"/kaarten/?peildatum={VOOR_GROENVISIE}").content.decode()
    principe = PrincipePage.objects.live().first()
    assert note not in client.get(f"{principe.url}?peildatum={VOOR_GROENVISIE}").content.decode()


def test_the_uitwerkingen_of_2022_do_not_include_the_groenvisie(client):
    groenvisie = UitwerkingPage.objects.get(slug="groenvisie-assen-2040")
    index = UitwerkingenIndexPage.objects.get().url
    assert f'href="{groenvisie.url}"' in client.get(index).content.decode()
    before = client.get(f"{index}?peildatum={VOOR_GROENVISIE}").content.decode()
    assert groenvisie.url not in before
    assert client.get(f"{groenvisie.url}?peildatum={VOOR_GROENVISIE}").status_code == 404
