"""Midback's one settings module.

Defaults give a newcomer a working app on a SQLite file; production sets the environment
(see .env.example). Bad values stop start-up with a message naming the variable.
"""

import ipaddress
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from midback.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", default=False)

SECRET_KEY = env_str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY, or set DEBUG=true for local development.")
    SECRET_KEY = "django-insecure-local-development-only"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
for origin in CSRF_TRUSTED_ORIGINS:
    if not origin.startswith(("http://", "https://")):
        raise ImproperlyConfigured(
            f"CSRF_TRUSTED_ORIGINS entries need a scheme (https://...), not {origin!r}."
        )

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    # Django's widget templates, for midback.forms.FormRenderer (it reads the project's engine).
    "django.forms",
    "django_htmx",
    "simple_history",
    "exercises",
    "routines",
    "accounts",
    "workouts",
    "care",
    "offline",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "django_tasks_db",
    "crontask",
]

MIDDLEWARE = [
    # First: every log line of the request carries its id. Then the probes, answered before
    # host validation and the HTTPS redirect (see midback/health.py).
    "midback.logging.RequestIdMiddleware",
    # Each cache version counter read once a request (midback/versions.py).
    "midback.versions.VersionsMiddleware",
    "midback.health.HealthProbeMiddleware",
    # Before the HTTPS redirect and HSTS read X-Forwarded-Proto: only the proxy may send it.
    "midback.middleware.ForwardedHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything reads the body (the CSRF check, the view): an oversized or chunked
    # request is refused unread, with the security headers above.
    "midback.middleware.RequestSizeMiddleware",
    # Pages compressed (static files come pre-compressed from whitenoise above). Django's
    # gzip pads each response randomly, its answer to BREACH; CSRF tokens are masked too.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.profile, and every time shown in the signed-in person's zone.
    "accounts.middleware.ProfileMiddleware",
    # allauth's flows (re-authentication redirects, pending logins) and the list of a person's
    # sessions with where and when each was last seen.
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.SessionActivityMiddleware",
    # Health notes must not stay in a browser's or a proxy's cache.
    "midback.middleware.PrivateNoStoreMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Inside the messages middleware: it reads what a replayed offline change was told.
    "offline.middleware.OfflineMiddleware",
    # Staff and content editors reach the admin only after a second factor.
    "accounts.middleware.AdminSecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "midback.urls"
WSGI_APPLICATION = "midback.wsgi.application"

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
                "django.template.context_processors.csp",
                "midback.htmx.context",
            ],
        },
    },
]

try:
    DATABASES = {
        "default": dj_database_url.parse(
            env_str("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
            conn_max_age=env_int("CONN_MAX_AGE", 600),
            conn_health_checks=True,
        )
    }
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is not a database URL: {exc}") from None

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Each request opens its own connection to a local file; pooling buys nothing there.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    # Tests use a file too, not Django's default in-memory database: the live server's threads
    # would otherwise share one connection (and its transaction state), which breaks as soon as
    # a browser sends two requests at once, as the service worker does. pytest-django gives each
    # parallel worker its own file.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".test-db.sqlite3")}

# Per-request reconnects cost ~10x throughput here: connections persist (CONN_MAX_AGE above)
# or, with DB_POOL=true, each process keeps a psycopg pool, which needs CONN_MAX_AGE=0.
if env_bool("DB_POOL", default=False):
    if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured("DB_POOL=true needs a PostgreSQL DATABASE_URL.")
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": env_int("DB_POOL_MIN_SIZE", 2),
        "max_size": env_int("DB_POOL_MAX_SIZE", 4),
        "timeout": env_int("DB_POOL_TIMEOUT", 10),
    }

# With several app processes or containers, shared state must live where all of them see it.
# Sessions are in the database. With REDIS_URL the cache (the library, every rate-limit
# counter) is in Redis, shared by every worker and counted atomically; CACHE_BACKEND=database
# shares it through a table instead (`manage.py createcachetable`), and the default is each
# process's own memory, enough for one process on a laptop.
REDIS_URL = env_str("REDIS_URL", default="")
CACHE_BACKEND = env_str("CACHE_BACKEND", default="redis" if REDIS_URL else "memory")
CACHE_KEY_PREFIX = env_str("CACHE_KEY_PREFIX", default="midback")
if CACHE_BACKEND == "redis":
    if not REDIS_URL:
        raise ImproperlyConfigured("CACHE_BACKEND=redis needs REDIS_URL (redis://host:6379/0).")
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
        }
    }
elif CACHE_BACKEND == "database":
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "django_cache",
            "KEY_PREFIX": CACHE_KEY_PREFIX,
        }
    }
elif CACHE_BACKEND == "memory":
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "KEY_PREFIX": CACHE_KEY_PREFIX,
        }
    }
