"""The load script works: a short run against the live server serves every request of its mix,
with a slow client beside it, and no server error. The real run (`make load`) is 64 connections
for a minute against gunicorn; it measures and prints, this only proves the tool."""

import importlib.util
from pathlib import Path

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.echte_inhoud]

SCRIPT = Path(__file__).parents[1] / "scripts" / "load.py"


def load_script():
    spec = importlib.util.spec_from_file_location("load", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_short_load_run_serves_everything_without_server_errors(portal, capsys):
    load = load_script()
    results = load.run(portal, connections=4, seconds=3, slow=1)
    assert len(results.latencies) >= len(load.MIX)
    assert all(status < 500 for status in results.statuses)
    assert results.timeouts == 0 and results.errors == 0
    printed = capsys.readouterr().out
    assert "p99" in printed and "5xx:         0" in printed
