"""Laptop settings: `make run` serves these with gunicorn on the embedded SpatiaLite database."""

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS

DEBUG = True
SECRET_KEY = "dev-only-not-secret"  # noqa: S105 - never used outside a developer's machine
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]
# Serve static files straight from the apps, so no collectstatic is needed while developing.
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = None  # nothing is collected outside production
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
