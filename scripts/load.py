"""Load test: many concurrent connections over a mix of public pages, and slow clients beside
them, against the portal on loopback. Prints requests per second, latency percentiles, server
errors and timeouts; it measures, it does not pass or fail.

    make load                                   # starts gunicorn as `make run` does, 64 x 60 s
    .venv/bin/python scripts/load.py --url http://127.0.0.1:8000 --connections 64 --seconds 60

Each connection is a thread with its own keep-alive HTTP connection, the way browsers behind one
office proxy arrive. The slow clients open connections and trickle a request byte by byte, as a
slowloris attack does; the figures show whether the others are still served meanwhile.
"""

import argparse
import http.client
import itertools
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
MIX = [
    "/",
    "/opgaven/?principe=1.2&thema=2.3",
    "/kaarten/visiekaart-assen-2040/",
    "/kaarten/visiekaart-assen-2040/geojson/",
    "/hier/?gebied=lariks",
    "/zoeken/?q=fiets",
]
TIMEOUT = 10  # seconds; a request that takes longer counts as timed out


class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.statuses: dict[int, int] = {}
        self.timeouts = 0
        self.errors = 0

    def add(self, status: int | None, seconds: float, timed_out=False, error=False):
        with self.lock:
            if timed_out:
                self.timeouts += 1
            elif error:
                self.errors += 1
            else:
                self.latencies.append(seconds)
                self.statuses[status] = self.statuses.get(status, 0) + 1


def worker(host, port, paths, deadline, results):
    connection = http.client.HTTPConnection(host, port, timeout=TIMEOUT)
    for path in paths:
        if time.monotonic() >= deadline:
            break
        started = time.monotonic()
        try:
            connection.request("GET", path, headers={"Accept-Encoding": "gzip, br"})
            response = connection.getresponse()
            response.read()
            results.add(response.status, time.monotonic() - started)
        except TimeoutError:
            results.add(None, 0, timed_out=True)
            connection.close()
        except (OSError, http.client.HTTPException):
            results.add(None, 0, error=True)
            connection.close()


def slow_client(host, port, deadline):
    """Sends a request one byte a second and never finishes it before the deadline."""
    request = b"GET / HTTP/1.1\r\nHost: " + host.encode() + b"\r\nX-Langzaam: " + b"a" * 10_000
    try:
        with socket.create_connection((host, port), timeout=TIMEOUT) as sock:
            for byte in request:
                if time.monotonic() >= deadline:
                    return
                sock.send(bytes([byte]))
                time.sleep(1)
    except OSError:
        pass  # the server may drop it: that is the point


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0


def run(url: str, connections: int, seconds: float, slow: int) -> Results:
    parts = urlsplit(url)
    host, port = parts.hostname, parts.port or 80
    deadline = time.monotonic() + seconds
    results = Results()
    threads = [
        threading.Thread(target=slow_client, args=(host, port, deadline), daemon=True)
        for _ in range(slow)
    ]
    threads += [
        threading.Thread(
            target=worker,
            args=(host, port, itertools.islice(itertools.cycle(MIX), n, None), deadline, results),
        )
        for n in range(connections)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads[slow:]:
        thread.join()
    elapsed = time.monotonic() - started
    done = len(results.latencies)
    server_errors = sum(n for status, n in results.statuses.items() if status >= 500)
    print(f"{connections} connections, {slow} slow clients, {elapsed:.0f} s against {url}")
    print(f"  requests:    {done} ({done / elapsed:.1f}/s)")
    print(f"  statuses:    {dict(sorted(results.statuses.items()))}")
    print(f"  5xx:         {server_errors}")
    print(f"  timeouts:    {results.timeouts} (over {TIMEOUT} s)")
    print(f"  conn errors: {results.errors}")
    for name, fraction in [("p50", 0.5), ("p95", 0.95), ("p99", 0.99)]:
        print(f"  {name}:         {percentile(results.latencies, fraction) * 1000:.0f} ms")
    if results.latencies:
        print(f"  mean:        {statistics.mean(results.latencies) * 1000:.0f} ms")
    return results


def serve(port: int) -> subprocess.Popen:
    """gunicorn as `make run` starts it, on this machine's content."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "assen.settings.local"}
    env["GUNICORN_BIND"] = f"127.0.0.1:{port}"
    server = subprocess.Popen(  # noqa: S603 - our own gunicorn, our own arguments
        [str(ROOT / ".venv/bin/gunicorn"), "assen.wsgi", "-c", "gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit(f"gunicorn did not start on port {port}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running portal; without it, gunicorn is started")
    parser.add_argument("--port", type=int, default=8765, help="port for the started gunicorn")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--slow", type=int, default=4, help="slow clients beside the load")
    args = parser.parse_args()
    server = None if args.url else serve(args.port)
    try:
        url = args.url or f"http://127.0.0.1:{args.port}"
        results = run(url, args.connections, args.seconds, args.slow)
    finally:
        if server:
            server.terminate()
            server.wait(timeout=30)
    sys.exit(0 if results.latencies else 1)


if __name__ == "__main__":
    main()
