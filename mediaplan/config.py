"""Configuration: safe defaults, then MEDIAPLAN_* environment variables, then test overrides."""

import os
import secrets
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path

from flask import Flask

#: Every setting Mediaplan reads, with a safe default. The README's table mirrors this one.
DEFAULTS: dict[str, object] = {
    # Off unless asked for: the debugger would let anyone run code on the server.
    "DEBUG": False,
    # sqlite:///<instance>/mediaplan.db when unset; postgresql+psycopg://... in production.
    "DATABASE_URL": None,
    # Read from the environment, else generated once into <instance>/secret_key.
    "SECRET_KEY": None,
    # Interface language when neither the user nor the browser picks Kyrgyz, Russian or English.
    "DEFAULT_LOCALE": "ru",
    "DEFAULT_TIMEZONE": "Asia/Bishkek",
    # SQLite: how long a write waits for another's write lock; a view then tries once more,
    # and answers "busy" (503) if it waits in vain again.
    "SQLITE_BUSY_TIMEOUT_MS": 5000,
    # Rows per page in tables; a request may ask for up to PAGE_SIZE_MAX.
    "PAGE_SIZE": 25,
    "PAGE_SIZE_MAX": 100,
    # Failed logins counted in the database, so every worker and machine sees the same count.
    "LOGIN_MAX_FAILURES_PER_ACCOUNT": 5,
    "LOGIN_MAX_FAILURES_PER_ADDRESS": 20,
    "LOGIN_FAILURE_WINDOW_SECONDS": 900,
    # A password reset link works once, for this many seconds; asking for links is limited
    # like logging in (the three LOGIN_* settings above, counted apart from failed logins).
    "PASSWORD_RESET_LINK_SECONDS": 3600,
    # Number of proxies in front of the app whose X-Forwarded-* headers are trusted.
    "TRUSTED_PROXIES": 0,
    # A session ends after this many seconds without use, and in any case this long after the
    # login: a working day, so that a cookie taken from a browser does not live on.
    "SESSION_LIFETIME_SECONDS": 8 * 3600,
    "SESSION_ABSOLUTE_SECONDS": 12 * 3600,
    # Set when served over HTTPS: marks the session cookie Secure and sends HSTS.
    "HTTPS": False,
    # Password for the demo accounts; generated and printed once when unset.
    "DEMO_PASSWORD": None,
    # Address of this site as users reach it, for links in e-mails. Unset, `mediaplan serve
    # --host H --port P` uses http://H:P (127.0.0.1 for 0.0.0.0) for its process; set it behind
    # a proxy, and for `mediaplan scheduler` or other servers, which know no port of their own.
    "BASE_URL": "http://127.0.0.1:5000",
    # "on": `mediaplan serve` runs the scheduler too; "off" for web-only deployments where
    # `mediaplan scheduler` runs elsewhere.
    "SCHEDULER": "on",
    # A standby scheduler tries the lock this often; the leader beats this often.
    "SCHEDULER_POLL_SECONDS": 2,
    "SCHEDULER_HEARTBEAT_SECONDS": 2,
    # A leader silent this long counts as dead (PostgreSQL then ends its session and lock).
    "SCHEDULER_STALE_SECONDS": 10,
    # Reminders fall at this hour (in DEFAULT_TIMEZONE), N days before an item's start or due day.
    "REMINDER_HOUR": 9,
    "REMINDER_DISPATCH_SECONDS": 1,
    # The coordinators' digest of overdue items, daily at this hour.
    "OVERDUE_DIGEST_HOUR": 8,
    # Outgoing mail; with no SMTP_HOST, messages stay queued and visible in the app.
    "SMTP_HOST": None,
    "SMTP_PORT": 587,
    "SMTP_USERNAME": None,
    "SMTP_PASSWORD": None,
    "SMTP_SECURITY": "starttls",
    "SMTP_SENDER": "mediaplan@localhost",
    "SMTP_MAX_ATTEMPTS": 8,
    "OUTBOX_SEND_SECONDS": 15,
}


def load_config(app: Flask, test_config: Mapping | None = None) -> None:
    """Fill ``app.config`` from DEFAULTS, the environment and ``test_config``, in that order."""
    app.config.update(DEFAULTS)
    app.config.from_prefixed_env("MEDIAPLAN")
    if test_config:
        app.config.update(test_config)
    os.makedirs(app.instance_path, exist_ok=True)
    if not app.config["DATABASE_URL"]:
        app.config["DATABASE_URL"] = "sqlite:///" + os.path.join(app.instance_path, "mediaplan.db")
    if not app.config["SECRET_KEY"]:
        app.config["SECRET_KEY"] = _instance_secret_key(Path(app.instance_path))
    _derive_flask_settings(app)


def _derive_flask_settings(app: Flask) -> None:
    config = app.config
    config["SQLALCHEMY_DATABASE_URI"] = _normalise_database_url(config["DATABASE_URL"])
    config["SQLALCHEMY_ENGINE_OPTIONS"] = {"pool_pre_ping": True}
    config["SQLALCHEMY_RECORD_QUERIES"] = False
    config["BABEL_DEFAULT_LOCALE"] = config["DEFAULT_LOCALE"]
    config["BABEL_DEFAULT_TIMEZONE"] = config["DEFAULT_TIMEZONE"]
    config["BABEL_TRANSLATION_DIRECTORIES"] = str(Path(__file__).parent / "translations")
    config["SESSION_COOKIE_HTTPONLY"] = True
    config["SESSION_COOKIE_SAMESITE"] = "Lax"
    config["SESSION_COOKIE_SECURE"] = bool(config["HTTPS"])
    config["REMEMBER_COOKIE_HTTPONLY"] = True
    config["REMEMBER_COOKIE_SAMESITE"] = "Lax"
    config["REMEMBER_COOKIE_SECURE"] = bool(config["HTTPS"])
    # The server ends sessions (users/sessions.py); the cookie need not outlive them.
    config["PERMANENT_SESSION_LIFETIME"] = timedelta(
        seconds=int(config["SESSION_ABSOLUTE_SECONDS"])
    )
    config["MAX_CONTENT_LENGTH"] = 2 * 1024 * 1024
    config["WTF_CSRF_TIME_LIMIT"] = None
    config.setdefault("API_TITLE", "Mediaplan API")
    config.setdefault("API_VERSION", "v1")
    config.setdefault("OPENAPI_VERSION", "3.0.3")
    config.setdefault("OPENAPI_URL_PREFIX", "/api/v1")
    config.setdefault("OPENAPI_JSON_PATH", "openapi.json")


def _normalise_database_url(url: str) -> str:
    # Plain postgres:// URLs would pick psycopg2, which is not installed; psycopg 3 is.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _instance_secret_key(instance: Path) -> str:
    path = instance / "secret_key"
    if path.exists():
        return path.read_text().strip()
    key = secrets.token_hex(32)
    # Created with O_EXCL so two processes starting together cannot each write a different key.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as fh:
        fh.write(key)
    return key