else:
    raise ImproperlyConfigured(
        f"CACHE_BACKEND must be redis, database or memory, not {CACHE_BACKEND!r}."
    )

# Background work (reset and reminder emails) through Django's tasks framework. TASKS_BACKEND=
# database queues them in PostgreSQL for `manage.py db_worker`; the default runs each task at
# once inside the request, which keeps the one-command SQLite start working without a worker.
TASKS_BACKEND = env_str("TASKS_BACKEND", default="immediate")
_task_backends = {
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
if TASKS_BACKEND not in _task_backends:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND must be immediate or database, not {TASKS_BACKEND!r}."
    )
TASKS = {"default": {"BACKEND": _task_backends[TASKS_BACKEND]}}
# The scheduler (`manage.py crontask`) holds a Redis lock, so a second one started by mistake
# waits instead of sending every reminder twice.
CRONTASK = {"REDIS_URL": REDIS_URL or None}

# The largest request body accepted (uploads in the admin are the only large ones); the proxy
# in front caps the same way (deploy/nginx/midback.conf.template).
REQUEST_BODY_LIMIT = env_int("REQUEST_BODY_LIMIT", 1024 * 1024)
# A movement's admin page carries its videos (up to 50 MB, midback.validators) and pictures.
UPLOAD_BODY_LIMIT = env_int("UPLOAD_BODY_LIMIT", 56 * 1024 * 1024)
UPLOAD_PATH_PREFIXES = ("/admin/exercises/",)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English")]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if env_bool("STATIC_UNHASHED", default=False)
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Pages register the offline service worker (offline/). Browser tests turn it off unless they
# test it: its own requests would race theirs on SQLite's in-memory test database.
OFFLINE_WORKER = True

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# --- Accounts: django-allauth (accounts/adapter.py holds what we change) -----------------------
# allauth's backend logs in by username or email; it is Django's ModelBackend underneath, so
# every existing password hash keeps working.
AUTHENTICATION_BACKENDS = ["allauth.account.auth_backends.AuthenticationBackend"]
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignUpExtraForm"
ACCOUNT_FORMS = {"login": "accounts.signup.LoginForm", "signup": "accounts.signup.SignUpForm"}
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
# Usable at once; reminders and share links wait for a verified address (accounts/verification.py).
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
# Known and unknown addresses get the same page; the email says the rest.
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Midback: "
ACCOUNT_LOGOUT_ON_GET = False
# A password change keeps this session and ends every other one (their hash no longer matches).
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = True
ACCOUNT_USERNAME_MIN_LENGTH = 1
ACCOUNT_REAUTHENTICATION_TIMEOUT = 60 * env_int("REAUTHENTICATION_MINUTES", 5)
# Counted in the default cache: Redis in production, so the limits hold across every worker.
# "key" is the address or username typed; "ip" the client as accounts/client_ip.py sees it.
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
LOGIN_COOLOFF_MINUTES = env_int("LOGIN_COOLOFF_MINUTES", 15)
PASSWORD_RESET_LIMIT_PER_EMAIL = env_int("PASSWORD_RESET_LIMIT_PER_EMAIL", 3)
PASSWORD_RESET_LIMIT_PER_IP = env_int("PASSWORD_RESET_LIMIT_PER_IP", 10)
PASSWORD_RESET_LIMIT_MINUTES = env_int("PASSWORD_RESET_LIMIT_MINUTES", 60)
for _name in (
    "LOGIN_FAILURE_LIMIT",
    "LOGIN_COOLOFF_MINUTES",
    "PASSWORD_RESET_LIMIT_PER_EMAIL",
    "PASSWORD_RESET_LIMIT_PER_IP",
    "PASSWORD_RESET_LIMIT_MINUTES",
):
    if globals()[_name] < 1:
        raise ImproperlyConfigured(f"{_name} must be above 0.")
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": f"20/m/ip,{LOGIN_FAILURE_LIMIT}/{LOGIN_COOLOFF_MINUTES}m/key",
    "signup": "10/h/ip",
    "reset_password": (
        f"{PASSWORD_RESET_LIMIT_PER_IP}/{PASSWORD_RESET_LIMIT_MINUTES}m/ip,"
        f"{PASSWORD_RESET_LIMIT_PER_EMAIL}/{PASSWORD_RESET_LIMIT_MINUTES}m/key"
    ),
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "manage_email": "10/m/user",
    "change_password": "5/m/user",
    "reauthenticate": "10/m/user",
}

MFA_ADAPTER = "accounts.adapter.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = "Midback"
MFA_RECOVERY_CODE_COUNT = 10
# WebAuthn needs HTTPS, or http://localhost while developing and testing.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG or env_bool("WEBAUTHN_ALLOW_HTTP", default=False)
MFA_TRUST_ENABLED = False
USERSESSIONS_TRACK_ACTIVITY = True

