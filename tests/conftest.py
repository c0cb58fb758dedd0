import copy
import shutil
from pathlib import Path

import psycopg
import pytest
from django.conf import settings as django_settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.management import call_command
from django.db import connection, connections, transaction
from django.test import Client
from django.test.testcases import LiveServerThread

from assen import generation
from tests.cms import cms_login
from tests.factories import KleineVisie, bouw_kleine_visie
from visie.roles import ensure_editorial_roles

ECHTE_INHOUD = "echte_inhoud"
REAL_CONTENT_COMMANDS = [
    "load_gebieden",
    "load_content",
    "load_opgaven",
    "load_kaarten",
    "load_herzieningen",
]
loaded_key = pytest.StashKey[bool]()


def pytest_collection_modifyitems(items):
    """Tests on the real content run after all others, which build their own data with
    tests/factories.py: the content is loaded once, before the first of them. The browser tests
    count as such (the live server serves the real content) and keep their order."""
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(ECHTE_INHOUD)
    real = [item for item in items if item.get_closest_marker(ECHTE_INHOUD)]
    items[:] = [item for item in items if not item.get_closest_marker(ECHTE_INHOUD)] + real
    for item in real:
        # First, so that the content is committed before the test's own transaction starts.
        item.fixturenames.insert(0, ECHTE_INHOUD)


def pytest_runtest_setup(item):
    """A test without the marker that ran on the real content would pass only by accident."""
    if item.config.stash.get(loaded_key, False) and not item.get_closest_marker(ECHTE_INHOUD):
        pytest.fail(f"{item.nodeid} runs after the real content was loaded: mark it {ECHTE_INHOUD}")


@pytest.fixture(scope="session")
def echte_inhoud(request, django_db_setup, django_db_blocker):
    """The real Assen content in the test database, loaded once by the same commands as
    `make run`; each test marked `echte_inhoud` runs in a transaction on top of it."""
    with django_db_blocker.unblock():
        # Still open: the small vision of a module whose unmarked tests ran just before.
        assert not connection.in_atomic_block, "a module mixes echte_inhoud with kleine_visie"
        for command in REAL_CONTENT_COMMANDS:
            call_command(command, verbosity=0)
    request.config.stash[loaded_key] = True


@pytest.fixture
def rollen(db):
    """The editors' and publishers' groups and the workflow, as `load_content` creates them."""
    return ensure_editorial_roles()


@pytest.fixture(scope="module")
def gedeelde_kleine_visie(django_db_setup, django_db_blocker) -> KleineVisie:
    """The small vision built once for a module, as Django's setUpTestData does: in a
    transaction that each test's own nests in, rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        visie = bouw_kleine_visie()
        # PostgreSQL checks foreign keys at commit; a test that alters a table may not find
        # checks pending (nor would one of Django's TestCase after setUpTestData).
        connection.check_constraints()
        yield visie
        transaction.set_rollback(True)


@pytest.fixture
def kleine_visie(gedeelde_kleine_visie, db) -> KleineVisie:
    """A small vision of every page type with opgaven, areas, a map and a herziening: the
    module's, as objects of the test's own, so that what a test changes in them goes with its
    transaction."""
    return copy.deepcopy(gedeelde_kleine_visie)


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


@pytest.fixture(scope="session")
def portal(echte_inhoud, django_db_blocker) -> str:
    """The base URL of the portal, served from a thread for the whole session (the browser tests
    and the load smoke test). Not pytest-django's `live_server`, which flushes the database
    after every test (it implies `transactional_db`) and so would wipe the content that the whole
    session shares; visitors only read, so each test's usual transaction suffices."""
    # An in-memory SQLite test database exists only in this thread's connection: share it.
    shared = {conn.alias: conn for conn in connections.all() if conn.vendor == "sqlite"}
    for conn in shared.values():
        conn.inc_thread_sharing()
    with django_db_blocker.unblock():
        server = LiveServerThread("localhost", StaticFilesHandler, connections_override=shared)
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        yield f"http://localhost:{server.port}"
        server.terminate()
        # A connection the server's threads opened can outlive them, and PostgreSQL refuses
        # to drop a test database that is still in use: end those sessions.
        for conn in connections.all():
            if conn.vendor == "postgresql":
                with conn.cursor() as cursor:
                    cursor.execute(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    )
    for conn in shared.values():
        conn.dec_thread_sharing()


@pytest.fixture
def database_url(tmp_path):
    """An empty database of the run's kind (SpatiaLite or PostGIS) of its own, for the portal
    processes a test starts."""
    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        yield f"spatialite:///{tmp_path / 'eigen.sqlite3'}"
        return
    name = f"{settings_dict['NAME']}_eigen"
    credentials = f"{settings_dict['USER']}:{settings_dict['PASSWORD']}"
    server = f"{settings_dict['HOST']}:{settings_dict['PORT'] or 5432}"
    admin = {
        "host": settings_dict["HOST"],
        "port": settings_dict["PORT"] or 5432,
        "user": settings_dict["USER"],
        "password": settings_dict["PASSWORD"],
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**admin) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        db.execute(f'CREATE DATABASE "{name}"')
    yield f"postgis://{credentials}@{server}/{name}"
    with psycopg.connect(**admin) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def admin_client(admin_user):
    """pytest-django's administrator client, past the second factor of the CMS."""
    client = Client()
    cms_login(client, admin_user)
    return client
