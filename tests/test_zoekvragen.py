"""Every kind of public page answers in at most 12 SQL queries (issue 11's target; `make bench`
prints the counts at 1x, 10x and 100x, and tests/opgaven/test_register.py and
tests/visie/test_pages.py hold them constant with the content)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from kaarten.models import Kaart
from opgaven.models import OpgavenRegisterPage, OpgavePage
from visie.models import (
    FocusgebiedPage,
    HoofdstukPage,
    PrincipePage,
    SectiePage,
    SpoorPage,
    ThemaPage,
    UitwerkingPage,
)

MAX_QUERIES = 12


def public_urls() -> list[str]:
    register = OpgavenRegisterPage.objects.get().url
    kaart = Kaart.objects.order_by("volgorde").first()
    return [
        "/",
        *(
            model.objects.live().order_by("path").first().url
            for model in [HoofdstukPage, SectiePage, PrincipePage, SpoorPage, ThemaPage]
        ),
        FocusgebiedPage.objects.get(slug="lariks").url,
        UitwerkingPage.objects.get(slug="groenvisie-assen-2040").url,
        OpgavePage.objects.live().order_by("path").first().url,
        register,
        f"{register}?principe=1.2&thema=2.3",
        f"{register}matrix/",
        f"{register}dekking/",
        f"{register}export/csv/",
        f"{register}export/xlsx/",
        "/kaarten/",
        f"/kaarten/{kaart.slug}/",
        f"/kaarten/{kaart.slug}/geojson/",
        "/hier/?gebied=wijk-lariks",
        "/zoeken/?q=fiets",
        "/leesversie/",
        "/herzieningen/",
        "/herzieningen/vaststelling-omgevingsvisie-2021/",
    ]


@pytest.mark.django_db
def test_every_public_page_answers_in_at_most_12_queries(client):
    for url in public_urls():
        client.get(url)  # the shared cache holds the outline and site, as on any served page
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        assert len(queries) <= MAX_QUERIES, (url, [q["sql"] for q in queries])


@pytest.mark.django_db
def test_a_private_section_stays_private_when_routed_in_one_query(client):
    """The page's restrictions are read with its ancestors' in one query: a restriction on
    the register covers the opgaven below it, as Wagtail's own check does."""
    register = OpgavenRegisterPage.objects.get()
    opgave = OpgavePage.objects.child_of(register).live().first()
    assert client.get(opgave.url).status_code == 200
    PageViewRestriction.objects.create(page=register, restriction_type="login")
    response = client.get(opgave.url)
    assert response.status_code == 302 and "login" in response["Location"]
    assert client.get(f"{register.url}matrix/").status_code == 302
