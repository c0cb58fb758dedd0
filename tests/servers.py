"""The portal served by processes of its own, as gunicorn's workers serve it: each with its own
memory, sharing only the database and the cache."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# A minimal site: the home page, one chapter and one theme (test data, not the vision's text).
MINIMAL_SITE = """
from wagtail.models import Page, Site
from visie.models import HomePage, HoofdstukPage, ThemaPage
home = Page.get_first_root_node().add_child(instance=HomePage(
    title="Testportaal", slug="start", ondertitel="Test", datum="1 januari 2026", ambitie="Test"))
Site.objects.update(root_page=home)
chapter = home.add_child(instance=HoofdstukPage(title="Hoofdstuk van de test", nummer="2"))
chapter.add_child(instance=ThemaPage(title="Eerste testthema", nummer="2.1"))
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment(database_url: str, cache_dir: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "assen.settings.test",
        "DATABASE_URL": database_url,
        "CACHE_DIR": str(cache_dir),
        "PAGE_CACHE": "on",
    }


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], str]:
    """Status, headers and text of a GET, whatever the status."""
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 - loopback only
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@contextmanager
def serving(env: dict[str, str]):
    """A portal process on a free port of its own (gunicorn with one sync worker, which keeps its
    database connection between requests); yields its address."""
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "assen.wsgi",
            "--workers",
            "1",
            "--bind",
            f"127.0.0.1:{port}",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    address = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert process.poll() is None, "the portal process stopped while starting"
                time.sleep(0.1)
        yield address
    finally:
        process.terminate()
        process.wait(timeout=10)
