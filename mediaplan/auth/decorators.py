"""Route decorators that refuse a request before the handler runs."""

from collections.abc import Callable
from functools import wraps

from flask import abort
from flask_login import current_user, login_required


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
