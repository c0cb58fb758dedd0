"""Test settings. The database comes from DATABASE_URL: SpatiaLite, then PostGIS in make test."""

import os

from .base import *  # noqa: F403
from .base import CACHE_DIR

SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
# Fast hashing: tests create many users and never need real password strength.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = None  # nothing is collected outside production
# Tests must never reach out for background tiles: the maps have to work without them.
LEAFLET_CONFIG = {**LEAFLET_CONFIG, "TILES": []}  # noqa: F405
# Nor for PDOK's address search: tests that need it point it at a local server.
LOCATIESERVER_URL = ""
LOCATIESERVER_TIMEOUT = 0.5
WAGTAILADMIN_BASE_URL = "http://testserver"
# A cache of its own per test run (tests/conftest.py removes it), so runs side by side never meet;
# servers a test starts share one through CACHE_DIR.
RUN_CACHE_DIR = BASE_DIR / ".cache" / f"test-{os.getpid()}"  # noqa: F405
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": CACHE_DIR or str(RUN_CACHE_DIR),
        # As in production: at Django's default of 300 entries the cache culls a third of
        # itself when full, and a test that counts queries after warming it finds it cold.
        "OPTIONS": {"MAX_ENTRIES": 20000},
    }
}
