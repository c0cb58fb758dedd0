"""The security headers that Django's SecurityMiddleware does not set: a Content-Security-Policy
without 'unsafe-inline' (scripts and styles come only from our own static files; the maps' colours
are SVG attributes and Leaflet styles through the DOM, which the policy allows) and a
Permissions-Policy that leaves the browser only what the portal uses (the location, for
"Gebruik mijn locatie" on Wat speelt er hier?)."""

from django.conf import settings


def content_security_policy(admin: bool) -> str:
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *settings.CSP_IMAGE_HOSTS],
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
    if admin:
        directives.update(settings.CSP_ADMIN_EXTRA)
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


PERMISSIONS_POLICY = ", ".join(
    [
        "geolocation=(self)",
        "camera=()",
        "microphone=()",
        "payment=()",
        "usb=()",
        "serial=()",
        "bluetooth=()",
        "magnetometer=()",
        "gyroscope=()",
        "accelerometer=()",
        "browsing-topics=()",
    ]
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.public_policy = content_security_policy(admin=False)
        self.admin_policy = content_security_policy(admin=True)

    def __call__(self, request):
        response = self.get_response(request)
        admin = request.path.startswith(settings.CSP_ADMIN_PREFIX)
        response.setdefault(
            "Content-Security-Policy", self.admin_policy if admin else self.public_policy
        )
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
