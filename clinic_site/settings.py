"""Settings for Clinic Site, all from the environment (see README "Configuration").

Safe local defaults; with DJANGO_DEBUG off (production mode) a missing secret stops start-up.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse_lazy
from django.utils.csp import CSP
from django.utils.text import format_lazy

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Production mode (DJANGO_DEBUG off) needs a long random "
            "secret: generate one with\n  python -c \"import secrets; print(secrets.token_urlsafe(50))\"\n"
            "and export DJANGO_SECRET_KEY=<that value>. For local development set DJANGO_DEBUG=1 instead."
        )
    # Starts with "django-insecure-" so `manage.py check --deploy` flags it if it ever leaks out.
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.syndication",
    "django.forms",
    "django_ckeditor_5",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "reversion",
    "reversion_compare",
    # Ours, lower layers first: content apps build on publishing; only clinic_site knows them all.
    "accounts",
    "images",
    "clinicians",
    "publishing",
    "claims",
    "treatments",
    "articles",
    "enquiries",
    "search",
    "clinic",
    "seo",
    "demo",
    "audit",
    "clinic_site",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "clinic_site.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "publishing.cache.PublicPageCacheMiddleware",
    "accounts.middleware.SessionMiddleware",  # Django's, never signing out a fresh sign-in (see there)
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "publishing.middleware.SlugRedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

# Staff sign-in: repeated failures lock out a username from an address (django-axes, accounts/signin.py);
# one address trying many usernames is locked out at a wider limit.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
CLINIC_SIGNIN_ADDRESS_LIMIT = int(os.environ.get("CLINIC_SIGNIN_ADDRESS_LIMIT", "20"))
AXES_COOLOFF_TIME = int(os.environ.get("DJANGO_LOGIN_LOCKOUT_MINUTES", "60")) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "accounts.signin.SignInLockouts"
AXES_CLIENT_IP_CALLABLE = "accounts.signin.client_address"
AXES_RESET_ON_SUCCESS = True  # that username's failures from that address only
AXES_LOCKOUT_CALLABLE = "accounts.signin.locked_out"
AXES_VERBOSE = False
# Staff sign in with a second factor (an authenticator app, or a one-time backup code): required for every
# staff account by default in production, optional (each may turn it on) in local development.
CLINIC_REQUIRE_TWO_FACTOR = env_bool("CLINIC_REQUIRE_TWO_FACTOR", not DEBUG)
# Every failed sign-in is kept (the audit page lists them), not only the running count per username and address.
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# Signed-in staff are signed out after this long without a request.
SESSION_COOKIE_AGE = int(os.environ.get("DJANGO_SESSION_IDLE_MINUTES", "30")) * 60
SESSION_SAVE_EVERY_REQUEST = True

ROOT_URLCONF = "clinic_site.urls"
# Form field templates can live in templates/ beside the pages.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "clinic_site.wsgi.application"

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
                "clinic_site.context_processors.clinic",
                "publishing.cache.fragments",
            ],
        },
    },
]

# SQLite under var/ unless DATABASE_URL points elsewhere (PostgreSQL in production).
if "DATABASE_URL" not in os.environ:
    VAR_DIR.mkdir(exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DJANGO_DB_CONN_MAX_AGE", "60")),
        # No extra "SELECT 1" per request: every request first asks for the content version, which reconnects
        # a connection the database dropped (publishing.models.ContentVersion.current).
        conn_health_checks=False,
    )
}

if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Readers never wait for a writer (WAL), and a busy writer is waited for rather than failed.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
# Public copies of the images patients may see, served by the web server (README "Media files").
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", VAR_DIR / "media"))
# Every uploaded file, public or not: never served by the web server, only by the app to staff and preview links.
CLINIC_PRIVATE_MEDIA_ROOT = Path(os.environ.get("CLINIC_PRIVATE_MEDIA_ROOT", VAR_DIR / "private-media"))
# Let Django serve uploads itself: for small sites without a web server in front (README "Media files").
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", DEBUG)
STORAGES = {
    # Uploads are written here, and kept here whether patients may see them or not (images/storage.py).
    "default": {"BACKEND": "images.storage.PrivateFileSystemStorage"},
    # Copies of the images pages patients can see show; the same name is replaced, never renamed.
    "public": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"allow_overwrite": True}},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Several servers: uploads in S3-compatible storage instead of local folders (README "Scaling out"): a public
# bucket for what patients may see and a private one for everything.
if os.environ.get("DJANGO_S3_BUCKET"):
    if not os.environ.get("DJANGO_S3_PRIVATE_BUCKET"):
        raise ImproperlyConfigured(
            "DJANGO_S3_BUCKET is set but DJANGO_S3_PRIVATE_BUCKET is not. Patients' photos without consent and "
            "images of unpublished pages must not be in a public bucket: create a second bucket with all public "
            "access blocked and export DJANGO_S3_PRIVATE_BUCKET=<its name>."
        )
    S3_OPTIONS = {
        "region_name": os.environ.get("DJANGO_S3_REGION") or None,
        "endpoint_url": os.environ.get("DJANGO_S3_ENDPOINT_URL") or None,
        "querystring_auth": False,
    }
    STORAGES["public"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **S3_OPTIONS,
            "bucket_name": os.environ["DJANGO_S3_BUCKET"],
            "custom_domain": os.environ.get("DJANGO_S3_CUSTOM_DOMAIN") or None,
            "file_overwrite": True,
        },
    }
    STORAGES["default"] = {
        "BACKEND": "images.s3.PrivateS3Storage",
        "OPTIONS": {
            **S3_OPTIONS, "bucket_name": os.environ["DJANGO_S3_PRIVATE_BUCKET"], "default_acl": "private",
            "file_overwrite": False,
        },
    }
# Serve from the finders when collectstatic has not run (local runs and tests).
WHITENOISE_USE_FINDERS = DEBUG

# Security headers. Production mode is HTTPS-only unless told otherwise (README "Production").
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()"
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", SECURE_HSTS_SECONDS > 0)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
# Behind a proxy that terminates TLS (and so with the redirect left to it), trust its X-Forwarded-Proto.
if env_bool("DJANGO_BEHIND_HTTPS_PROXY", not DEBUG and not SECURE_SSL_REDIRECT):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True

# Public pages: no inline code of any kind, nothing from other sites.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# The admin's CKEditor 5 injects <style> elements and previews pasted images as blob: URLs (the search and sharing
# panel too); it reads pasted images (data: and blob: addresses) to upload them. Its live preview is a
# same-origin frame; no other admin page may be framed.
ADMIN_CSP = {
    **SECURE_CSP,
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "frame-src": [CSP.SELF],
    "connect-src": [CSP.SELF, "data:", "blob:"],
}
# The live preview itself (publishing.admin.live_preview): the public pages' policy, framed by the admin only.
LIVE_PREVIEW_CSP = {**SECURE_CSP, "frame-ancestors": [CSP.SELF]}

# Logs go to standard output: one JSON object a line in production (for a log collector), text in debug.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "clinic_site.logs.JSONFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": os.environ.get("DJANGO_LOG_FORMAT", "text" if DEBUG else "json"),
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# The clinic, shown in the footer and in structured data.
CLINIC_NAME = os.environ.get("CLINIC_NAME", "Harbour Aesthetics Clinic")
CLINIC_PHONE = os.environ.get("CLINIC_PHONE", "+44 20 7946 0000")
CLINIC_EMAIL = os.environ.get("CLINIC_EMAIL", "hello@clinic.example")
CLINIC_ADDRESS = os.environ.get("CLINIC_ADDRESS", "12 Harbour Street, London SE1 0AA")
CLINIC_CURRENCY = os.environ.get("CLINIC_CURRENCY", "GBP")
# How authenticator apps name staff accounts (django-otp).
OTP_TOTP_ISSUER = CLINIC_NAME

# Rich text: CKEditor 5 with semantic tools only; uploads go through our own staff-only view.
CK_EDITOR_5_UPLOAD_FILE_VIEW_NAME = "editor-image-upload"
CKEDITOR_5_CUSTOM_CSS = "css/admin-editor.css"
CKEDITOR_5_UPLOAD_FILE_TYPES = ["jpeg", "jpg", "png", "webp"]
CLINIC_MAX_UPLOAD_BYTES = int(os.environ.get("CLINIC_MAX_UPLOAD_MB", "10")) * 1024 * 1024
CLINIC_MAX_IMAGE_PIXELS = int(os.environ.get("CLINIC_MAX_IMAGE_MEGAPIXELS", "40")) * 1_000_000
CLINIC_IMAGE_WIDTHS = [int(w) for w in env_list("CLINIC_IMAGE_WIDTHS", "480,960,1440,1920")]
# Uploads are kept no wider than this (pages never show more): a 40-megapixel photo is stored at this width.
CLINIC_MAX_IMAGE_WIDTH = int(os.environ.get("CLINIC_MAX_IMAGE_WIDTH", "2560"))
# django-ckeditor-5's build carries every CKEditor 5 feature. The ones whose output the sanitiser drops
# (publishing/sanitize.py) are switched off, so what staff paste (from Word, say) is tidied as it arrives and the
# editor never shows what patients will not see: colours, highlighting, fonts, alignment, underline, code, indents,
# table and image styling, raw HTML. (Markdown and FullPage would also replace the HTML data format.)
CKEDITOR_5_REMOVED_PLUGINS = [
    "Alignment", "Autosave", "CKFinderUploadAdapter", "Code", "CodeBlock", "Font", "FullPage", "GeneralHtmlSupport",
    "Highlight", "HorizontalLine", "HtmlEmbed", "ImageResize", "ImageStyle", "IndentBlock", "Markdown", "Mention",
    "PageBreak", "ShowBlocks", "SourceEditing", "SpecialCharacters", "SpecialCharactersEssentials", "Strikethrough",
    "Style", "Subscript", "Superscript", "TableCellProperties", "TableProperties", "TodoList", "Underline",
]
# YouTube and Vimeo only (the sanitiser keeps no other): recognised from the addresses people paste, matched
# without "https://" and "www." (publishing/videos.py recognises the same ones). One pattern each: django-ckeditor-5
# turns any value written "/…/" into a RegExp, a list of them included (as one).
VIDEO_PROVIDERS = [
    {"name": "youtube", "html": "callback:clinicYouTubePreview", "url": (
        r"/^(?:(?:m\.)?youtube\.com\/(?:watch\?(?:.*&)?v=|shorts\/|embed\/|v\/|live\/)|youtu\.be\/"
        r"|youtube-nocookie\.com\/embed\/)([\w-]{11})/"
    )},
    {"name": "vimeo", "html": "callback:clinicVimeoPreview", "url": (
        r"/^(?:vimeo\.com\/(?:channels\/[\w-]+\/|groups\/[\w-]+\/videos\/)?|player\.vimeo\.com\/video\/)(\d+)/"
    )},
]
CKEDITOR_5_CONFIGS = {
    "default": {
        "removePlugins": CKEDITOR_5_REMOVED_PLUGINS,
        # static/js/admin-editor-tools.js (PublishableAdmin's media): "Link to a page", links that end where they
        # end, refused link addresses, video previews. django-ckeditor-5 turns "callback:name" into window.name.
        "extraPlugins": ["callback:clinicEditorTools"],
        "pageLinks": {"url": format_lazy("{}?q=", reverse_lazy("editor-page-links"))},  # never ends in "/": see JS
        "libraryImages": {"url": format_lazy("{}?q=", reverse_lazy("admin:images_image_choose"))},
        "toolbar": {
            "items": [
                "heading", "|", "bold", "italic", "link", "pageLink", "|",
                "bulletedList", "numberedList", "blockQuote", "insertTable", "uploadImage", "libraryImage",
                "mediaEmbed", "|", "undo", "redo",
            ],
            "shouldNotGroupWhenFull": False,
        },
        "heading": {
            "options": [
                {"model": "paragraph", "title": "Paragraph", "class": "ck-heading_paragraph"},
                {"model": "heading2", "view": "h2", "title": "Heading 2", "class": "ck-heading_heading2"},
                {"model": "heading3", "view": "h3", "title": "Heading 3", "class": "ck-heading_heading3"},
                {"model": "heading4", "view": "h4", "title": "Heading 4", "class": "ck-heading_heading4"},
            ]
        },
        "image": {"toolbar": ["imageTextAlternative", "toggleImageCaption"]},
        "table": {"contentToolbar": ["tableColumn", "tableRow", "mergeTableCells"]},
        # Numbered lists may start at any number or count down (the sanitiser keeps start and reversed), no styles.
        "list": {"properties": {"styles": False, "startIndex": True, "reversed": True}},
        "link": {"defaultProtocol": "https://"},
        "mediaEmbed": {"previewsInData": False, "providers": VIDEO_PROVIDERS},
        "translations": [{"en": {"dictionary": {
            "Insert media": "Insert a video (YouTube or Vimeo)",
            "Media embed": "Insert a video",
            "Media URL": "Video address",
            "Paste the media URL in the input.": "Paste the address of a YouTube or Vimeo video.",
            "This media URL is not supported.": "Only YouTube and Vimeo videos can be shown: paste the address "
            "of a video on one of them.",
        }}}],
    }
}

# Backups (`manage.py backup`) are encrypted with this key when it is set; make one with `backup --generate-key`.
CLINIC_BACKUP_KEY = os.environ.get("CLINIC_BACKUP_KEY", "")

# Consultation enquiries.
CLINIC_ENQUIRY_NOTIFY_EMAIL = os.environ.get("CLINIC_ENQUIRY_NOTIFY_EMAIL", CLINIC_EMAIL)
CLINIC_ENQUIRY_RATE_LIMIT = int(os.environ.get("CLINIC_ENQUIRY_RATE_LIMIT", "5"))  # per client address per hour
CLINIC_ENQUIRY_RETENTION_DAYS = int(os.environ.get("CLINIC_ENQUIRY_RETENTION_DAYS", "365"))
# Behind proxies, the client address is the one the outermost proxy appended to X-Forwarded-For: how many
# proxies stand in front (nginx alone: 1). CLINIC_TRUST_X_FORWARDED_FOR=1 is the older way of saying 1.
CLINIC_TRUST_X_FORWARDED_FOR = env_bool("CLINIC_TRUST_X_FORWARDED_FOR")
CLINIC_TRUSTED_PROXIES = int(os.environ.get("CLINIC_TRUSTED_PROXIES", "1" if CLINIC_TRUST_X_FORWARDED_FOR else "0"))

# Mail (Django 6.1 MAILERS). Without an SMTP host, mail is written to the console log.
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", CLINIC_EMAIL)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if os.environ.get("DJANGO_SMTP_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ["DJANGO_SMTP_HOST"],
                "port": int(os.environ.get("DJANGO_SMTP_PORT", "587")),
                "username": os.environ.get("DJANGO_SMTP_USER", ""),
                "password": os.environ.get("DJANGO_SMTP_PASSWORD", ""),
                "use_tls": env_bool("DJANGO_SMTP_TLS", True),
                "timeout": 10,
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}

# scripts/bench only: adds the yardstick view.
CLINIC_BENCHMARK = env_bool("CLINIC_BENCHMARK")
# Whole pages for anonymous visitors; 0 turns the page cache off.
CLINIC_PAGE_CACHE_SECONDS = int(os.environ.get("CLINIC_PAGE_CACHE_SECONDS", "600"))
# Parts of pages many pages share (header, cards, lists) and each page's content, kept per content version
# for anonymous visitors; 0 turns them off (to measure a full render).
CLINIC_FRAGMENT_CACHE_SECONDS = int(os.environ.get("CLINIC_FRAGMENT_CACHE_SECONDS", "600"))
# Local memory by default; set DJANGO_CACHE_URL-style backends when running several servers.
LOCAL_MEMORY_CACHE = "LocMemCache" in os.environ.get("DJANGO_CACHE_BACKEND", "LocMemCache")
CACHES = {
    "default": {
        "BACKEND": os.environ.get("DJANGO_CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache"),
        "LOCATION": os.environ.get("DJANGO_CACHE_LOCATION", "clinic-site"),
        # Local memory keeps 300 entries unless told otherwise: too few for pages and their parts.
        **({"OPTIONS": {"MAX_ENTRIES": 3000}} if LOCAL_MEMORY_CACHE else {}),
    },
    # Where staff pages "keep" shared parts of pages: nowhere (previews show unsaved changes; publishing.cache).
    "uncached": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}
# Rate limits must hold across every worker and server: the shared cache when one is configured, else a
# table in the database (made by the migrations; `manage.py createcachetable` after changing caches).
CACHES["limits"] = (
    {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "clinic_limits"}
    if LOCAL_MEMORY_CACHE
    else {**CACHES["default"], "KEY_PREFIX": "limits"}
)

# Advertising rules for the clinic's jurisdiction: us (default), uk, ie, or none (claims/packs/).
CLINIC_JURISDICTION = os.environ.get("CLINIC_JURISDICTION", "us").lower()
if CLINIC_JURISDICTION not in {"us", "uk", "ie", "none"}:
    raise ImproperlyConfigured(f"CLINIC_JURISDICTION is {CLINIC_JURISDICTION!r}; use us, uk, ie or none.")

# Page forms keep what staff type every this many seconds (and so keep their session alive while they type).
CLINIC_AUTOSAVE_SECONDS = int(os.environ.get("CLINIC_AUTOSAVE_SECONDS", "5"))

# Medical review and previews.
# Page types whose changes to medical content need a Clinical reviewer's review before they are published.
CLINIC_REVIEW_REQUIRED_FOR = env_list("CLINIC_REVIEW_REQUIRED_FOR", "articles.article,treatments.treatment")
CLINIC_REVIEW_MAX_AGE_DAYS = int(os.environ.get("CLINIC_REVIEW_MAX_AGE_DAYS", "365"))  # older reviews are overdue
CLINIC_PREVIEW_MAX_AGE_DAYS = int(os.environ.get("CLINIC_PREVIEW_MAX_AGE_DAYS", "7"))  # shareable preview links
