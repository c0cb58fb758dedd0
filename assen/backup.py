"""A backup of the portal in one file: the database (SQLite's online backup, or pg_dump's custom
format, each a consistent snapshot) with the uploaded media and a manifest, and its restore,
which checks the whole archive before it touches anything."""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

from . import generation

FORMAT = 1
DUMPS = {"sqlite": "database.sqlite3", "postgresql": "database.dump"}


class BackupError(Exception):
    """What an operator reads when an archive cannot be made or restored."""


def _pg_args() -> tuple[list[str], dict[str, str]]:
    db = connection.settings_dict
    args = ["-h", db["HOST"] or "localhost", "-p", str(db["PORT"] or 5432), "-U", db["USER"]]
    return args + ["-d", db["NAME"]], {**os.environ, "PGPASSWORD": db["PASSWORD"] or ""}


def _run(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def _extract(archive: tarfile.TarFile, work: Path) -> None:
    """Only plain files and folders, and only below `work` (Debian's Python 3.11 predates
    tarfile's extraction filters)."""
    for member in archive.getmembers():
        path = (work / member.name).resolve()
        if not (member.isfile() or member.isdir()) or not path.is_relative_to(work.resolve()):
            raise BackupError(f"The archive holds an unsafe entry: {member.name}")
    archive.extractall(work)  # noqa: S202 - every member was checked above


def make_backup(target: Path) -> dict:
    engine = connection.vendor
    if engine not in DUMPS:
        raise BackupError(f"Backups support SQLite/SpatiaLite and PostgreSQL, not {engine}.")
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / DUMPS[engine]
        if engine == "sqlite":
            connection.ensure_connection()
            with sqlite3.connect(dump) as copy:
                connection.connection.backup(copy)
        else:
            args, env = _pg_args()
            _run(["pg_dump", "--format=custom", "--no-owner", "-f", str(dump), *args], env)
        manifest = {
            "formaat": FORMAT,
            "database": engine,
            "gemaakt": timezone.now().isoformat(),
            "media": Path(settings.MEDIA_ROOT).is_dir(),
        }
        (Path(work) / "manifest.json").write_text(json.dumps(manifest, indent=2))
        partial = target.with_name(target.name + ".deel")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(Path(work) / "manifest.json", "manifest.json")
            archive.add(dump, dump.name)
            if manifest["media"]:
                archive.add(settings.MEDIA_ROOT, "media")
        partial.replace(target)  # a broken run never leaves a half archive under the real name
    return manifest


def restore_backup(source: Path) -> dict:
    engine = connection.vendor
    with tempfile.TemporaryDirectory() as work:
        try:
            with tarfile.open(source, "r:gz") as archive:
                _extract(archive, Path(work))
            manifest = json.loads((Path(work) / "manifest.json").read_text())
        except (OSError, EOFError, tarfile.TarError, ValueError, KeyError) as error:
            raise BackupError(f"{source} is not a readable portal backup: {error}") from error
        if manifest.get("formaat") != FORMAT or manifest.get("database") not in DUMPS:
            raise BackupError(f"{source} is not a portal backup of a known format.")
        if manifest["database"] != engine:
            raise BackupError(
                f"{source} holds a {manifest['database']} database; this portal runs on {engine}."
            )
        dump = Path(work) / DUMPS[engine]
        if not dump.is_file():
            raise BackupError(f"{source} lacks its database dump.")
        if engine == "sqlite":
            try:
                with sqlite3.connect(f"file:{dump}?mode=ro", uri=True) as copy:
                    copy.execute("PRAGMA integrity_check").fetchone()
                    connection.ensure_connection()
                    copy.backup(connection.connection)
            except sqlite3.DatabaseError as error:
                raise BackupError(f"{source} holds a broken database: {error}") from error
        else:
            args, env = _pg_args()
            # One transaction: a dump that fails halfway leaves the database as it was.
            _run(
                [
                    "pg_restore",
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--single-transaction",
                    "--exit-on-error",
                    *args,
                    str(dump),
                ],
                env,
            )
        media = Path(work) / "media"
        if media.is_dir():
            target = Path(settings.MEDIA_ROOT)
            old = target.with_name(target.name + ".voor-herstel")
            shutil.rmtree(old, ignore_errors=True)
            if target.exists():
                target.rename(old)
            shutil.move(str(media), target)
            shutil.rmtree(old, ignore_errors=True)
    connection.close()  # the next query sees the restored database, not a cached state
    generation.bump()  # and no cached page shows the old content
    return manifest
