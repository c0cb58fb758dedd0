"""The visitor's address as the login rate limit sees it: behind a configured reverse proxy the
address that proxy reports, otherwise the connection's own. A client that is not a trusted proxy
cannot choose its address by sending X-Forwarded-For itself."""

from django.conf import settings


def client_ip(request) -> str | None:
    address = request.META.get("REMOTE_ADDR")
    if address not in settings.TRUSTED_PROXIES:
        return address
    # Proxies append the address they received from; read from the right, skipping our own.
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for hop in reversed(forwarded):
        if hop and hop not in settings.TRUSTED_PROXIES:
            return hop
    return address
