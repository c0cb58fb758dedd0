"""What a visitor sees when something goes wrong, with the settings `make run` serves: Dutch
pages, never Django's technical page."""

import subprocess
import sys

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def csrf_client(client):
    client.handler.enforce_csrf_checks = True
    return client


def test_an_unknown_address_gets_the_dutch_404(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Pagina niet gevonden" in html and "urlpatterns" not in html


def test_a_method_a_page_does_not_take_gets_the_dutch_405(client):
    response = client.post("/toegankelijkheid/")
    assert response.status_code == 405
    assert "Dat kan op deze pagina niet" in response.content.decode()
    assert response["Allow"]


def test_a_form_without_its_token_gets_the_dutch_403(csrf_client):
    response = csrf_client.post("/cms/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "Formulier verlopen" in response.content.decode()


def test_the_error_pages_without_a_request_render(client):
    from django.template.loader import render_to_string

    for name, words in [("400.html", "Verzoek niet begrepen"), ("500.html", "Er ging iets mis")]:
        assert words in render_to_string(name)


def test_make_runs_settings_keep_one_generated_secret_and_debug_off(tmp_path):
    """assen.settings.local as `make run` loads it, in a process of its own."""
    code = (
        "from django.conf import settings as s; "
        "print(s.DEBUG, s.SECRET_KEY, s.SESSION_COOKIE_SECURE, s.SERVE_MEDIA)"
    )
    env = {"DJANGO_SETTINGS_MODULE": "assen.settings.local", "PATH": "/usr/bin:/bin"}

    def run():
        result = subprocess.run(
            [sys.executable, "-c", f"import django; django.setup(); {code}"],
            cwd=settings.BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout.split()

    first, second = run(), run()
    assert first == second
    debug, secret, secure_cookie, serve_media = first
    assert debug == "False" and secure_cookie == "False" and serve_media == "True"
    assert len(secret) >= 50
    assert (settings.BASE_DIR / ".secret-key").read_text().strip() == secret
