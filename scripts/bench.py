"""Benchmark: the real Assen content at 1x, then grown to 10x and 100x (opgaven with all their
links, map entries on places of their own), with per page type the SQL queries, median and p95
render time uncached, response bytes; then requests per second under gunicorn, cached, next to
a static file of the same server in the same run. It prints figures, it does not pass or fail.

    make bench                                   # SpatiaLite in .bench.sqlite3, 1x 10x 100x
    make bench SCALES=1 RUNS=3                   # the CI smoke test
    DATABASE_URL=postgis://postgres:postgres@127.0.0.1:5432/assen_bench make bench

The database is the benchmark's own and is emptied first: never point it at real content.
"""

import argparse
import gzip
import os
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_DB = ROOT / ".bench.sqlite3"
os.environ.setdefault("DATABASE_URL", f"spatialite:///{BENCH_DB}")
os.environ["DJANGO_SETTINGS_MODULE"] = "assen.settings.local"
# The benchmark's own cache, so it neither reads nor fills the one `make run` uses.
os.environ.setdefault("CACHE_DIR", str(ROOT / ".cache" / "bench"))
os.environ["DJANGO_ALLOWED_HOSTS"] = "127.0.0.1,localhost,testserver"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from scripts.load import serve  # noqa: E402


def page_types() -> list[tuple[str, str]]:
    """(name, URL) per kind of public page, found in the loaded content."""
    from kaarten.models import Gebied, Kaart
    from opgaven.models import OpgavenRegisterPage, OpgavePage
    from visie.models import (
        FocusgebiedPage,
        HoofdstukPage,
        PrincipePage,
        SectiePage,
        SpoorPage,
        ThemaPage,
        UitwerkingPage,
    )

    register = OpgavenRegisterPage.objects.get().url
    # The Visiekaart itself, the largest map (not the first in order, a principle's map).
    visiekaart = Kaart.objects.get(slug="visiekaart-assen-2040")
    lariks = Gebied.objects.get(slug="wijk-lariks")
    return [
        ("home", "/"),
        ("hoofdstuk", HoofdstukPage.objects.order_by("path").first().url),
        ("sectie", SectiePage.objects.order_by("path").first().url),
        ("principe", PrincipePage.objects.order_by("path").first().url),
        ("spoor", SpoorPage.objects.order_by("path").first().url),
        ("thema", ThemaPage.objects.order_by("path").first().url),
        ("focusgebied", FocusgebiedPage.objects.get(slug="lariks").url),
        ("uitwerking", UitwerkingPage.objects.order_by("path").first().url),
        ("opgave", OpgavePage.objects.order_by("path").first().url),
        ("register", register),
        ("register gefilterd", f"{register}?principe=1.2&thema=2.3"),
        ("matrix", f"{register}matrix/"),
        ("dekking", f"{register}dekking/"),
        ("export csv", f"{register}export/csv/"),
        ("export xlsx", f"{register}export/xlsx/"),
        ("kaarten", "/kaarten/"),
        ("kaartpagina", f"/kaarten/{visiekaart.slug}/"),
        ("geojson", f"/kaarten/{visiekaart.slug}/geojson/"),
        ("geojson bbox", f"/kaarten/{visiekaart.slug}/geojson/?bbox=6.55,52.98,6.57,53.0"),
        ("hier", f"/hier/?gebied={lariks.slug}"),
        ("hier punt", "/hier/?lat=52.99&lon=6.56"),
        ("zoeken", "/zoeken/?q=fiets"),
        ("leesversie", "/leesversie/"),
    ]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


@override_settings(PAGE_CACHE_ENABLED=False)
def measure(runs: int) -> list[tuple]:
    client = Client()
    rows = []
    for name, url in page_types():
        response = client.get(url)  # warm what every served page has warm (the outline)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        query_count = len(queries)  # now: the next request empties the log
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - started)
        body = response.content
        rows.append(
            (
                name,
                response.status_code,
                query_count,
                statistics.median(times) * 1000,
                percentile(times, 0.95) * 1000,
                len(body),
                len(gzip.compress(body, 6)),
            )
        )
    return rows


# The targets of issue 11 for every public page; a figure that misses one is marked with "!".
MAX_QUERIES = 12
MAX_HTML_BYTES = 300_000
MAX_MEDIAN_MS = 100
MAX_GEOJSON_GZIP = 100_000
MAX_BBOX_MS = 50


def misses(name: str, queries: int, median: float, size: int, zipped: int) -> set[str]:
    missed = set()
    if queries > MAX_QUERIES:
        missed.add("sql")
    if name.startswith("geojson"):
        if zipped > MAX_GEOJSON_GZIP:
            missed.add("gzip")
        if "bbox" in name and median > MAX_BBOX_MS:
            missed.add("ms")
    elif not name.startswith("export"):
        if size > MAX_HTML_BYTES:
            missed.add("bytes")
        if median > MAX_MEDIAN_MS:
            missed.add("ms")
    return missed


