"""Staff edit opgaven in the CMS; an opgave without its principle, spoor, theme or gebied is
refused with a clear message and nothing stored changes."""

import re

from django.contrib.auth import get_user_model
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from opgaven.models import OpgavePage
from tests.cms import cms_login
from tests.factories import OpgaveFactory, bouw_kleine_visie
from visie.models import UitwerkingPage


class OpgaveAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.visie = bouw_kleine_visie()

    def setUp(self):
        user = get_user_model().objects.create_superuser("beheer", "beheer@assen.nl", "x")
        cms_login(self.client, user)
        self.register = self.visie.register

    def form(self, **links):
        data = {
            "title": "Nieuwe opgave",
            "slug": "nieuwe-opgave",
            "document": "omgevingsvisie",
            "groep": "Mobiliteit",
            "nummer": "10",
            "tekst": "Een nieuwe opgave.",
            "bron": "Omgevingsvisie 2021",
            "wijziging_binnen": self.visie.herziening.pk,
            "principe_links": inline_formset([]),
            "spoor_links": inline_formset([]),
            "thema_links": inline_formset([]),
            "gebied_links": inline_formset([]),
            "uitwerking_links": inline_formset([]),
        }
        data.update(links)
        return nested_form_data(data)

    def complete_links(self):
        targets = {
            "principe": self.visie.principes[1],
            "spoor": self.visie.sporen[3],
            "thema": self.visie.themas[2],
            "gebied": self.visie.wijk,
        }
        return {
            f"{name}_links": inline_formset([{name: target.pk, "reden": ""}])
            for name, target in targets.items()
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

    @classmethod
    def setUpTestData(cls):
        cls.visie = bouw_kleine_visie()

    def setUp(self):
        user = get_user_model().objects.create_superuser("beheer", "beheer@assen.nl", "x")
        cms_login(self.client, user)

    def listed(self, url, params) -> set[int]:
        response = self.client.get(url, params)
        self.assertEqual(response.status_code, 200)
        return {int(pk) for pk in re.findall(r'href="/cms/pages/(\d+)/edit/"', response.text)}

    def test_opgaven_filter_by_principle_theme_and_gebied(self):
        principe, thema = self.visie.principes[0], self.visie.themas[0]
        expected = set(
            OpgavePage.objects.filter(
                principe_links__principe=principe, thema_links__thema=thema
            ).values_list("pk", flat=True)
        )
        self.assertTrue(0 < len(expected) < 50)
        self.assertEqual(
            self.listed("/cms/opgaven/", {"principe": principe.pk, "thema": thema.pk}), expected
        )
        gebied = self.visie.focusgebied.gebied
        expected = set(
            OpgavePage.objects.filter(gebied_links__gebied=gebied).values_list("pk", flat=True)
        )
        self.assertEqual(self.listed("/cms/opgaven/", {"gebied": gebied.pk}), expected)

    def test_opgaven_search_combines_with_a_filter(self):
        principe = self.visie.principes[0]
        opgave = OpgaveFactory(
            parent=self.visie.register, title="Werklocatie Messchenveld", principes=[principe]
        )
        found = self.listed("/cms/opgaven/", {"q": "Messchenveld", "principe": principe.pk})
        self.assertEqual(found, {opgave.pk})

    def test_uitwerkingen_filter_by_status_and_theme(self):
        expected = set(UitwerkingPage.objects.filter(status="gereed").values_list("pk", flat=True))
        self.assertTrue(expected)
        self.assertEqual(self.listed("/cms/uitwerkingen/", {"status": "gereed"}), expected)
        thema = self.visie.themas[0]
        expected = set(
            UitwerkingPage.objects.filter(thema_links__thema=thema).values_list("pk", flat=True)
        )
        self.assertTrue(expected)
        self.assertEqual(self.listed("/cms/uitwerkingen/", {"thema": thema.pk}), expected)
