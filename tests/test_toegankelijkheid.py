"""The accessibility statement: the standard the portal meets and how to report a problem,
reachable from the footer of every page."""

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("kleine_visie")]


def test_the_statement_names_the_standard_and_how_to_report(client):
    html = client.get("/toegankelijkheid/").content.decode()
    assert "WCAG) 2.1</a>, niveau AA" in html
    assert "Loopt u ergens tegenaan?" in html


@pytest.mark.parametrize("path", ["/", "/opgaven/", "/kaarten/", "/bestaat-niet/"])
def test_every_page_links_to_it(client, path):
    assert 'href="/toegankelijkheid/"' in client.get(path).content.decode()
