"""Login rate limiting: a lockout holds for one user name from one address, and only a trusted
proxy may say which address a login comes from."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from tests.cms import cms_login
from visie.roles import PUBLICEERDERS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rollen")]

LOGIN = "/cms/login/"
PASSWORD = "een-goed-wachtwoord-42"


@pytest.fixture
def editors():
    User = get_user_model()
    return [
        User.objects.create_user(name, password=PASSWORD, is_superuser=True)
        for name in ("anna", "bram")
    ]


def log_in(client, username, password, **meta):
    return client.post(LOGIN, {"username": username, "password": password}, **meta)


def logged_in(response) -> bool:
    return response.status_code == 302 and "login" not in response["Location"]


def test_five_wrong_passwords_lock_that_user_from_that_address_only(client, editors, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "anna", "fout", REMOTE_ADDR="10.0.0.1")
    locked = log_in(client, "anna", PASSWORD, REMOTE_ADDR="10.0.0.1")
    assert locked.status_code == 429
    assert "Te vaak een verkeerd wachtwoord" in locked.content.decode()
    assert logged_in(log_in(client, "anna", PASSWORD, REMOTE_ADDR="10.0.0.2"))
    client.logout()
    assert logged_in(log_in(client, "bram", PASSWORD, REMOTE_ADDR="10.0.0.1"))


def test_only_a_trusted_proxy_names_the_clients_address(client, editors, settings):
    settings.TRUSTED_PROXIES = {"192.0.2.1"}
    # A client that sends its own X-Forwarded-For is known by its connection's address.
    log_in(client, "anna", "fout", REMOTE_ADDR="10.0.0.7", HTTP_X_FORWARDED_FOR="203.0.113.9")
    # Behind the proxy: the address the proxy appended, not what the client put before it.
    log_in(
        client,
        "bram",
        "fout",
        REMOTE_ADDR="192.0.2.1",
        HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.5",
    )
    seen = dict(AccessAttempt.objects.values_list("username", "ip_address"))
    assert seen == {"anna": "10.0.0.7", "bram": "203.0.113.5"}


def test_administrators_see_lockouts_and_may_lift_one(client, editors, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "anna", "fout", REMOTE_ADDR="10.0.0.1")
    assert log_in(client, "anna", PASSWORD, REMOTE_ADDR="10.0.0.1").status_code == 429
    publiceerder = get_user_model().objects.create_user("cees", password=PASSWORD)
    publiceerder.groups.add(Group.objects.get(name=PUBLICEERDERS))
    cms_login(client, publiceerder)
    assert client.get("/cms/").status_code == 200
    assert client.get("/cms/inlogblokkades/").status_code in (302, 403)
    cms_login(client, editors[1])
    listing = client.get("/cms/inlogblokkades/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "10.0.0.1" in html and "Inlogblokkades" in html and "Gebruikersnaam" in html
    attempt = AccessAttempt.objects.get(username="anna")
    assert client.get("/cms/inlogblokkades/new/").status_code in (302, 403, 404)
    client.post(f"/cms/inlogblokkades/delete/{attempt.pk}/")
    client.logout()
    assert logged_in(log_in(client, "anna", PASSWORD, REMOTE_ADDR="10.0.0.1"))
