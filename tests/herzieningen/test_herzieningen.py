"""The vision in time, first part: the two real herzieningen, a version of every loaded object
in force from the herziening it came with, 'Geldend sinds' on every page, the public
/herzieningen/ pages and the CMS form for herzieningen."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.management import call_command
from wagtail.models import Page

from herzieningen.models import Herziening, Versie
from kaarten.models import Gebied, Kaartlaag, Locatie
from opgaven.models import OpgavePage
from tests.cms import cms_login
from visie.models import PrincipePage, UitwerkingPage
from visie.roles import PUBLICEERDERS, REDACTEUREN

pytestmark = [pytest.mark.django_db, pytest.mark.echte_inhoud]
VASTSTELLING = "vaststelling-omgevingsvisie-2021"
GROENVISIE = "groenvisie-2023"


def versie_van(obj) -> Versie:
    return Versie.objects.select_related("herziening").get(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    )


def test_the_two_real_herzieningen_with_the_facts_of_the_seeds():
    vaststelling = Herziening.objects.get(slug=VASTSTELLING)
    groenvisie = Herziening.objects.get(slug=GROENVISIE)
    assert vaststelling.besluit_datum == datetime.date(2021, 5, 26)
    assert groenvisie.besluit_datum == datetime.date(2023, 12, 21)
    assert groenvisie.besluit_tekst.startswith("1.1 In te stemmen met de Groenvisie Assen 2040;")
    assert {h.procedure for h in (vaststelling, groenvisie)} == {"vastgesteld"}
    # No date of entry into force is in the seeds: none is invented.
    assert vaststelling.in_werking_vanaf is None and groenvisie.in_werking_vanaf is None
    # Beside them only the portal's own record for editorial corrections, which is no decision.
    assert set(
        Herziening.objects.values_list("soort", flat=True).exclude(
            slug__in=[VASTSTELLING, GROENVISIE]
        )
    ) == {"correctie"}


def test_every_loaded_object_has_one_version_from_the_herziening_it_came_with():
    for opgave in OpgavePage.objects.live():
        expected = GROENVISIE if opgave.document == "groenvisie" else VASTSTELLING
        assert versie_van(opgave).herziening.slug == expected, opgave.title
    assert versie_van(UitwerkingPage.objects.get(slug="groenvisie-assen-2040")).herziening.slug == (
        GROENVISIE
    )
    principe = PrincipePage.objects.get(nummer="1.1")
    versie = versie_van(principe)
    assert versie.revision_id == principe.live_revision_id
    assert versie.geldig_vanaf == datetime.date(2021, 5, 26) and versie.geldig_tot is None
    assert versie_van(Kaartlaag.objects.first()).herziening.slug == VASTSTELLING
    # The CBS boundaries are reference data that no decision adopted.
    wijk = Gebied.objects.get(slug="wijk-lariks")
    assert not Versie.objects.filter(
        content_type=ContentType.objects.get_for_model(Gebied), object_id=wijk.pk
    ).exists()
    assert versie_van(Locatie.objects.get(gebieden__slug="havenkwartier")).herziening.slug == (
        VASTSTELLING
    )


def test_loading_again_adds_nothing_and_never_brings_back_a_deleted_herziening():
    before = Versie.objects.count()
    groenvisie = Herziening.objects.get(slug=GROENVISIE)
    groenvisie.versies.all().delete()
    groenvisie.delete()
    call_command("load_herzieningen", verbosity=0)
    assert not Herziening.objects.filter(slug=GROENVISIE).exists()
    assert Versie.objects.count() < before


def test_pages_say_since_when_they_are_in_force(client):
    principe = PrincipePage.objects.get(nummer="1.1")
    html = client.get(principe.url).content.decode()
    assert 'Geldend sinds</span> <time datetime="2021-05-26">26 mei 2021</time>' in html
    assert f'href="/herzieningen/{VASTSTELLING}/"' in html
    opgave = OpgavePage.objects.filter(document="groenvisie").first()
    html = client.get(opgave.url).content.decode()
    assert '<time datetime="2023-12-21">21 december 2023</time>' in html


def test_the_herzieningen_page_lists_adopted_ones_newest_first_and_open_ones_with_how_to_react(
    client,
):
    html = client.get("/herzieningen/").content.decode()
    assert html.index("Groenvisie Assen 2040") < html.index("Vaststelling van de Omgevingsvisie")
    assert "Er is nu geen herziening in voorbereiding of ter inzage." in html
    Herziening.objects.create(
        titel="Herijking 2025",
        slug="herijking-2025",
        omschrijving="Test: een herziening die ter inzage ligt.",
        procedure=Herziening.Procedure.TER_INZAGE,
        ter_inzage_van=datetime.date(2026, 11, 1),
        ter_inzage_tot=datetime.date(2026, 12, 12),
        reageren="Stuur uw zienswijze naar de gemeente (testtekst).",
    )
    html = client.get("/herzieningen/").content.decode()
    open_part = html.split("Vastgestelde herzieningen")[0]
    assert "Herijking 2025" in open_part and "tot en met 12 december 2026" in open_part
    assert "Stuur uw zienswijze naar de gemeente (testtekst)." in open_part


def test_a_herzienings_page_quotes_the_decision_and_lists_what_it_changes(client):
    html = client.get(f"/herzieningen/{GROENVISIE}/").content.decode()
    assert "1.1 In te stemmen met de Groenvisie Assen 2040;" in html
    assert "Opgaven (6)" in html and "Uitwerkingen (2)" in html
    assert "(omschrijving van dit portaal)" in html
    html = client.get(f"/herzieningen/{VASTSTELLING}/").content.decode()
    assert "Opgaven (56)" in html and "De eerste 25 van 56." in html
    assert client.get("/herzieningen/bestaat-niet/").status_code == 404


def login(client, username: str, group: str):
    user = get_user_model().objects.create_user(username, f"{username}@assen.nl", "x")
    user.groups.add(Group.objects.get(name=group))
    cms_login(client, user)
    return client


def test_editors_prepare_herzieningen_and_publishers_publish_them(client):
    herziening = Herziening.objects.get(slug=GROENVISIE)
    url = f"/cms/snippets/herzieningen/herziening/edit/{herziening.pk}/"
    html = login(client, "redacteur", REDACTEUREN).get(url).content.decode()
    assert 'name="besluit_datum"' in html and 'name="reageren"' in html
    assert 'name="action-publish"' not in html and 'name="action-submit"' in html
    html = login(client, "publiceerder", PUBLICEERDERS).get(url).content.decode()
    assert 'name="action-publish"' in html


def test_a_half_filled_herziening_is_refused_with_what_is_missing(admin_client):
    response = admin_client.post(
        "/cms/snippets/herzieningen/herziening/add/",
        {
            "titel": "Herijking",
            "slug": "herijking",
            "soort": "herziening",
            "omschrijving": "Test.",
            "procedure": "ter_inzage",
            "ter_inzage_van": "2026-12-10",
            "ter_inzage_tot": "2026-12-01",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Het einde van de inzage ligt vóór het begin." in html
    assert "Vul dit in: de herziening ligt ter inzage." in html
    assert not Herziening.objects.filter(slug="herijking").exists()


def test_a_herziening_cannot_take_the_address_of_the_diff_pages():
    herziening = Herziening(titel="Verschil", slug="verschil", omschrijving="Test.")
    with pytest.raises(ValidationError) as refused:
        herziening.full_clean()
    assert "slug" in refused.value.message_dict


def test_every_page_of_the_vision_says_since_when_it_is_in_force(client):
    for page in Page.objects.live().specific():
        if page._meta.app_label != "visie":
            continue
        html = client.get(page.url).content.decode()
        assert "Geldend sinds</span>" in html, page.url


def test_each_page_links_its_version_history(client):
    opgave = OpgavePage.objects.filter(document="groenvisie").first()
    html = client.get(opgave.url).content.decode()
    history = f"/herzieningen/geschiedenis/opgaven.opgavepage/{opgave.pk}/"
    assert f'href="{history}"' in html
    html = client.get(history).content.decode()
    assert f"Versies van {opgave.title}" in html and f'href="{opgave.url}"' in html
    assert "21 december 2023" in html and "nu nog geldig" in html and "toegevoegd" in html
    # Only what the herzieningen version has a history; no id beyond a database key.
    assert client.get("/herzieningen/geschiedenis/auth.user/1/").status_code == 404
    assert client.get("/herzieningen/geschiedenis/opgaven.opgavepage/0/").status_code == 404
    huge = "/herzieningen/geschiedenis/opgaven.opgavepage/99999999999999999999999/"
    assert client.get(huge).status_code == 404
