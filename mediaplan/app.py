"""The application factory."""

import os
from collections.abc import Mapping
from pathlib import Path

from flask import Flask

PACKAGE_DIR = Path(__file__).resolve().parent


def templates_folder() -> Path:
    """The Jinja templates: inside the package when installed from a wheel, else the
    checkout's top-level templates/ folder."""
    packaged = PACKAGE_DIR / "templates"
    return packaged if packaged.is_dir() else PACKAGE_DIR.parent / "templates"


def create_app(test_config: Mapping | None = None) -> Flask:
    """Build a configured Mediaplan application."""
    app = Flask(
        "mediaplan",
        instance_path=os.environ.get("MEDIAPLAN_INSTANCE_PATH") or None,
        instance_relative_config=True,
        template_folder=str(templates_folder()),
    )
    from mediaplan.config import load_config

    load_config(app, test_config)
    register_extensions(app)
    load_features(app)
    register_web(app)
    return app


def register_extensions(app: Flask) -> None:
    from mediaplan.db import configure_engine_events, note_pending_uses
    from mediaplan.extensions import csrf, db, migrate

    db.init_app(app)
    migrate.init_app(
        app, db, directory=str(Path(__file__).parent / "migrations"), render_as_batch=True
    )
    csrf.init_app(app)
    with app.app_context():
        configure_engine_events(
            db.engine, busy_timeout_ms=int(app.config["SQLITE_BUSY_TIMEOUT_MS"])
        )
    app.teardown_request(note_pending_uses)


def load_features(app: Flask) -> None:
    """Load every package through its init_app, which adds it to the registries.

    The one place where the core names its packages. They are listed in the order they
    depend on each other: a package imports only those before it, and a top-level package
    (campaigns, feeds, calendar_exports) comes after every package of mediaplan
    (tests/mediaplan/test_architecture.py checks both).
    """
    from mediaplan import (
        agencies,
        api,
        audit,
        auth,
        comments,
        demo,
        health,
        i18n,
        notices,
        notifications,
        plan,
        reminders,
        scheduler,
        users,
    )

    features = (
        i18n,
        health,
        scheduler,
        audit,
        agencies,
        users,
        notifications,
        auth,
        api,
        plan,
        comments,
        notices,
        reminders,
        demo,
    )
    for feature in features:
        feature.init_app(app)


def register_web(app: Flask) -> None:
    from mediaplan.errors import register_error_handlers
    from mediaplan.navigation import register_navigation
    from mediaplan.security import register_security
    from mediaplan.templating import register_template_globals
    from mediaplan.web import retry_writes_when_busy

    register_error_handlers(app)
    retry_writes_when_busy(app)
    register_security(app)
    register_template_globals(app)
    register_navigation(app)
