"""Settings for Don't Look Away, read from the environment.

Safe by default: DEBUG is off unless asked for, and outside development and tests the site refuses to
start without a real SECRET_KEY and ALLOWED_HOSTS.
"""

import os
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from lib.env import env_bool, env_int, env_list, env_str
from lib.languages import self_name

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", False)
# pytest sets DJANGO_TESTING; tests run with DEBUG off, like production.
TESTING = env_bool("DJANGO_TESTING", False) or "pytest" in sys.modules
RELAXED = DEBUG or TESTING

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not RELAXED:
        raise ImproperlyConfigured("Set SECRET_KEY (or SECRET_KEY_FILE) to a long random value.")
    SECRET_KEY = "development-only-key-never-used-in-production-0123456789abcdef"  # noqa: S105 - dev/test only

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ("127.0.0.1", "localhost") if RELAXED else ())
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS to the site's host names, separated by commas.")

INSTALLED_APPS = [
    "maintainers.apps.BackOfficeAdminConfig",  # django.contrib.admin, with the two-factor sign-in
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "simple_history",
    "axes",
    "directory",
    "guide",
    "corrections",
    "api",
    "partners",
    "content",
    "maintainers",
]

MIDDLEWARE = [
    "dontlookaway.middleware.forget_client_address",
    "django.middleware.security.SecurityMiddleware",
    "dontlookaway.middleware.same_origin_referrer_for_staff",
    "api.middleware.open_to_every_origin",  # outside ConditionalGetMiddleware: its 304s are open too
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "dontlookaway.middleware.back_office_needs_the_database",  # before sessions: they read the database
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

if not RELAXED:
    # Production serves its own static files (collected, compressed, fingerprinted); development and
    # tests let runserver and the test server find them in place.
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
        "whitenoise.middleware.WhiteNoiseMiddleware",
    )

AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
# Brute-force protection by username alone: the lock holds from any address, and no address is stored.
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_CLIENT_IP_CALLABLE = "maintainers.security.no_address"
AXES_CLIENT_STR_CALLABLE = "maintainers.security.describe_attempt"
# axes warns that a lock without the address can be dodged by rotating cookies or user agents. Ours locks
# the username itself, wherever the attempts come from; keeping addresses is what the platform refuses.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = 8 * 3600
OTP_TOTP_ISSUER = "Don't Look Away"

ROOT_URLCONF = "dontlookaway.urls"
WSGI_APPLICATION = "dontlookaway.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "dontlookaway.context.site",
            ],
            "libraries": {"fragments": "lib.fragments", "site": "dontlookaway.site_tags"},
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Tests use a file, not memory: the browser tests' live server answers requests in several threads, and
    # an in-memory database would be one connection shared between them (a race that fails at random).
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "test-db.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One shared cache for all app servers in production (REDIS_URL); a per-process one otherwise.
REDIS_URL = env_str("REDIS_URL")
# Short timeouts: a Redis that hangs must cost a page a fraction of a second, not a worker; the page cache
# then builds the page without it (lib/page_cache.py).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
    }
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"}
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    # Full PBKDF2 costs a quarter of a second a sign-in; the tests sign in hundreds of times. Never in production.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # noqa: S303 - test suite only

# Languages: the one list of supported languages. Every one must be complete (a test checks it).
# Names are each language's own, from CLDR.
LANGUAGE_CODE = "en"
# The 24 official EU languages, Arabic, and the languages of the destinations and of the largest groups of
# travellers have catalogues in locale/; a language joins this list only when every string of its catalogue is
# translated. Codes as Django writes them (the address's prefix): "pt-br", "es-419", "zh-hans".
LANGUAGE_CODES = (
    *("en", "fr", "nl", "de", "es", "it", "pt", "pl", "sv", "da", "fi", "et", "lv", "lt"),
    *("cs", "sk", "sl", "hr", "bg", "el", "ro", "hu", "ga", "mt", "ar"),
    *("th", "vi", "km", "lo", "id", "ms", "fil", "hi", "zh-hans", "ja", "ko"),
    *("ru", "uk", "tr", "sw", "pt-br", "es-419"),
)
LANGUAGES = [(code, self_name(code)) for code in LANGUAGE_CODES]
LANGUAGES_BIDI = ["ar"]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Production serves compressed files with content hashes in their names, cached for a year.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if RELAXED
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Plan counts gather in memory and are written this often (guide/usage.py); tests write them explicitly.
USAGE_FLUSH_SECONDS = 0 if TESTING else env_int("USAGE_FLUSH_SECONDS", 60)
# Where nginx writes the plans it served, an hour a file (deploy/nginx.conf; `manage.py count_proxied_plans`).
PLAN_COUNTS_FOLDER = env_str("PLAN_COUNTS_FOLDER")

DIRECTORY_DATA_DIR = Path(env_str("DIRECTORY_DATA_DIR", str(BASE_DIR / "data" / "directory")))
# The last directory read from the database, for a worker that starts while the database is down.
# Where `write_error_pages` puts the page nginx shows when the app cannot answer (deploy/nginx.conf).
ERROR_PAGES_DIR = Path(env_str("ERROR_PAGES_DIR", str(BASE_DIR / "var" / "error-pages")))
# Under test, one file per parallel test process (pytest-xdist names each): no process reads another's snapshot.
_SNAPSHOT_NAME = f"test-snapshot-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}" if TESTING else "directory-snapshot"
DIRECTORY_SNAPSHOT = Path(env_str("DIRECTORY_SNAPSHOT", str(BASE_DIR / "var" / f"{_SNAPSHOT_NAME}.pickle")))

# Security baseline. HTTPS is the production default; development and tests run on plain http.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not RELAXED)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_HTTPS_PROXY", False) else None
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 63072000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = not RELAXED
CSRF_COOKIE_SECURE = not RELAXED
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_SAMESITE = "Strict"
LANGUAGE_COOKIE_SECURE = not RELAXED

# Only first-party resources. No 'unsafe-inline' anywhere: scripts are first-party files, and an inline
# script would need the per-response nonce (which is why cached pages carry none).
# Where "Exit this page" and the Esc key go: neutral, in every language, without advertising or tracking.
QUICK_EXIT_URL = "https://www.wikipedia.org/"

SECURE_CSP = {
    "default-src": [CSP.NONE],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF],
    "font-src": [CSP.NONE],
    "connect-src": [CSP.SELF],
    "worker-src": [CSP.SELF],  # the offline service worker, /sw.js
    "manifest-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-src": [CSP.SELF],  # the widget preview on the partners page
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
}

# Nothing about a visitor is logged: request logs carry no address (see dontlookaway/middleware.py),
# and no error report e-mails a copy of the request.
ADMINS: list[tuple[str, str]] = []
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO"},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
