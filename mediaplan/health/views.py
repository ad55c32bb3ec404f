"""The health endpoint."""

import logging

import sqlalchemy as sa
from flask import Blueprint, jsonify

from mediaplan.extensions import db

logger = logging.getLogger(__name__)
bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    database = {"backend": db.engine.dialect.name}
    try:
        db.session.execute(sa.text("SELECT 1"))
        database["status"] = "ok"
    except sa.exc.SQLAlchemyError as error:
        logger.warning("Health check: database unavailable: %s", error)
        db.session.rollback()
        database["status"] = "unavailable"
    healthy = database["status"] == "ok"
    body = {"status": "ok" if healthy else "degraded", "database": database}
    return jsonify(body), 200 if healthy else 503
