"""A Dutch 503 page instead of a bare 500 while the database cannot be reached.

The page is rendered without the request's context processors, which query the database. Once the
database answers again, the connection health checks (CONN_HEALTH_CHECKS) replace the broken
connection at the next request, so the portal recovers without a restart.
"""

import logging

from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 30


def _still_answers() -> bool:
    """Whether the database answers a trivial query now. SQLite is a file: when it fails, it
    is the query, never an unreachable server."""
    if connection.vendor == "sqlite":
        return True
    return connection.connection is not None and connection.is_usable()


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError) or _still_answers():
            return None  # not an outage: a query's own error, which must show as the bug it is
        logger.error("Database unavailable, answering 503: %s", exception, exc_info=exception)
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        add_never_cache_headers(response)
        return response
