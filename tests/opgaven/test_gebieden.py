"""The opgaven of an area are one set wherever they are shown: the area's own page (and a focus
area's page in the vision), the register filtered on the area, and 'Wat speelt er hier?' for it.
They include the opgaven of the places lying in the area."""

import re

import pytest

from kaarten.ligging import plaatsen
from kaarten.models import Gebied
from opgaven.koppelingen import opgaven_van_gebieden
from opgaven.models import OpgavenRegisterPage, OpgavePage
from visie.models import FocusgebiedPage

pytestmark = [pytest.mark.django_db, pytest.mark.echte_inhoud]
OPGAVE_LINK = re.compile(r'href="(/opgaven/[^/"?]+/)"')


def links(html: str) -> set[str]:
    return set(OPGAVE_LINK.findall(html))


def section(html: str, start: str, end: str) -> str:
    return html.split(start, 1)[1].split(end, 1)[0]


def areas():
    return Gebied.objects.filter(soort__in=["wijk", "focusgebied"]).order_by("slug")


def test_page_register_and_hier_agree_for_every_wijk_and_focus_area(client):
    register = OpgavenRegisterPage.objects.get().url
    checked = 0
    for gebied in areas():
        expected = {opgave.url for opgave in opgaven_van_gebieden([gebied])}
        own = client.get(f"/kaarten/gebied/{gebied.slug}/").content.decode()
        hier = client.get("/hier/", {"gebied": gebied.slug}).content.decode()
        listed = client.get(register, {"gebied": gebied.slug}).content.decode()
        views = {
            "gebied": links(section(own, "Opgaven voor deze plek", "Opgaven voor de hele")),
            "hier": links(section(hier, "Opgaven voor deze plek", "Opgaven voor de hele")),
            "register": links(section(listed, 'class="register__aantal"', "</ol>")),
        }
        for page in FocusgebiedPage.objects.live().filter(gebied=gebied):
            html = client.get(page.url).content.decode()
            views["focusgebied"] = links(section(html, 'id="opgaven-van-pagina-kop"', "</section>"))
        for name, found in views.items():
            assert found == expected, (gebied.slug, name)
        checked += 1
    assert checked == 16  # ten wijken, six focus areas


def test_an_area_includes_the_opgaven_of_the_places_in_it_and_says_through_which(client):
    """Kloosterakker lies in the Kloosterveen focus area: its opgave is Kloosterveen's too."""
    kloosterveen = Gebied.objects.get(slug="kloosterveen", soort="focusgebied")
    via_kloosterakker = OpgavePage.objects.live().filter(gebied_links__gebied__slug="kloosterakker")
    assert via_kloosterakker.exists()
    found = opgaven_van_gebieden([kloosterveen])
    for opgave in via_kloosterakker:
        assert opgave.pk in {o.pk for o in found}
    page = FocusgebiedPage.objects.get(gebied=kloosterveen)
    html = client.get(page.url).content.decode()
    assert "geen opgaven" not in html
    assert 'via <a href="/kaarten/gebied/kloosterakker/">Kloosterakker</a>' in html


def test_the_register_offers_every_area_grouped_by_kind(client):
    html = client.get(OpgavenRegisterPage.objects.get().url).content.decode()
    select = section(html, 'name="gebied"', "</select>")
    for label in ("Wijken", "Focusgebieden", "Andere plekken"):
        assert f'<optgroup label="{label}">' in select
    for gebied in Gebied.objects.filter(live=True):
        assert f'value="{gebied.slug}"' in select, gebied.slug


def test_the_coverage_view_lists_areas_without_opgaven(client):
    html = client.get(f"{OpgavenRegisterPage.objects.get().url}dekking/").content.decode()
    listed = section(html, ">Gebieden</h3>", "<h2")
    for gebied in plaatsen():
        without = not opgaven_van_gebieden([gebied])
        assert (f'href="/kaarten/gebied/{gebied.slug}/"' in listed) == without, gebied.slug


def test_every_area_has_a_page_that_its_opgaven_link_to(client):
    for gebied in Gebied.objects.filter(live=True):
        response = client.get(f"/kaarten/gebied/{gebied.slug}/")
        assert response.status_code == 200, gebied.slug
        assert f'<h1 class="utrecht-heading-1">{gebied.naam}</h1>' in response.content.decode()
    opgave = OpgavePage.objects.live().filter(gebied_links__gebied__slug="kloosterakker").first()
    assert 'href="/kaarten/gebied/kloosterakker/"' in client.get(opgave.url).content.decode()
    assert client.get("/kaarten/gebied/bestaat-niet/").status_code == 404
