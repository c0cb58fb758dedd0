"""The second factor of CMS logins: publishers and administrators cannot work in the CMS on a
password alone; a code from their app or a recovery code (once) lets them in."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.cms import app_code
from visie.roles import PUBLICEERDERS, REDACTEUREN

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rollen")]

PASSWORD = "een-goed-wachtwoord-42"
CODE_PAGE = "/cms/tweestaps/"
SETUP_PAGE = "/cms/tweestaps/instellen/"


def user_in(group: str):
    user = get_user_model().objects.create_user(group.lower(), password=PASSWORD)
    user.groups.add(Group.objects.get(name=group))
    return user


def log_in(client, user):
    response = client.post("/cms/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302  # the password is right: on to the second step
    return response


def linked_app(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="App", confirmed=True)


@pytest.fixture
def no_waiting(settings):
    """django-otp makes each wrong code double the wait before the next try; these tests try
    the right code straight after a wrong one."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


def test_wrong_codes_make_the_next_try_wait(client):
    admin = get_user_model().objects.create_superuser("beheer", password=PASSWORD)
    device = linked_app(admin)
    log_in(client, admin)
    client.post(CODE_PAGE, {"code": "12345"})
    refused = client.post(CODE_PAGE, {"code": app_code(device.bin_key)})
    assert "steeds langer wachten" in refused.content.decode()
    assert client.get("/cms/").status_code == 302


def test_a_publisher_without_an_app_must_link_one_before_any_cms_page(client, no_waiting):
    publisher = user_in(PUBLICEERDERS)
    log_in(client, publisher)
    for url in ["/cms/", "/cms/pages/", "/cms/snippets/kaarten/locatie/"]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == SETUP_PAGE

    page = client.get(SETUP_PAGE).content.decode()
    assert "<svg" in page and "QR-code voor uw authenticator-app" in page
    key = re.search(r'<code id="sleutel">([A-Z2-7 ]+)</code>', page).group(1)
    device = TOTPDevice.objects.get(user=publisher)
    assert key.replace(" ", "") == device.config_url.split("secret=")[1].split("&")[0]

    wrong = client.post(
        SETUP_PAGE, {"code": "000000" if app_code(device.bin_key) != "000000" else "111111"}
    )
    assert "Deze code klopt niet" in wrong.content.decode()
    assert client.get("/cms/").status_code == 302

    done = client.post(SETUP_PAGE, {"code": app_code(device.bin_key)}).content.decode()
    codes = re.findall(r"<li><code>(\w+)</code></li>", done)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert set(
        StaticToken.objects.filter(device__user=publisher).values_list("token", flat=True)
    ) == set(codes)
    assert client.get("/cms/").status_code == 200


def test_an_administrator_with_an_app_is_refused_without_its_code(client, no_waiting):
    admin = get_user_model().objects.create_superuser("beheer", password=PASSWORD)
    device = linked_app(admin)
    log_in(client, admin)
    response = client.get("/cms/pages/")
    assert response.status_code == 302
    assert response["Location"] == f"{CODE_PAGE}?next=/cms/pages/"

    empty = client.post(CODE_PAGE, {"code": ""})
    assert "Vul de code in." in empty.content.decode()
    wrong = client.post(CODE_PAGE, {"code": "12345"})
    assert "Deze code klopt niet of is verlopen" in wrong.content.decode()
    assert client.get("/cms/").status_code == 302

    right = client.post(CODE_PAGE, {"code": app_code(device.bin_key), "next": "/cms/pages/"})
    assert right.status_code == 302 and right["Location"] == "/cms/pages/"
    assert client.get("/cms/pages/").status_code == 200


def test_a_recovery_code_works_once(client, no_waiting):
    publisher = user_in(PUBLICEERDERS)
    device = TOTPDevice.objects.create(user=publisher, name="App", confirmed=False)
    log_in(client, publisher)
    done = client.post(SETUP_PAGE, {"code": app_code(device.bin_key)}).content.decode()
    recovery = re.findall(r"<li><code>(\w+)</code></li>", done)[0]
    client.post("/cms/logout/")

    log_in(client, publisher)
    assert client.post(CODE_PAGE, {"code": recovery}).status_code == 302
    assert client.get("/cms/").status_code == 200
    client.post("/cms/logout/")

    log_in(client, publisher)
    again = client.post(CODE_PAGE, {"code": recovery})
    assert "Deze code klopt niet" in again.content.decode()
    assert client.get("/cms/").status_code == 302


def test_an_editor_may_work_without_an_app_and_link_one_later(client):
    editor = user_in(REDACTEUREN)
    log_in(client, editor)
    assert client.get("/cms/").status_code == 200
    account = client.get("/cms/account/").content.decode()
    assert f'href="{SETUP_PAGE}"' in account and "Authenticator-app koppelen" in account
    page = client.get(SETUP_PAGE).content.decode()
    assert "Met een tweede stap is uw account beter beschermd" in page


def test_a_lost_phone_is_reset_by_an_administrator(client):
    publisher = user_in(PUBLICEERDERS)
    linked_app(publisher)
    call_command("reset_tweestaps", publisher.username, verbosity=0)
    assert not TOTPDevice.objects.filter(user=publisher).exists()
    log_in(client, publisher)
    assert client.get("/cms/")["Location"] == SETUP_PAGE
