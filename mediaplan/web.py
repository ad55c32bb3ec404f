"""Small helpers shared by the views of every feature."""

import logging
from collections.abc import Callable
from functools import wraps

from flask import Flask, abort, flash
from flask_login import current_user, login_required
from wtforms.fields.choices import SelectChoice

from mediaplan.db import WRITES_ATTRIBUTE, is_valid_id, must_give_way
from mediaplan.errors import DatabaseBusy, ValidationFailed
from mediaplan.extensions import db
from mediaplan.forms import Form

logger = logging.getLogger(__name__)


def get_or_404(model, object_id: int):
    obj = db.session.get(model, object_id) if is_valid_id(object_id) else None
    if obj is None:
        abort(404)
    return obj


def show_errors(form: Form, error: ValidationFailed) -> None:
    """Put a service's field errors on the form; errors without a field become a message."""
    for name, messages in error.errors.items():
        field = getattr(form, name, None)
        if field is None or not hasattr(field, "errors"):
            for message in messages:
                flash(message, "danger")
            continue
        if not isinstance(field.errors, list):
            field.errors = list(field.errors)
        field.errors.extend(messages)


def select_choices(pairs) -> list[SelectChoice]:
    """WTForms choices from (value, label) pairs; labels may be lazy translations."""
    return [SelectChoice(value, label) for value, label in pairs]


def roles_required(*roles: str) -> Callable:
    """Log-in required, and the user's role must be one of ``roles`` (else 403)."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def retry_writes_when_busy(app: Flask) -> None:
    """Run a view that writes once more when it had to give way to another write (SQLite's
    lock stayed taken longer than the busy timeout; PostgreSQL chose it as a deadlock's
    victim), then answer 503 (DatabaseBusy) rather than a 500. Everything such a view did is
    in the rolled-back transaction, so a second run starts afresh."""
    for endpoint, view in list(app.view_functions.items()):
        if getattr(view, WRITES_ATTRIBUTE, None) and not getattr(view, "retries_when_busy", False):
            app.view_functions[endpoint] = _retried_when_busy(view)


def _retried_when_busy(view: Callable) -> Callable:
    @wraps(view)
    def retried(*args, **kwargs):
        try:
            return view(*args, **kwargs)
        except Exception as error:
            if not must_give_way(error):
                raise
            db.session.rollback()
            logger.warning("Database busy; running %s again", view.__name__)
        try:
            return view(*args, **kwargs)
        except Exception as error:
            if not must_give_way(error):
                raise
            raise DatabaseBusy from error

    retried.retries_when_busy = True
    return retried