# Behind a proxy every request comes from the proxy's address. X-Forwarded-For is believed only
# when the connection comes from one of these networks (the proxy's), so a client reaching the
# app directly cannot choose the address it is counted under (see accounts/client_ip.py).
TRUSTED_PROXIES = []
for _network in env_list("TRUSTED_PROXIES"):
    try:
        TRUSTED_PROXIES.append(ipaddress.ip_network(_network, strict=False))
    except ValueError:
        raise ImproperlyConfigured(
            f"TRUSTED_PROXIES must be addresses or networks (10.0.0.0/8), not {_network!r}."
        ) from None

# Email through Django 6.1's MAILERS: printed to the console until EMAIL_HOST is set.
_email_host = env_str("EMAIL_HOST", default="")
if _email_host:
    _email_ssl = env_bool("EMAIL_USE_SSL", default=False)
    _email_tls = env_bool("EMAIL_USE_TLS", default=not _email_ssl)
    if _email_tls and _email_ssl:
        raise ImproperlyConfigured("Set only one of EMAIL_USE_TLS and EMAIL_USE_SSL.")
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": _email_host,
                "port": env_int("EMAIL_PORT", 465 if _email_ssl else 587),
                "username": env_str("EMAIL_HOST_USER", default=""),
                "password": env_str("EMAIL_HOST_PASSWORD", default=""),
                "use_tls": _email_tls,
                "use_ssl": _email_ssl,
                "timeout": env_int("EMAIL_TIMEOUT", 10),
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", default="Midback <noreply@localhost>")
SERVER_EMAIL = env_str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
# The site's own address, for links in emails sent outside a request (the daily reminder).
SITE_URL = env_str("SITE_URL", default="")

# --- Production: HTTPS, cookies, security headers ---------------------------------------------
# TLS ends at a proxy or load balancer in front of gunicorn. The redirect and HSTS are switched
# on from the environment (.env.example does, and tests/test_deploy_check.py runs
# `check --deploy` with that file), so local runs and tests over plain HTTP keep working.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=False)
if env_bool("SECURE_PROXY_SSL_HEADER", default=False):
    # Only behind a proxy that sets X-Forwarded-Proto itself, overwriting the client's.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SESSION_COOKIE_HTTPONLY = True
# No script reads the CSRF cookie: htmx sends the token from hx-headers on <body>.
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Uploaded pictures through Django itself: fine for one host with a media volume; otherwise
# serve MEDIA_ROOT from object storage or the reverse proxy and leave this off.
SERVE_MEDIA = env_bool("SERVE_MEDIA", default=False)

# Routes /bench/floor/, the benchmark's logged-in floor page (bench/run.py). Never in production.
BENCH_FLOOR = env_bool("BENCH_FLOOR", default=False)

# Scripts and styles only from our own origin or carrying the request's nonce: no inline
# handlers, no style="" attributes, no CDN. CSP_IMG_SRC adds origins for media kept elsewhere
# (object storage or a CDN).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:", *env_list("CSP_IMG_SRC")],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
    # The service worker (/sw.js, offline/) and the web app manifest, both from the site.
    "worker-src": [CSP.SELF],
    "manifest-src": [CSP.SELF],
}

# Nothing here needs the camera, the microphone, location or payments; keeping the screen on
# during a session is the one power the app's own pages may use.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
} | {
    "screen-wake-lock": ["self"],
    "fullscreen": ["self"],
    # Passkeys: the browser asks the authenticator only for our own pages.
    "publickey-credentials-get": ["self"],
    "publickey-credentials-create": ["self"],
}

# --- Logging: one JSON object a line on stdout, each with the request's id ---------------------
LOG_LEVEL = env_str("LOG_LEVEL", default="INFO").upper()
if LOG_LEVEL not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
    raise ImproperlyConfigured(f"LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR: {LOG_LEVEL!r}.")
LOG_FORMAT = env_str("LOG_FORMAT", default="text" if DEBUG else "json")
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured(f"LOG_FORMAT must be json or text, not {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "midback.logging.RequestIdFilter"},
        "request_context": {"()": "midback.logging.RequestContextFilter"},
    },
    "formatters": {
        "json": {"()": "midback.logging.JsonFormatter"},
        "text": {"format": "{asctime} {levelname} {name} [{request_id}] {message}", "style": "{"},
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "filters": ["request_id", "request_context"],
            "formatter": LOG_FORMAT,
        },
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    # Django's own handlers (console when debugging, mail to ADMINS) give way to stdout.
    "loggers": {"django": {"handlers": [], "level": LOG_LEVEL, "propagate": True}},
}
