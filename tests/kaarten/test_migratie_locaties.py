"""The migration to shared Locaties (kaarten 0004-0006) on the real maps, in a database of its
own (migrating the shared test database would disturb every other test): the maps are written
in their old shape, a geometry per entry, then migrated. Every entry keeps its map, layer, name,
geometry, indicativeness and provenance line, entries that took a gebied's outline share the
gebied's Locatie, and each geometry is one Locatie."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def manage(database: Path, *args: str) -> str:
    env = {
        **os.environ,
        "DATABASE_URL": f"spatialite:///{database}",
        "DJANGO_SETTINGS_MODULE": "assen.settings.test",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def run(database: Path, function: str) -> str:
    """A function of tests/kaarten/oude_kaarten.py, and the last line it printed."""
    code = f"from tests.kaarten.oude_kaarten import {function}; {function}()"
    lines = manage(database, "shell", "-c", code).strip().splitlines()
    return lines[-1] if lines else ""


@pytest.mark.skipif(connection.vendor != "sqlite", reason="one database is enough for this")
def test_every_entry_keeps_its_place_and_provenance_and_each_place_is_one_locatie(tmp_path):
    database = tmp_path / "migratie.sqlite3"
    manage(database, "migrate", "--no-input", "--verbosity", "0")
    manage(database, "migrate", "kaarten", "0003", "--no-input", "--verbosity", "0")
    run(database, "vul_oud")
    before = json.loads(run(database, "oud"))
    manage(database, "migrate", "--no-input", "--verbosity", "0")
    after = json.loads(run(database, "nieuw"))

    assert len(before) == len(after["objecten"]) == 213
    for old, new in zip(before, after["objecten"], strict=True):
        kaart, laag, naam, wkt, herkomst, indicatief, gebied = old
        assert new[:4] == [kaart, laag, naam, wkt]
        assert herkomst in new[4]
        if gebied:
            # The outline of a gebied: several may share it (the Lariks wijk and focus area),
            # and whether the area is indicative is the gebied's (test_gebieden).
            assert gebied in new[6]
        else:
            assert new[5] == indicatief
    # Each geometry is drawn once, and the entries drawn alike share it.
    assert len(set(after["geometrieen"])) == len(after["geometrieen"])
    by_geometry = {}
    for new in after["objecten"]:
        by_geometry.setdefault(new[3], set()).add(new[7])
    assert all(len(ids) == 1 for ids in by_geometry.values())
