"""Staff edit opgaven in the CMS; an opgave without its principle, spoor, theme or gebied is
refused with a clear message and nothing stored changes."""

import re

from django.contrib.auth import get_user_model
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from herzieningen.models import Herziening
from kaarten.models import Gebied
from opgaven.models import OpgavenRegisterPage, OpgavePage
from tests.cms import cms_login
from visie.models import PrincipePage, SpoorPage, ThemaPage, UitwerkingPage


class OpgaveAdminTests(WagtailPageTestCase):
    def setUp(self):
        user = get_user_model().objects.create_superuser("beheer", "beheer@assen.nl", "x")
        cms_login(self.client, user)
        self.register = OpgavenRegisterPage.objects.get()

    def form(self, **links):
        data = {
            "title": "Nieuwe opgave",
            "slug": "nieuwe-opgave",
            "document": "omgevingsvisie",
            "groep": "Mobiliteit",
            "nummer": "10",
            "tekst": "Een nieuwe opgave.",
            "bron": "Omgevingsvisie 2021",
            "wijziging_binnen": Herziening.objects.get(slug="redactionele-correcties").pk,
            "principe_links": inline_formset([]),
            "spoor_links": inline_formset([]),
            "thema_links": inline_formset([]),
            "gebied_links": inline_formset([]),
            "uitwerking_links": inline_formset([]),
        }
        data.update(links)
        return nested_form_data(data)

    def complete_links(self):
        return {
            "principe_links": inline_formset(
                [{"principe": PrincipePage.objects.get(nummer="1.3").pk, "reden": ""}]
            ),
            "spoor_links": inline_formset(
                [{"spoor": SpoorPage.objects.get(nummer="3.3B").pk, "reden": ""}]
            ),
            "thema_links": inline_formset(
                [{"thema": ThemaPage.objects.get(nummer="2.10").pk, "reden": ""}]
            ),
            "gebied_links": inline_formset(
                [{"gebied": Gebied.objects.get(naam="Hele gemeente").pk, "reden": ""}]
            ),
        }

    def test_a_complete_opgave_can_be_created(self):
        self.assertCanCreate(self.register, OpgavePage, self.form(**self.complete_links()))

    def test_an_opgave_without_a_principle_is_refused(self):
        links = self.complete_links()
        links["principe_links"] = inline_formset([])
        links["gebied_links"] = inline_formset([])
        count = OpgavePage.objects.count()
        response = self.client.post(
            f"/cms/pages/add/opgaven/opgavepage/{self.register.pk}/", self.form(**links)
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(
            response, "Een opgave hoort bij minstens één leidend principe, één gebied."
        )
        self.assertEqual(OpgavePage.objects.count(), count)


class AdminListingTests(WagtailPageTestCase):
    """The admin lists of opgaven and uitwerkingen filter by what they link to, and search."""

    def setUp(self):
        user = get_user_model().objects.create_superuser("beheer", "beheer@assen.nl", "x")
        cms_login(self.client, user)

    def listed(self, url, params) -> set[int]:
        response = self.client.get(url, params)
        self.assertEqual(response.status_code, 200)
        return {int(pk) for pk in re.findall(r'href="/cms/pages/(\d+)/edit/"', response.text)}

    def test_opgaven_filter_by_principle_theme_and_gebied(self):
        principe = PrincipePage.objects.get(nummer="1.1")
        thema = ThemaPage.objects.get(nummer="2.8")
        expected = set(
            OpgavePage.objects.filter(
                principe_links__principe=principe, thema_links__thema=thema
            ).values_list("pk", flat=True)
        )
        self.assertTrue(0 < len(expected) < 50)
        self.assertEqual(
            self.listed("/cms/opgaven/", {"principe": principe.pk, "thema": thema.pk}), expected
        )
        lariks = Gebied.objects.get(slug="lariks")
        expected = set(
            OpgavePage.objects.filter(gebied_links__gebied=lariks).values_list("pk", flat=True)
        )
        self.assertEqual(self.listed("/cms/opgaven/", {"gebied": lariks.pk}), expected)

    def test_opgaven_search_combines_with_a_filter(self):
        principe = OpgavePage.objects.get(slug="omgevingsvisie-werklocaties-en-bedrijvigheid-3")
        link = principe.principe_links.first()
        found = self.listed("/cms/opgaven/", {"q": "Messchenveld", "principe": link.principe_id})
        self.assertEqual(found, {principe.pk})

    def test_uitwerkingen_filter_by_status_and_theme(self):
        expected = set(UitwerkingPage.objects.filter(status="gereed").values_list("pk", flat=True))
        self.assertTrue(expected)
        self.assertEqual(self.listed("/cms/uitwerkingen/", {"status": "gereed"}), expected)
        thema = ThemaPage.objects.get(nummer="2.8")
        expected = set(
            UitwerkingPage.objects.filter(thema_links__thema=thema).values_list("pk", flat=True)
        )
        self.assertTrue(expected)
        self.assertEqual(self.listed("/cms/uitwerkingen/", {"thema": thema.pk}), expected)
