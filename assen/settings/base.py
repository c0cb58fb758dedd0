"""Settings shared by every environment. The environment is read here and nowhere else."""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# Empty here on purpose: dev and test set a throwaway key, production demands one.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "assen",  # the content generation that purges the caches (assen/generation.py)
    "visie",
    "opgaven",
    "kaarten",
    "herzieningen",
    "wagtail.contrib.routable_page",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "leaflet",
    "axes",
    # The second factor of CMS logins (assen/tweestaps.py).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.gis",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # CSP and Permissions-Policy on every answer, cached ones and static files included.
    "assen.security_headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Caching and database faults: cached public pages are served before anything touches the
    # database; a database that cannot be reached gets the Dutch 503 page.
    "assen.page_cache.PageCacheMiddleware",
    "assen.database_unavailable.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "assen.sites.CachedSiteMiddleware",
    "assen.error_pages.MethodNotAllowedPageMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "assen.tweestaps.TweestapsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # ?peildatum=: the vision on another date, carried into every link of the page.
    "herzieningen.peildatum.PeildatumMiddleware",
    # Last, as django-axes asks: it turns locked-out logins into a 429 page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # Rate limiting of CMS logins: first, so a locked-out user never reaches the password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# The name authenticator apps show beside the code.
OTP_TOTP_ISSUER = "Omgevingsvisie Assen"

AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
# A lockout holds for one user name from one address together: five wrong passwords from anyone
# must not lock an editor out everywhere, nor one address lock out every user.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "assen.client_ip.client_ip"
AXES_LOCKOUT_TEMPLATE = "429.html"
# The reverse proxies whose X-Forwarded-For is believed (comma separated addresses).
TRUSTED_PROXIES = {
    a.strip() for a in os.environ.get("DJANGO_TRUSTED_PROXIES", "").split(",") if a.strip()
}

ROOT_URLCONF = "assen.urls"
WSGI_APPLICATION = "assen.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "visie.context_processors.navigatie",
                "opgaven.context_processors.register",
                "herzieningen.peildatum.peildatum",
            ],
        },
    },
]

# SpatiaLite in a file next to the code unless DATABASE_URL names another database
# (postgis://user@host:5432/name in production and CI).
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"spatialite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        # A connection broken while the database was away is replaced at the next request.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("postgis"):
    # PostgreSQL's JIT compiles a page's few-millisecond queries for some 20 ms more (the
    # coverage view at 100x the content): a portal's queries never gain from it.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caching: one cache every worker shares. Redis where configured; otherwise files on this
# machine (no setup step, and it keeps serving cached pages while the database is away).
CACHE_DIR = os.environ.get("CACHE_DIR", "")
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": CACHE_DIR or str(BASE_DIR / ".cache"),
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }
# Public pages and GeoJSON from that cache (assen/page_cache.py): kept until the content changes
# (at most a day), and by browsers and proxies for a minute, which no purge can reach.
PAGE_CACHE_ENABLED = os.environ.get("PAGE_CACHE", "on") != "off"
PAGE_CACHE_TIMEOUT = 60 * 60 * 24
PAGE_CACHE_MAX_AGE = 60
PAGE_CACHE_EXCLUDED_PATHS = ("/cms/", "/documenten/")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Wagtail
WAGTAIL_SITE_NAME = "Omgevingsvisie Assen"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# The CMS speaks Dutch; English stays selectable for operators.
# No calls out from the CMS: staff avatars are not fetched from Gravatar (which would send a hash
# of their e-mail address to a third party), and no check for new Wagtail releases.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        # Dutch stemming on PostgreSQL; SQLite's FTS5 has no Dutch stemmer and ignores this.
        "SEARCH_CONFIG": "dutch",
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "pdf", "xlsx", "geojson", "gpkg", "zip"]
# Uploads (assen/uploads.py): images without their metadata, documents checked by content, both
# bounded in size; only PDFs open in the browser, everything else is a download.
WAGTAILIMAGES_IMAGE_FORM_BASE = "assen.uploads.AfbeeldingForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "assen.uploads.DocumentForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]

# Geodata: stored in RD New, the Dutch grid the municipality's GIS uses; served as WGS84 (RFC 7946).
SRID = 28992
API_SRID = 4326
# The most vertices an imported feature may have: SpatiaLite's WKT parser gives up between 400,000
# and 500,000 (the geometry is then lost), so this keeps a wide margin on both databases.
GEODATA_MAX_VERTICES = 100_000
# Bounding box of the municipality of Assen in WGS84 (west, south, east, north).
ASSEN_EXTENT = (6.48, 52.93, 6.64, 53.07)
# Debian 12 ships GDAL 3.6, which cannot sandbox file and network access while parsing spatial
# references; only staff import geodata, from files they chose, so the warning is accepted.
SILENCED_SYSTEM_CHECKS = ["gis.W001"]
LEAFLET_CONFIG = {
    "MIN_ZOOM": 9,
    "MAX_ZOOM": 18,
    "RESET_VIEW": False,
    # Every map opens on the whole municipality (west, south, east, north in WGS84).
    "SPATIAL_EXTENT": ASSEN_EXTENT,
    "TILES": [
        (
            "BRT-Achtergrondkaart",
            os.environ.get(
                "BACKGROUND_TILES_URL",
                "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png",
            ),
            {"attribution": "Kaartgegevens &copy; Kadaster"},
        )
    ],
}

# Content-Security-Policy (assen/security_headers.py): images also from the background tile hosts.
CSP_IMAGE_HOSTS = sorted(
    {"https://" + url.split("/")[2] for _name, url, _attrs in LEAFLET_CONFIG["TILES"]}
)
CSP_ADMIN_PREFIX = "/cms/"
# Wagtail 8's CMS writes inline scripts (listings, inline panels) and its editor inline styles,
# so behind the login, and there only, the policy allows them (docs/decisions.md).
CSP_ADMIN_EXTRA = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
}

# Address search on "Wat speelt er hier?" asks PDOK from the server; empty switches it off
# (a machine without internet), and the page then offers only wijken, names and the map.
LOCATIESERVER_URL = os.environ.get(
    "LOCATIESERVER_URL", "https://api.pdok.nl/bzk/locatieserver/search/v3_1/free"
)
# Seconds a resident waits for PDOK before the page answers without the address search.
LOCATIESERVER_TIMEOUT = float(os.environ.get("LOCATIESERVER_TIMEOUT", "3"))

# E-mail (password resets, workflow notifications): printed to the log unless an SMTP server is
# configured (README).
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "0") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "omgevingsvisie@assen.nl")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Uploaded media is served by Django only where no web server in front does it (`make run`).
SERVE_MEDIA = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
