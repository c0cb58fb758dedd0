import shutil
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command

from assen import generation


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database holds the real Assen content once, loaded by the same commands as
    `make run`; each test runs in a transaction on top of it."""
    with django_db_blocker.unblock():
        call_command("load_gebieden", verbosity=0)
        call_command("load_content", verbosity=0)
        call_command("load_opgaven", verbosity=0)
        call_command("load_kaarten", verbosity=0)


@pytest.fixture(autouse=True)
def _page_cache_off(settings):
    """Most tests change content without publishing and count the queries of a page's render, so
    the page cache is off unless a test switches it on (tests/test_cache.py). A new content
    generation per test: what an earlier test cached (the outline) was rolled back with it."""
    settings.PAGE_CACHE_ENABLED = False
    generation.bump()


@pytest.fixture(scope="session", autouse=True)
def _own_cache_dir():
    """The test run's cache starts empty and is removed afterwards (see assen.settings.test)."""
    location = Path(django_settings.CACHES["default"]["LOCATION"])
    shutil.rmtree(location, ignore_errors=True)
    yield
    shutil.rmtree(location, ignore_errors=True)
