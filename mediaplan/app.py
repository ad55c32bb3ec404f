"""The application factory."""

import os
from collections.abc import Mapping
from pathlib import Path

from flask import Flask

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"

# The core features, each a package exposing init_app(app); order decides blueprint order only.
CORE_FEATURES = (
    "mediaplan.i18n",
    "mediaplan.health",
    "mediaplan.auth",
    "mediaplan.users",
    "mediaplan.agencies",
    "mediaplan.plan",
    "mediaplan.comments",
    "mediaplan.scheduler",
    "mediaplan.notifications",
    "mediaplan.reminders",
    "mediaplan.api",
    "mediaplan.demo",
)


def create_app(test_config: Mapping | None = None) -> Flask:
    """Build a configured Mediaplan application."""
    app = Flask(
        "mediaplan",
        instance_path=os.environ.get("MEDIAPLAN_INSTANCE_PATH") or None,
        instance_relative_config=True,
        template_folder=str(TEMPLATES_DIR),
    )
    from mediaplan.config import load_config

    load_config(app, test_config)
    register_extensions(app)
    register_core(app)
    register_web(app)
    return app


def register_extensions(app: Flask) -> None:
    from mediaplan.db import configure_engine_events
    from mediaplan.extensions import csrf, db, migrate

    db.init_app(app)
    migrate.init_app(
        app, db, directory=str(Path(__file__).parent / "migrations"), render_as_batch=True
    )
    csrf.init_app(app)
    with app.app_context():
        configure_engine_events(db.engine)


def register_core(app: Flask) -> None:
    from importlib import import_module

    for name in CORE_FEATURES:
        import_module(name).init_app(app)


def register_web(app: Flask) -> None:
    from mediaplan.errors import register_error_handlers
    from mediaplan.security import register_security
    from mediaplan.templating import register_template_globals

    register_error_handlers(app)
    register_security(app)
    register_template_globals(app)
