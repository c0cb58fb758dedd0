import pytest
from django.urls import reverse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("kleine_visie")]


def search(client, **params):
    return client.get(reverse("zoeken"), params)


def test_search_finds_pages_with_a_marked_snippet(client, kleine_visie):
    response = search(client, q="Testkwartier")
    html = response.content.decode()
    assert response.status_code == 200
    assert "1 resultaat voor <q>Testkwartier</q>" in html
    assert f'href="{kleine_visie.focusgebied.url}"' in html
    assert "<mark>Testkwartier</mark>" in html


def test_search_without_hits_says_so(client):
    html = search(client, q="zzxxqq").content.decode()
    assert "0 resultaten" in html


@pytest.mark.parametrize("pagina", ["abc", "-1", "9999", ""])
def test_a_malformed_page_number_never_breaks_the_search(client, pagina):
    response = search(client, q="groen", pagina=pagina)
    assert response.status_code == 200
    assert "resultaten voor" in response.content.decode()


def test_an_empty_or_huge_query_is_handled(client):
    assert "resultaten voor" not in search(client, q="   ").content.decode()
    response = search(client, q="groen " * 500)
    assert response.status_code == 200


def test_a_query_naming_a_place_offers_what_plays_there(client):
    html = client.get("/zoeken/", {"q": "Testkwartier"}).content.decode()
    link = '<a href="/hier/?gebied=testkwartier">Testkwartier</a>'
    assert f"Bekijk wat er speelt bij {link}" in html
    hier = client.get("/hier/", {"gebied": "testkwartier"})
    assert hier.status_code == 200 and "Testkwartier" in hier.content.decode()


@pytest.mark.parametrize("q", ["9401 AB", "Brink 1"])
def test_a_query_naming_an_address_or_postcode_goes_to_hier(client, q):
    html = client.get("/zoeken/", {"q": q}).content.decode()
    assert f'href="/hier/?q={q.replace(" ", "%20")}">Bekijk wat er speelt bij {q}</a>' in html
