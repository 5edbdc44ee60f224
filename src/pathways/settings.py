"""Settings: explicit, from the environment (12-factor), safe by default.

Every production setting is an environment variable; deploy/production.env.example lists
them. DEBUG is off unless DJANGO_DEBUG=1.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
import dj_email_url
from csp.constants import NONE, SELF

from pathways.core.secrets import secret_key_from

BASE_DIR = Path(__file__).resolve().parent
DATA_HOME = Path(os.environ.get("PATHWAYS_HOME", Path.cwd() / "var")).resolve()
DATA_HOME.mkdir(parents=True, exist_ok=True)  # the SQLite file and download cache live here


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    return default if value in (None, "") else value.strip().lower() in ("1", "true", "yes", "on")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)
# Without DJANGO_SECRET_KEY a random key is made once and kept in var/secret_key (mode 0600).
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or secret_key_from(DATA_HOME / "secret_key")
ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
SILENCED_SYSTEM_CHECKS = env_list("DJANGO_SILENCED_SYSTEM_CHECKS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "ninja",  # serves the API docs' Swagger UI from the project's own static files
    "pathways.core",
    "pathways.datasets",
    "pathways.geography",
    "pathways.occupations",
    "pathways.framework",
    "pathways.programs",
    "pathways.api",
    "pathways.accounts",
    "pathways.profiler",
    "pathways.budget",
    "pathways.students",
    "pathways.placements",
    "pathways.resumes",
    "pathways.saved",
    "pathways.plans",
    "pathways.analyses",
    "pathways.opportunities",
    "pathways.web",
    "pathways.guide",
    "axes",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "pathways.core.middleware.BusyMiddleware",
    # Last, as django-axes requires: counts failed sign-ins and locks out guessing.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Sign-in rate limit: 5 failures for one username from one address locks it for 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Joining with a class code, per address (django-ratelimit rates, over the shared cache):
# a classroom shares one address, so every try has a loose limit; refused codes a tight one.
PATHWAYS_JOIN_RATE = os.environ.get("PATHWAYS_JOIN_RATE", "200/h")
PATHWAYS_JOIN_FAILURE_RATE = os.environ.get("PATHWAYS_JOIN_FAILURE_RATE", "20/h")
# The proxies whose X-Forwarded-For names the visitor (the same as gunicorn's setting).
PATHWAYS_TRUSTED_PROXIES = env_list("FORWARDED_ALLOW_IPS", "127.0.0.1")
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:dashboard"  # each role's own page (accounts/rules.py)
LOGOUT_REDIRECT_URL = "/"
# Mail (password-reset links) goes out through EMAIL_URL, e.g. smtp+tls://user:pass@host:587.
# Without it, messages are written to files in var/mail/ (readable by the operator only),
# never to the server's log, because a reset link is a credential.
if os.environ.get("EMAIL_URL"):
    vars().update(dj_email_url.parse(os.environ["EMAIL_URL"]))
elif DEBUG:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = DATA_HOME / "mail"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "no-reply@pathways.localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# HTTPS. Cookies are Secure unless DEBUG (browsers accept them on http://localhost too).
# Behind a TLS-terminating proxy, set SECURE_PROXY_SSL_HEADER=1 so X-Forwarded-Proto counts.
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
USE_X_FORWARDED_HOST = env_bool("USE_X_FORWARDED_HOST", False)

# Content-Security-Policy: the site's own scripts and styles only; nothing inline, no CDN.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

ROOT_URLCONF = "pathways.urls"
WSGI_APPLICATION = "pathways.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pathways.web.context_processors.site_state",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_HOME / 'pathways.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while a data load writes; a writer waits up to 20 s for
    # another (IMMEDIATE takes the write lock at BEGIN, so waiting is safe) instead of
    # failing at once with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": int(os.environ.get("SQLITE_BUSY_TIMEOUT", "20")),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["pathways.formats"]
TIME_ZONE = "America/Denver"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_HOME / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# One shared cache for every web process: Redis (REDIS_URL or CACHE_URL=redis://...) in
# production; each process's own memory on a single machine.
REDIS_URL = os.environ.get("REDIS_URL") or os.environ.get("CACHE_URL", "")
if REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "pathways",
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pathways",
        }
    }
# The statewide report tables (students/report_cache.py) go to a cache every process shares,
# so that tables warmed by the worker after new data serve the first view in gunicorn: Redis
# where there is one, else files under PATHWAYS_HOME (one machine, `make run`).
REPORT_CACHE_DIR = Path(os.environ.get("PATHWAYS_REPORT_CACHE_DIR", DATA_HOME / "report-cache"))
CACHES["reports"] = (
    {**CACHES["default"], "KEY_PREFIX": "pathways-reports"}
    if "django_redis" in CACHES["default"]["BACKEND"]
    else {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(REPORT_CACHE_DIR.resolve()),
        # About 300 tables per data version, 5-60 kB each; old versions are culled.
        "OPTIONS": {"MAX_ENTRIES": 3000},
    }
)

# The data pipeline: where downloads are cached and where a local mirror of the
# official files may be read from instead of downloading.
PATHWAYS_CACHE_DIR = Path(os.environ.get("PATHWAYS_CACHE_DIR", DATA_HOME / "cache")).resolve()
PATHWAYS_DATA_MIRROR = os.environ.get("PATHWAYS_DATA_MIRROR") or None
# The state profile: the facts about the state this deployment serves.
# New Mexico's CTE status rules (see students/status.py): a participant passed at least one
# course of a program of study, a concentrator at least two courses in the same program, and
# a completer is a concentrator who also passed that program's capstone.
PATHWAYS_STATUS_RULES = {"participant_courses": 1, "concentrator_courses": 2}
# Report cells with fewer students than this are hidden (FERPA small-cell suppression).
PATHWAYS_MIN_CELL = int(os.environ.get("PATHWAYS_MIN_CELL", "10"))
# Rates are shown as "more than 95%" / "fewer than 5%" beyond these bounds.
PATHWAYS_RATE_BOUNDS = (5, 95)
PATHWAYS_STATE_PROFILE = os.environ.get(
    "PATHWAYS_STATE_PROFILE", str(BASE_DIR / "geography" / "profiles" / "nm.toml")
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
AXES_VERBOSE = False

# Background jobs (student-record imports): django-tasks with its database backend; a worker
# runs them (`pathways db_worker`). PATHWAYS_TASKS_BACKEND=django_tasks.backends.immediate.
# ImmediateBackend runs them inside the request instead (the tests do).
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "PATHWAYS_TASKS_BACKEND", "django_tasks_db.backend.DatabaseBackend"
        )
    }
}
# Compute every statewide report table in the background after each records upload and
# status rebuild, so the first view after new data is fast too; the "reports" cache above is
# shared by every process (Redis or files), so this is on by default.
PATHWAYS_WARM_REPORTS = env_bool("PATHWAYS_WARM_REPORTS", True)
# Uploaded files wait for their import job here (private: owner-only), deleted after it.
PATHWAYS_UPLOADS_DIR = Path(os.environ.get("PATHWAYS_UPLOADS_DIR", DATA_HOME / "uploads")).resolve()
# An upload that would shrink a district-year's records by more than this share needs an
# explicit confirmation.
PATHWAYS_UPLOAD_SHRINK_WARNING = float(os.environ.get("PATHWAYS_UPLOAD_SHRINK_WARNING", "0.2"))
# An upload waiting for that confirmation longer than this many hours is cancelled and its
# file deleted (when any job starts, and by `pathways students clean-uploads`).
PATHWAYS_UPLOAD_CONFIRM_HOURS = float(os.environ.get("PATHWAYS_UPLOAD_CONFIRM_HOURS", "24"))
# Bounds on every uploaded spreadsheet (core/spreadsheets/reading.py Bounds: the defaults).
PATHWAYS_SPREADSHEET_BOUNDS: dict[str, float] = {}

# Next Step Plans (issue #17): how long a parent's signing link lasts, and the day (month-day,
# in the calendar year a school year ends) by which each student's plan should be complete.
PATHWAYS_PARENT_LINK_LIFETIME = timedelta(
    days=int(os.environ.get("PATHWAYS_PARENT_LINK_DAYS", "14"))
)
PATHWAYS_PLAN_DUE = os.environ.get("PATHWAYS_PLAN_DUE", "05-15")
