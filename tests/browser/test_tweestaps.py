"""A publisher's first login in Chromium: password, then linking an authenticator app from the
key on the page (as a user who cannot scan types it), the recovery codes, and the CMS."""

import re
from base64 import b32decode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django_otp.oath import TOTP

from visie.roles import PUBLICEERDERS

from .conftest import CSP_LISTENER, axe_violations, csp_violations
from .test_cms_geometrie import PASSWORD, server_database  # noqa: F401 - the fixture

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db,
    # It writes through the live server (the new app and codes): SpatiaLite only, as the other
    # browser tests of the CMS (tests/browser/test_cms_geometrie.py).
    pytest.mark.skipif(
        connection.vendor != "sqlite", reason="writes through the live server: SpatiaLite only"
    ),
]


@pytest.mark.usefixtures("server_database")
def test_a_publisher_links_an_app_at_the_first_login(portal, chromium, screenshot_dir):
    user = get_user_model().objects.create_user("cees", "cees@assen.nl", PASSWORD)
    user.groups.add(Group.objects.get(name=PUBLICEERDERS))
    context = chromium.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL")
    page = context.new_page()
    page.add_init_script(CSP_LISTENER)
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.goto(f"{portal}/cms/login/")
    page.fill("#id_username", "cees")
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{portal}/cms/tweestaps/instellen/")
    assert page.get_by_role("img", name="QR-code voor uw authenticator-app").is_visible()
    page.screenshot(path=screenshot_dir / "cms-tweestaps-instellen.png", full_page=True)
    assert axe_violations(page) == []

    key = page.locator("#sleutel").inner_text().replace(" ", "")
    code = f"{TOTP(b32decode(key)).token():06d}"  # what the app shows for the typed key
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Koppelen").click()
    page.get_by_role("heading", name="De app is gekoppeld: bewaar uw herstelcodes").wait_for()
    codes = page.locator(".tweestaps-herstelcodes code").all_inner_texts()
    assert len(codes) == 10 and all(re.fullmatch(r"[a-z0-9]+", c) for c in codes)
    assert axe_violations(page) == []

    page.get_by_role("link", name="Verder naar het CMS").click()
    page.wait_for_url(f"{portal}/cms/")
    assert page.get_by_role("heading", level=1).is_visible()
    assert csp_violations(page) == []
    assert errors == []
    context.close()
