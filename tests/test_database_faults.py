"""With PostgreSQL stopped, visitors get the Dutch 503 page (cached pages keep being served), and
the portal recovers by itself when the database returns: a cluster of the test's own, on a port of
its own, served by a gunicorn worker that is never restarted."""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import psycopg
import pytest
from django.db import OperationalError, connection

from assen.database_unavailable import DatabaseUnavailableMiddleware

from .servers import MINIMAL_SITE, environment, free_port, get, manage, serving

BINARIES = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))


@pytest.fixture
def cluster():
    """A PostgreSQL cluster in a temporary directory; yields (port, start, stop)."""
    if connection.vendor != "postgresql":
        pytest.skip("the database fault test runs on PostGIS")
    if not BINARIES:
        pytest.skip("no PostgreSQL server binaries under /usr/lib/postgresql")
    bin_dir = BINARIES[-1].parent
    # Outside pytest's own temporary directories, which only their owner may enter.
    home = Path(tempfile.mkdtemp(prefix="assen-pg-"))
    data = home / "pgdata"
    # PostgreSQL refuses to run as root; these machines run the tests as root.
    as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_owner:
        shutil.chown(home, "postgres")
    port = free_port()

    def run(*args: str) -> None:
        result = subprocess.run([*as_owner, *args], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr

    run(str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
    options = f"-p {port} -k {home} -c listen_addresses=127.0.0.1"

    def start() -> None:
        # The server logs to a file: a pipe would keep pg_ctl's output open as long as it runs.
        log = str(home / "postgresql.log")
        run(str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", log, "-w", "start")

    def stop() -> None:
        run(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")

    try:
        start()
        yield port, start, stop
    finally:
        subprocess.run(
            [*as_owner, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(home, ignore_errors=True)


def test_a_stopped_database_gives_the_dutch_503_page_and_the_portal_recovers(cluster, tmp_path):
    port, start, stop = cluster
    with psycopg.connect(host="127.0.0.1", port=port, user="postgres", autocommit=True) as db:
        db.execute("CREATE DATABASE assen_storing")
    env = environment(f"postgis://postgres@127.0.0.1:{port}/assen_storing", tmp_path / "cache")
    manage(env, "migrate", "--no-input", "-v0")  # creates the postgis extension too
    manage(env, "shell", "-c", MINIMAL_SITE)

    with serving(env) as portal:
        chapter = portal + "/hoofdstuk-van-de-test/"
        thema = "/hoofdstuk-van-de-test/eerste-testthema/"
        assert get(chapter)[0] == 200
        assert get(portal + "/leesversie/")[0] == 200
        # What a visitor who logged in sees is never cached, so it shows the fault.
        logged_in = {"Cookie": "sessionid=een-sessie"}

        stop()
        for cached in (chapter, portal + "/leesversie/"):
            status, headers, text = get(cached)
            assert status == 200, text
            assert headers["X-Cache"] == "HIT"
            assert "Eerste testthema" in text
        for path in ("/zoeken/?q=wonen", thema):
            status, headers, text = get(portal + path)
            assert status == 503, (path, text)
            assert "Tijdelijk niet beschikbaar" in text
            assert int(headers["Retry-After"]) > 0
            assert "no-store" in headers["Cache-Control"]
        status, _, text = get(chapter, headers=logged_in)
        assert status == 503
        assert "Tijdelijk niet beschikbaar" in text

        start()
        for path in ("/zoeken/?q=testthema", thema):
            status, _, text = get(portal + path)
            assert status == 200, (path, text)
            assert "Eerste testthema" in text
        assert get(chapter, headers=logged_in)[0] == 200

        # A restart between two requests leaves the worker a dead connection; the health check
        # replaces it before the first query, so not even one visitor sees the fault.
        stop()
        start()
        assert get(portal + "/zoeken/?q=opnieuw")[0] == 200  # not cached yet


@pytest.mark.django_db
def test_a_querys_own_error_is_a_bug_not_an_outage(rf):
    """While the database answers, an OperationalError is the query's (a syntax error, say):
    it must surface as the 500 it is, not hide behind 'tijdelijk niet beschikbaar'."""
    middleware = DatabaseUnavailableMiddleware(lambda request: None)
    connection.ensure_connection()
    assert middleware.process_exception(rf.get("/"), OperationalError("syntax error")) is None
