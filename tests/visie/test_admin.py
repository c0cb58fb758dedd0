"""Every page type can be created and edited by staff in the (Dutch) Wagtail admin."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.cms import cms_login
from tests.factories import bouw_kleine_visie
from visie.models import (
    BijlagePage,
    FocusgebiedPage,
    HomePage,
    HoofdstukPage,
    PrincipePage,
    SectiePage,
    SpoorPage,
    ThemaPage,
    UitwerkingenIndexPage,
    UitwerkingPage,
)

BODY = streamfield(
    [
        ("heading", {"text": "Een kop", "level": "h2"}),
        ("paragraph", rich_text("<p>Een alinea.</p>")),
        (
            "legend",
            {
                "title": "Een kaart",
                "group": "",
                "items": streamfield([("item", "Een item")]),
                "note": "",
            },
        ),
    ]
)


class AdminCreationTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.visie = bouw_kleine_visie()

    def setUp(self):
        self.user = get_user_model().objects.create_superuser("beheer", "beheer@assen.nl", "x")
        cms_login(self.client, self.user)

    def test_page_tree_is_pinned(self):
        self.assertAllowedParentPageTypes(ThemaPage, {HoofdstukPage})
        self.assertAllowedParentPageTypes(SpoorPage, {PrincipePage})
        self.assertAllowedParentPageTypes(FocusgebiedPage, {SectiePage})
        self.assertAllowedSubpageTypes(UitwerkingenIndexPage, {UitwerkingPage})
        self.assertAllowedParentPageTypes(HoofdstukPage, {HomePage})
        self.assertAllowedParentPageTypes(UitwerkingenIndexPage, {HomePage})

    def test_editors_can_create_each_kind_of_page(self):
        chapter = self.visie.themas[0].get_parent()
        cases = [
            (self.visie.home, HoofdstukPage, {"nummer": "5"}),
            (chapter, ThemaPage, {"nummer": "2.14"}),
            (chapter, SectiePage, {"nummer": "2.15"}),
            (chapter, BijlagePage, {}),
            (self.visie.focusgebied.get_parent(), FocusgebiedPage, {}),
            (self.visie.principes[0], SpoorPage, {"nummer": "3.1D"}),
        ]
        for parent, model, extra in cases:
            with self.subTest(model=model.__name__):
                data = nested_form_data(
                    {
                        "title": f"Nieuw {model.__name__}",
                        "slug": f"nieuw-{model.__name__.lower()}",
                        "bron": "",
                        "wijziging_binnen": self.visie.herziening.pk,
                        "nummer": "",
                        "body": BODY,
                        **extra,
                    }
                )
                self.assertCanCreate(parent, model, data)

    def test_a_principle_and_an_uitwerking_with_decision_and_budget(self):
        verbonden, sport = self.visie.principes[1], self.visie.themas[2]
        lariks = self.visie.wijk
        self.assertCanCreate(
            verbonden.get_parent(),
            PrincipePage,
            nested_form_data(
                {
                    "title": "Vierde principe",
                    "slug": "vierde",
                    "nummer": "1.4",
                    "nummer_weg": "3.6",
                    "bron": "",
                    "wijziging_binnen": self.visie.herziening.pk,
                    "beeld_2040": BODY,
                    "weg_naar_2040": BODY,
                }
            ),
        )
        self.assertCanCreate(
            UitwerkingenIndexPage.objects.get(),
            UitwerkingPage,
            nested_form_data(
                {
                    "title": "Speelruimteplan",
                    "slug": "speelruimteplan",
                    "nummer": "",
                    "bron": "",
                    "wijziging_binnen": self.visie.herziening.pk,
                    "soort": "thematisch_plan",
                    "status": "in_voorbereiding",
                    "beslispunten": streamfield([]),
                    "body": BODY,
                    "besluiten": inline_formset(
                        [
                            {
                                "orgaan": "Gemeenteraad",
                                "datum": "2024-01-31",
                                "omschrijving": "Vastgesteld.",
                            }
                        ]
                    ),
                    "begrotingsposten": inline_formset(
                        [
                            {
                                "naam": "Onderzoek",
                                "bedrag": "5000",
                                "frequentie": "eenmalig",
                                "toelichting": "",
                            }
                        ]
                    ),
                    "principe_links": inline_formset([{"principe": verbonden.pk}]),
                    "thema_links": inline_formset([{"thema": sport.pk}]),
                    "gebied_links": inline_formset([{"gebied": lariks.pk}]),
                    "status_bron": "",
                    "onderbouwing": "",
                }
            ),
        )
        plan = UitwerkingPage.objects.get(slug="speelruimteplan")
        self.assertEqual(plan.principe_links.get().principe, verbonden)
        self.assertEqual(plan.thema_links.get().thema, sport)
        self.assertEqual(plan.gebied_links.get().gebied, lariks)
        self.assertEqual(plan.besluiten.get().datum.isoformat(), "2024-01-31")
        self.assertEqual(int(plan.begrotingsposten.get().bedrag), 5000)

    def test_every_page_opens_in_the_editor_in_dutch(self):
        for page in Page.objects.filter(depth__gt=1).specific():
            response = self.client.get(f"/cms/pages/{page.pk}/edit/")
            self.assertEqual(response.status_code, 200, page.url_path)
        self.assertContains(response, "Publiceren")

    def test_an_incomplete_form_is_refused_with_a_message_and_nothing_changes(self):
        thema = self.visie.themas[0]
        data = nested_form_data(
            {"title": "", "slug": thema.slug, "nummer": thema.nummer, "bron": "", "body": BODY}
        )
        response = self.client.post(f"/cms/pages/{thema.pk}/edit/", data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "kon niet worden opgeslagen vanwege validatiefouten")
        self.assertContains(response, "Dit is een verplicht veld")
        self.assertEqual(ThemaPage.objects.get(pk=thema.pk).title, thema.title)

    def test_preview_renders_the_draft(self):
        thema = self.visie.themas[0]
        data = nested_form_data(
            {
                "title": "Voorbeeldtitel",
                "slug": thema.slug,
                "nummer": thema.nummer,
                "bron": "",
                "wijziging_binnen": self.visie.herziening.pk,
                "body": BODY,
            }
        )
        preview_url = f"/cms/pages/{thema.pk}/edit/preview/"
        self.assertEqual(
            self.client.post(preview_url, data).json(), {"is_valid": True, "is_available": True}
        )
        response = self.client.get(preview_url)
        self.assertContains(response, "Voorbeeldtitel")


@pytest.mark.django_db
def test_the_cms_login_is_dutch(client):
    html = client.get("/cms/login/").content.decode()
    assert 'lang="nl"' in html
    assert "Inloggen" in html
