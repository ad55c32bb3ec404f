"""The API's blueprint class: token authentication, JSON errors, and one commit per request."""

import json
from collections.abc import Callable
from functools import wraps

import flask_smorest
from flask import request
from flask_babel import lazy_gettext as _l
from flask_smorest import abort
from webargs.flaskparser import FlaskParser

from mediaplan.api.auth import SECURITY_SCHEME, authenticate
from mediaplan.api.errors import register_error_handlers
from mediaplan.db import READ_METHODS, writes
from mediaplan.extensions import db


class ApiParser(FlaskParser):
    """webargs' parser, also answering 400 to bodies that json.loads cannot take."""

    def _raw_load_json(self, req):
        try:
            return super()._raw_load_json(req)
        except json.JSONDecodeError:
            raise  # webargs' own handling: an empty body is "missing", anything else a 400
        except (ValueError, RecursionError) as error:
            # Integers of more than 4,300 digits raise ValueError, deep nesting RecursionError.
            return self._handle_invalid_json_error(error, req)


class ApiBlueprint(flask_smorest.Blueprint):
    """A blueprint of /api/v1/: every request carries a token, every error is JSON."""

    ARGUMENTS_PARSER = ApiParser()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.before_request(authenticate)
        self.before_request(require_json_body)
        register_error_handlers(self)

    def route(self, rule, **options):
        """Register a view, marked in the OpenAPI document as needing the bearer token, and as
        writing in the methods that change data (GET, HEAD and OPTIONS read only)."""
        register = super().route(rule, **options)
        needs_token = self.doc(security=[{SECURITY_SCHEME: []}])
        changing = [m for m in options.get("methods", ["GET"]) if m.upper() not in READ_METHODS]
        if changing:
            return lambda view: register(needs_token(writes(view, methods=changing)))
        return lambda view: register(needs_token(view))


# The methods whose requests carry the data they change; DELETE carries none.
BODY_METHODS = ("POST", "PUT", "PATCH")


def require_json_body() -> None:
    """Every API request that changes data sends it as a JSON body: anything else (a form, plain
    text, nothing) would otherwise read as "no fields" and change nothing, yet answer 200."""
    if request.method not in BODY_METHODS:
        return
    if not request.is_json:
        abort(415, message=_l("Send the data as JSON, with Content-Type: application/json."))
    if not request.get_data(cache=True):
        abort(400, message=_l("The request has no JSON body."))


def commits(view: Callable) -> Callable:
    """Commit the request's work, the token's last use included, once the view has returned.

    Placed above ``@blp.response`` so the commit follows serialization: committing first
    would expire every loaded object and reload each one to dump it.
    """

    @wraps(view)
    def wrapper(*args, **kwargs):
        response = view(*args, **kwargs)
        db.session.commit()
        return response

    return wrapper
