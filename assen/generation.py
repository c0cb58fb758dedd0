"""The generation of the published content: one value in the shared cache that changes whenever
anything the public site shows is published, unpublished, moved, deleted or stored live.

Whatever is cached from the content (public pages, GeoJSON, the outline) is keyed by it, so one
change retires all of it in every worker at once, however many pages an opgave or a place appears
on; purging exact URLs could never be complete (see docs/decisions.md).
"""

import threading
from uuid import uuid4

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Site
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

KEY = "inhoud:generatie"
# How long something built from one generation is kept: a later generation never reads it, so
# this only bounds what stale entries cost the cache.
TIMEOUT = 60 * 60 * 24
# The apps whose models the public site shows; Wagtail's pages and sites besides.
PUBLIC_APPS = {"visie", "opgaven", "kaarten", "herzieningen"}

# Whether this thread has read the generation since it last changed it: a loader saving
# thousands of rows in one transaction then changes it once, not once per row.
_state = threading.local()


def current() -> str:
    _state.read = True
    value = cache.get(KEY)
    if value is None:
        cache.add(KEY, uuid4().hex, timeout=None)
        value = cache.get(KEY)  # another worker may have added its value first
    return value


def key(name: str) -> str:
    """A cache key for something built from the content as it is now."""
    return f"{name}:{current()}"


def bump() -> None:
    _state.read = False
    cache.set(KEY, uuid4().hex, timeout=None)


def _changed(**kwargs) -> None:
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        bump()
        return
    # Within a transaction only this thread's connection sees the change: bump now if the thread
    # may have cached the old state since the last bump (a test, a view that publishes and
    # renders)...
    if getattr(_state, "read", True):
        bump()
    # ... and once more after the commit, which retires whatever other workers cached from the
    # old rows meanwhile.
    if not any(callback is bump for _, callback, _ in connection.run_on_commit):
        transaction.on_commit(bump)


def _stored(sender, **kwargs) -> None:
    if issubclass(sender, Page | Site) or sender._meta.app_label in PUBLIC_APPS:
        _changed()


def connect() -> None:
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(_changed, dispatch_uid="assen.generation")
    # Drafts are saved too, which purges more than needed; but whatever a test, a loader or an
    # editor stores live without publishing is never served stale.
    post_save.connect(_stored, dispatch_uid="assen.generation")
    post_delete.connect(_stored, dispatch_uid="assen.generation")
