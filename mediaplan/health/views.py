"""The health endpoint."""

import logging

import sqlalchemy as sa
from flask import Blueprint, jsonify

from mediaplan.extensions import db
from mediaplan.registries import registry

logger = logging.getLogger(__name__)
bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    database = database_state()
    healthy = database["status"] == "ok"
    body = {"status": "ok" if healthy else "degraded", "database": database}
    if healthy:
        # Each package's own state (the scheduler's, say), read only from a working database.
        for name, check in registry().health_checks.items():
            body[name] = check()
    return jsonify(body), 200 if healthy else 503


def database_state() -> dict:
    state = {"backend": db.engine.dialect.name}
    try:
        revision = db.session.scalar(sa.text("SELECT version_num FROM alembic_version"))
    except sa.exc.SQLAlchemyError as error:
        # Either the server is down or the schema was never migrated: both need an operator.
        logger.warning("Health check: database unavailable: %s", error)
        db.session.rollback()
        return state | {"status": "unavailable"}
    return state | {"status": "ok", "schema_revision": revision}
