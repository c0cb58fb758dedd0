"""The security headers on what the portal serves: the strict policy on public pages, also when a
page comes from the cache, and the CMS's one exception."""

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("kleine_visie")]


def directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


@pytest.mark.parametrize("cached", [False, True])
def test_public_pages_allow_only_own_scripts_and_styles(client, settings, cached):
    settings.PAGE_CACHE_ENABLED = cached
    for _ in range(2):  # the second answer comes from the cache when it is on
        response = client.get("/")
    policy = directives(response)
    assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'" and policy["object-src"] == "'none'"
    assert "https://service.pdok.nl" in policy["img-src"]  # the background tiles
    assert "geolocation=(self)" in response["Permissions-Policy"]
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Referrer-Policy"] == "same-origin"


def test_static_files_carry_the_policy_too(client):
    response = client.get("/static/js/kaart.js")
    assert response.status_code == 200
    assert "Content-Security-Policy" in response


def test_the_cms_allows_wagtails_inline_code_and_nothing_more(client):
    policy = directives(client.get("/cms/login/"))
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == "'none'" and policy["form-action"] == "'self'"
