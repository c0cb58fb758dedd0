"""Backup and restore (`manage.py backup` / `restore`), on a database of the run's kind of its
own: what was backed up comes back, database and media; an archive of the other kind of
database or a broken one is refused, and the data stays as it was."""

import io
import json
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.db import connection

from .servers import MINIMAL_SITE, ROOT, environment, manage

pytestmark = pytest.mark.django_db

THEMES = "from visie.models import ThemaPage; "
COUNT_THEMES = THEMES + "print(sorted(ThemaPage.objects.values_list('title', flat=True)))"


@pytest.fixture
def portal_env(database_url, tmp_path):
    env = environment(database_url, tmp_path / "cache")
    env["MEDIA_ROOT"] = str(tmp_path / "media")
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "shell", "-c", MINIMAL_SITE)
    (tmp_path / "media" / "documents").mkdir(parents=True)
    (tmp_path / "media" / "documents" / "rapport.pdf").write_bytes(b"%PDF-1.7 versie 1")
    return env


def themes(env) -> str:
    return manage(env, "shell", "-v0", "-c", COUNT_THEMES).strip()


def test_a_backup_restores_database_and_media(portal_env, tmp_path):
    env, media = portal_env, Path(portal_env["MEDIA_ROOT"])
    before = themes(env)
    assert "Eerste testthema" in before
    archive = tmp_path / "reservekopie.tar.gz"
    assert "written" in manage(env, "backup", str(archive))

    manage(
        env, "shell", "-c", "from visie.models import ThemaPage; ThemaPage.objects.all().delete()"
    )
    (media / "documents" / "rapport.pdf").write_bytes(b"%PDF-1.7 overschreven")
    (media / "documents" / "nieuw.pdf").write_bytes(b"%PDF-1.7 later")
    assert themes(env) == "[]"

    assert "Restored" in manage(env, "restore", str(archive))
    assert themes(env) == before
    assert (media / "documents" / "rapport.pdf").read_bytes() == b"%PDF-1.7 versie 1"
    assert not (media / "documents" / "nieuw.pdf").exists()


def refused(env, archive) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", "restore", str(archive)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    return result.stderr


def test_a_foreign_or_broken_archive_is_refused_and_nothing_changes(portal_env, tmp_path):
    env = portal_env
    before = themes(env)
    archive = tmp_path / "reservekopie.tar.gz"
    manage(env, "backup", str(archive))

    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    foreign = tmp_path / "ander.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(foreign, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member) if member.isfile() else None
            if member.name == "manifest.json":
                manifest = json.loads(data.read())
                manifest["database"] = other
                content = json.dumps(manifest).encode()
                member.size = len(content)
                data = io.BytesIO(content)
            target.addfile(member, data)
    assert f"holds a {other} database" in refused(env, foreign)

    broken = tmp_path / "kapot.tar.gz"
    broken.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    assert "not a readable portal backup" in refused(env, broken)
    assert themes(env) == before
