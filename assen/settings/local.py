"""`make run`: the portal as a municipality runs it (DEBUG off, collected static files, the
production security settings), but on plain HTTP on this machine, with a secret key generated
once and kept in a file that git ignores."""

import os
import secrets
from pathlib import Path

# Before base.py is imported: it reads the environment set below.
SECRET_KEY_FILE = Path(__file__).resolve().parent.parent.parent / ".secret-key"


def _local_secret_key() -> str:
    if not SECRET_KEY_FILE.exists():
        SECRET_KEY_FILE.touch(mode=0o600)
        SECRET_KEY_FILE.write_text(secrets.token_urlsafe(50))
    return SECRET_KEY_FILE.read_text().strip()


# What production.py demands from the environment, unless the operator set it.
os.environ.setdefault("DJANGO_SECRET_KEY", _local_secret_key())
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")

from .production import *  # noqa: E402, F403

# Plain HTTP: cookies marked Secure would never come back, and nobody could log in to the CMS.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SERVE_MEDIA = True
