"""Logging in to the CMS in tests: past both steps (password and a code from the app), as
assen.tweestaps asks of publishers and administrators."""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


def cms_login(client, user) -> TOTPDevice:
    """A session of `user` verified by a confirmed app of their own."""
    device = TOTPDevice.objects.create(user=user, name="Testapp", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


def app_code(key: bytes) -> str:
    """The code an authenticator app shows now for a key (RFC 6238, 30 s, 6 digits)."""
    return f"{TOTP(key).token():06d}"
