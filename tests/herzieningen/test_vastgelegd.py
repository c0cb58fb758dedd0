"""Nothing adopted can be lost: the CMS refuses to delete a page, a page with adopted pages
under it, or a map place of which a herziening made a version, one by one or in bulk, and says
why; what no herziening touched can still be deleted."""

import pytest
from django.urls import reverse

from herzieningen.models import Versie
from kaarten.models import Locatie
from opgaven.models import OpgavenRegisterPage, OpgavePage
from tests.factories import OpgaveFactory
from visie.models import HoofdstukPage, PrincipePage

pytestmark = [pytest.mark.django_db, pytest.mark.echte_inhoud]


def test_an_adopted_page_and_a_chapter_holding_adopted_pages_are_not_deleted(admin_client):
    principe = PrincipePage.objects.live().order_by("nummer").first()
    hoofdstuk = HoofdstukPage.objects.ancestor_of(principe).first()
    for page in (principe, hoofdstuk):
        url = reverse("wagtailadmin_pages:delete", args=[page.pk])
        confirm = admin_client.get(url, follow=True)
        assert "kan niet worden verwijderd" in confirm.content.decode()
        response = admin_client.post(url, follow=True)
        assert "kan niet worden verwijderd" in response.content.decode()
        assert response.redirect_chain[0][0] == reverse(
            "wagtailadmin_explore", args=[page.get_parent().pk]
        )
    assert PrincipePage.objects.filter(pk=principe.pk).exists()
    assert HoofdstukPage.objects.filter(pk=hoofdstuk.pk).exists()


def test_a_page_no_herziening_touched_can_still_be_deleted(admin_client):
    register = OpgavenRegisterPage.objects.get()
    draft = OpgaveFactory(parent=register)
    assert not Versie.objects.filter(object_id=draft.pk).exists()
    admin_client.post(reverse("wagtailadmin_pages:delete", args=[draft.pk]))
    assert not OpgavePage.objects.filter(pk=draft.pk).exists()


def test_an_adopted_place_is_not_deleted_alone_or_in_bulk(admin_client):
    locatie = Locatie.objects.filter(
        pk__in=Versie.objects.filter(content_type__model="locatie").values("object_id")
    ).first()
    viewset = locatie.snippet_viewset
    response = admin_client.post(
        reverse(viewset.get_url_name("delete"), args=[locatie.pk]), follow=True
    )
    assert "kan niet worden verwijderd" in response.content.decode()
    bulk = (
        reverse("wagtail_bulk_action", args=["kaarten", "locatie", "delete"]) + f"?id={locatie.pk}"
    )
    response = admin_client.post(bulk, follow=True)
    assert "kan niet worden verwijderd" in response.content.decode()
    assert Locatie.objects.filter(pk=locatie.pk).exists()
