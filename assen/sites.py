"""The Wagtail site of a request, with its home page, from the shared cache."""

from django.core.cache import cache
from django.http.request import split_domain_port
from wagtail.models import Site

from . import generation


class CachedSiteMiddleware:
    """Wagtail looks up the site of every request and then reads its home page, two queries
    for what changes only when a site or the home page is edited. Both come from the shared
    cache here, keyed by the content generation and by host and port as Wagtail matches them;
    Wagtail takes a site already found from `request._wagtail_site` (Site.find_for_request).
    The CMS looks its sites up itself, so an editor never works on a cached copy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/cms/"):
            hostname = split_domain_port(request._get_raw_host())[0]
            key = generation.key(f"site:{hostname}:{request.get_port()}")
            site = cache.get(key)
            if site is None:
                site = Site.find_for_request(request)
                if site is not None:
                    site.root_page = site.root_page.specific
                    cache.set(key, site, timeout=generation.TIMEOUT)
            request._wagtail_site = site
        return self.get_response(request)
