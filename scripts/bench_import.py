"""Benchmark of the geodata import: generates a GeoPackage of N features in RD New around Assen
(points or squares into a new map layer, squares as gebieden) and imports it into the database that
DATABASE_URL names, which must be migrated. Prints features per second; everything it stores is
rolled back, so it leaves the database as it was.

    DATABASE_URL=spatialite:///$PWD/db.sqlite3 .venv/bin/python scripts/bench_import.py 20000
    .venv/bin/python scripts/bench_import.py 5000 --profile   # and the 25 costliest calls
"""

import argparse
import cProfile
import json
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "assen.settings.dev")
django.setup()

from django.db import connection, transaction  # noqa: E402

from kaarten.importer import Target, import_layer, open_layer  # noqa: E402
from kaarten.models import Kaart, Kaartlaag  # noqa: E402

DOELEN = ["punt", "vlak", "gebied"]


def write_geopackage(path: Path, count: int, vorm: str) -> None:
    """`count` features on a grid of 50 m around Assen, points or squares of 30 m, written as
    GeoJSON and turned into a GeoPackage by ogr2ogr, as a GIS would deliver them."""
    side = int(count**0.5) + 1
    features = []
    for number in range(count):
        x, y = 230000 + 50 * (number % side), 554000 + 50 * (number // side)
        if vorm == "punt":
            geometry = {"type": "Point", "coordinates": [x, y]}
        else:
            ring = [[x, y], [x + 30, y], [x + 30, y + 30], [x, y + 30], [x, y]]
            geometry = {"type": "Polygon", "coordinates": [ring]}
        features.append(
            {"type": "Feature", "properties": {"naam": f"Bench {number}"}, "geometry": geometry}
        )
    source = path.with_suffix(".geojson")
    crs = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}}
    source.write_text(json.dumps({"type": "FeatureCollection", "crs": crs, "features": features}))
    command = ["/usr/bin/ogr2ogr", "-f", "GPKG", str(path), str(source)]
    subprocess.run(command, check=True)  # noqa: S603 - our own files in our own folder


def bench(count: int, doel: str, profile: bool) -> float:
    vorm = "punt" if doel == "punt" else "vlak"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"bench_{vorm}.gpkg"
        write_geopackage(path, count, vorm)
        with transaction.atomic():
            if doel == "gebied":
                target = Target(gebied_soort="plek", herkomst="bench")
            else:
                kaart = Kaart.objects.create(titel="Bench", slug="bench-import", bron="bench")
                target = Target(
                    laag=Kaartlaag.objects.create(
                        kaart=kaart, label="Bench", kleur="#1b5e20", vorm=vorm
                    ),
                    herkomst="bench",
                )
            profiler = cProfile.Profile() if profile else None
            started = time.perf_counter()
            if profiler:
                profiler.enable()
            report = import_layer(open_layer(str(path)), target, "naam")
            if profiler:
                profiler.disable()
            seconds = time.perf_counter() - started
            if len(report.created) != count:
                raise SystemExit(f"Imported {len(report.created)} of {count} features.")
            transaction.set_rollback(True)
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=20_000)
    parser.add_argument(
        "--doel",
        choices=DOELEN,
        action="append",
        help="points or squares into a new map layer, or squares as gebieden (default: all)",
    )
    parser.add_argument("--profile", action="store_true", help="print a cProfile of the import")
    options = parser.parse_args()
    database = f"{connection.vendor} ({connection.settings_dict['NAME']})"
    for doel in options.doel or DOELEN:
        seconds = bench(options.count, doel, options.profile)
        print(
            f"{database}: {options.count} features ({doel}) in {seconds:.1f} s, "
            f"{options.count / seconds:.0f} features/s, "
            f"{1000 * seconds / options.count:.2f} ms each"
        )


if __name__ == "__main__":
    main()