def print_table(scale: int, counts: dict, rows: list[tuple]) -> None:
    print(f"\n== {scale}x: {counts['opgaven']} opgaven, {counts['kaartobjecten']} kaartobjecten ==")
    print(
        f"{'pagina':<20} {'status':>6} {'SQL':>5} {'median ms':>10} {'p95 ms':>8} "
        f"{'bytes':>11} {'gzip':>9}"
    )
    for name, status, queries, median, p95, size, zipped in rows:
        missed = misses(name, queries, median, size, zipped)

        def mark(key, missed=missed):
            return "!" if key in missed else " "

        print(
            f"{name:<20} {status:>6} {queries:>4}{mark('sql')} {median:>9.1f}{mark('ms')} "
            f"{p95:>8.1f} {size:>10,}{mark('bytes')} {zipped:>8,}{mark('gzip')}"
        )
    print(
        f"targets: SQL <= {MAX_QUERIES}; HTML < {MAX_HTML_BYTES // 1000} KB and median < "
        f"{MAX_MEDIAN_MS} ms; GeoJSON <= {MAX_GEOJSON_GZIP // 1000} KB gzipped; bbox <= "
        f"{MAX_BBOX_MS} ms; a miss is marked !"
    )


def throughput(base: str, path: str, seconds: float, threads: int = 8) -> float:
    """Requests per second on keep-alive connections, as load.py's workers make them."""
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(base)
    done = []

    def worker():
        count = 0
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        while time.monotonic() < deadline:
            try:
                conn.request("GET", path, headers={"Accept-Encoding": "br, gzip"})
                response = conn.getresponse()
                response.read()
            except OSError:
                conn.close()
                continue
            count += response.status == 200
        done.append(count)

    warm = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    warm.request("GET", path)  # the figure is for a warm cache: the first request fills it
    warm.getresponse().read()
    deadline = time.monotonic() + seconds
    pool = [threading.Thread(target=worker) for _ in range(threads)]
    started = time.monotonic()
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return sum(done) / (time.monotonic() - started)


def cached_against_static(seconds: float) -> None:
    from django.contrib.staticfiles.storage import staticfiles_storage

    static = staticfiles_storage.url("css/portaal.css")
    server = serve(8766)
    try:
        base = "http://127.0.0.1:8766"
        print(f"\n== gunicorn, cached, {seconds:.0f} s each, 8 connections ==")
        static_rate = throughput(base, static, seconds)
        print(f"{'static file':<28} {static_rate:>9.0f} req/s")
        for name, path in [("home", "/"), ("geojson", page_types()[17][1])]:
            rate = throughput(base, path, seconds)
            ratio = f"{rate / static_rate:.2f}x static" if static_rate else "(no static figure)"
            print(f"{name + ' (cached)':<28} {rate:>9.0f} req/s   {ratio}")
    finally:
        server.terminate()
        server.wait(timeout=30)


def load_content() -> None:
    if connection.vendor == "sqlite":
        connection.close()
        BENCH_DB.unlink(missing_ok=True)
    else:
        call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", interactive=False, verbosity=0)
    for command in [
        "load_gebieden",
        "load_content",
        "load_opgaven",
        "load_kaarten",
        "load_herzieningen",
    ]:
        call_command(command, verbosity=0)


def settled() -> None:
    """After growing in bulk: a new content generation, so what was cached from the smaller
    content (the outline, which area holds which places) is built anew, and fresh planner
    statistics on PostgreSQL, whose autovacuum would gather them only later."""
    from assen import generation

    generation.bump()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,10,100", help="multiples of the real content")
    parser.add_argument("--runs", type=int, default=10, help="renders per page for the times")
    parser.add_argument("--seconds", type=float, default=5, help="per throughput measurement")
    args = parser.parse_args()
    scales = sorted(int(scale) for scale in args.scales.split(","))

    from kaarten.models import Kaartobject
    from opgaven.models import OpgavePage
    from tests.factories import groei

    call_command("collectstatic", interactive=False, verbosity=0)
    print(f"Database: {connection.vendor} ({connection.settings_dict['NAME']})")
    started = time.monotonic()
    load_content()
    print(f"Assen content loaded in {time.monotonic() - started:.0f} s")
    grown = 1
    for scale in scales:
        if scale > grown:
            started = time.monotonic()
            groei(scale, start=grown)
            grown = scale
            settled()
            print(f"\ngrown to {scale}x in {time.monotonic() - started:.0f} s")
        counts = {
            "opgaven": OpgavePage.objects.count(),
            "kaartobjecten": Kaartobject.objects.count(),
        }
        print_table(scale, counts, measure(args.runs))
    cached_against_static(args.seconds)


if __name__ == "__main__":
    main()
