"""Every edit of the vision is made within a herziening or as an editorial correction, chosen
in the CMS form: without one it is refused; a correction holds from the day it is published; a
herziening that takes effect later is published by Wagtail on that day and not before, while
?peildatum already shows it; a herziening still undecided can be drafted but not published."""

import datetime
import html

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from herzieningen.models import Herziening, Versie
from opgaven.models import OpgavePage

pytestmark = [pytest.mark.django_db, pytest.mark.echte_inhoud]
NIEUWE_TEKST = "Een nieuwe tekst voor deze opgave, zoals de raad hem vaststelde."


def shown(text: str) -> str:
    return html.escape(text)


@pytest.fixture
def opgave():
    return OpgavePage.objects.live().filter(document="omgevingsvisie").order_by("path").first()


def versies(opgave):
    return Versie.objects.filter(
        content_type=ContentType.objects.get_for_model(OpgavePage), object_id=opgave.pk
    ).order_by("geldig_vanaf")


def form(opgave, **changes) -> dict:
    """The CMS edit form of `opgave` as the editor would submit it, with `changes`."""

    def links(relation: str) -> dict:
        rows = [
            {"id": link.pk, relation: getattr(link, f"{relation}_id"), "reden": link.reden}
            for link in getattr(opgave, f"{relation}_links").all()
        ]
        return inline_formset(rows, initial=len(rows))

    data = {
        "title": opgave.title,
        "slug": opgave.slug,
        "document": opgave.document,
        "groep": opgave.groep,
        "nummer": opgave.nummer,
        "tekst": opgave.tekst,
        "bron": opgave.bron,
        "wijziging_binnen": "",
        **{f"{r}_links": links(r) for r in ("principe", "spoor", "thema", "gebied", "uitwerking")},
    }
    data.update(changes)
    return nested_form_data(data)


def herziening(procedure: str, in_werking_vanaf=None, **fields) -> Herziening:
    return Herziening.objects.create(
        titel=f"Herziening {procedure}",
        slug=f"herziening-{procedure}",
        omschrijving="Een herziening van de test.",
        procedure=procedure,
        besluit_orgaan="De raad" if procedure in ("vastgesteld", "in_werking") else "",
        besluit_datum=timezone.localdate() if procedure in ("vastgesteld", "in_werking") else None,
        in_werking_vanaf=in_werking_vanaf,
        live=True,
        **fields,
    )


def edit(admin_client, opgave, **changes):
    return admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[opgave.pk]),
        {**form(opgave, **changes), "action-publish": "action-publish"},
    )


def test_the_form_asks_for_the_herziening_and_offers_the_correction(admin_client, opgave):
    page = admin_client.get(reverse("wagtailadmin_pages:edit", args=[opgave.pk]))
    page = page.content.decode()
    assert 'name="wijziging_binnen"' in page and "Redactionele correcties" in page
    assert "Groenvisie Assen 2040" in page


def test_an_edit_outside_any_herziening_is_refused_and_nothing_changes(admin_client, opgave):
    before, count = opgave.tekst, versies(opgave).count()
    response = edit(admin_client, opgave, tekst=NIEUWE_TEKST)
    assert response.status_code == 200
    assert "Kies onder Instellingen de herziening of de redactionele correctie" in (
        response.content.decode()
    )
    opgave.refresh_from_db()
    assert opgave.tekst == before and versies(opgave).count() == count


def test_a_correction_holds_from_today_and_the_text_before_it_stays_on_earlier_dates(
    admin_client, client, opgave
):
    before = opgave.tekst
    correcties = Herziening.objects.get(slug="redactionele-correcties")
    response = edit(admin_client, opgave, tekst=NIEUWE_TEKST, wijziging_binnen=correcties.pk)
    assert response.status_code == 302
    opgave.refresh_from_db()
    assert opgave.tekst == NIEUWE_TEKST
    oud, nieuw = versies(opgave)
    vandaag = timezone.localdate()
    assert (oud.geldig_tot, nieuw.geldig_vanaf, nieuw.herziening) == (vandaag, vandaag, correcties)
    assert nieuw.revision == opgave.live_revision and nieuw.wijziging == "gewijzigd"
    yesterday = (vandaag - datetime.timedelta(days=1)).isoformat()
    assert shown(before) in client.get(f"{opgave.url}?peildatum={yesterday}").content.decode()
    assert NIEUWE_TEKST in client.get(opgave.url).content.decode()


def test_a_herziening_in_force_later_changes_nothing_before_its_day(admin_client, client, opgave):
    vanaf = timezone.localdate() + datetime.timedelta(days=30)
    later = herziening("vastgesteld", in_werking_vanaf=vanaf)
    before = opgave.tekst
    response = edit(admin_client, opgave, tekst=NIEUWE_TEKST, wijziging_binnen=later.pk)
    assert response.status_code == 302
    opgave.refresh_from_db()
    assert opgave.tekst == before  # still today's
    scheduled = Revision.page_revisions.filter(object_id=str(opgave.pk)).latest("created_at")
    assert timezone.localdate(scheduled.approved_go_live_at) == vanaf
    nieuw = versies(opgave).last()
    assert (nieuw.geldig_vanaf, nieuw.revision, nieuw.herziening) == (vanaf, scheduled, later)
    today = client.get(opgave.url).content.decode()
    assert shown(before) in today
    assert "<strong>Deze pagina wijzigt</strong> met" in today and later.titel in today
    on_the_day = client.get(f"{opgave.url}?peildatum={vanaf.isoformat()}").content.decode()
    assert NIEUWE_TEKST in on_the_day and shown(before) not in on_the_day
    # Taken off the schedule, the announced version goes and the current one holds on.
    admin_client.post(
        reverse("wagtailadmin_pages:revisions_unschedule", args=[opgave.pk, scheduled.pk])
    )
    assert versies(opgave).last().geldig_tot is None
    assert not versies(opgave).filter(geldig_vanaf=vanaf).exists()


def test_an_undecided_herziening_can_be_drafted_but_not_published(admin_client, opgave):
    ontwerp = herziening("ontwerp")
    before, count = opgave.tekst, versies(opgave).count()
    response = edit(admin_client, opgave, tekst=NIEUWE_TEKST, wijziging_binnen=ontwerp.pk)
    assert response.status_code == 200
    assert "is nog niet vastgesteld" in response.content.decode()
    draft = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[opgave.pk]),
        form(opgave, tekst=NIEUWE_TEKST, wijziging_binnen=ontwerp.pk),
    )
    assert draft.status_code == 302
    opgave.refresh_from_db()
    assert opgave.tekst == before and versies(opgave).count() == count
    assert opgave.get_latest_revision_as_object().tekst == NIEUWE_TEKST
