"""gunicorn as `make run` and the load script use it. Threaded workers: a client that sends or
reads slowly holds one thread, not a whole worker, so a few slow clients cannot starve the
portal (in production a buffering proxy in front does the rest: deploy/nginx.conf)."""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
# No request may hold a thread for long: the slowest page renders in well under a second.
timeout = 30
graceful_timeout = 10
keepalive = 5
limit_request_line = 8190
limit_request_fields = 100
accesslog = "-"
