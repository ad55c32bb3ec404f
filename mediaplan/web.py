"""Small helpers shared by the views of every feature."""

from collections.abc import Callable
from functools import wraps

from flask import abort, flash
from flask_login import current_user, login_required
from wtforms.fields.choices import SelectChoice

from mediaplan.db import is_valid_id
from mediaplan.errors import ValidationFailed
from mediaplan.extensions import db
from mediaplan.forms import Form


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
