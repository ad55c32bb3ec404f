"""The health endpoint."""

import logging

import sqlalchemy as sa
from flask import Blueprint, current_app, jsonify

from mediaplan.db import utcnow
from mediaplan.extensions import db
from mediaplan.scheduler.service import scheduler_health

logger = logging.getLogger(__name__)
bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    database = database_state()
    healthy = database["status"] == "ok"
    body = {"status": "ok" if healthy else "degraded", "database": database}
    if healthy:
        body["scheduler"] = scheduler_health(
            now=utcnow(), stale_after_seconds=float(current_app.config["SCHEDULER_STALE_SECONDS"])
        )
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
