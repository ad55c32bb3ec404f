"""Domain errors and the HTTP error pages."""

import logging

from flask import Flask, jsonify, render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException
from werkzeug.http import HTTP_STATUS_CODES

from mediaplan.db import must_give_way
from mediaplan.extensions import db

logger = logging.getLogger(__name__)


class MediaplanError(Exception):
    """A rule of the domain refused an action; the message is shown to the user.

    A view may catch it to show the message on its form; uncaught, it becomes the answer
    ``status_code`` with the message, on the web as in the API, and nothing is committed.
    """

    status_code = 400

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(str(message))
        self.message = message
        self.field = field


class PermissionDenied(MediaplanError):
    """The actor may not do this to this object."""

    status_code = 403


class NotFound(MediaplanError):
    """The record the action needs does not exist."""

    status_code = 404


class Conflict(MediaplanError):
    """The record changed or is in a state that refuses the action; reload and try again."""

    status_code = 409


class DatabaseBusy(MediaplanError):
    """SQLite's write lock stayed taken, even on a second try: nothing was written."""

    status_code = 503
    # Seconds after which the client may try again (the Retry-After header).
    retry_after = 2

    def __init__(self) -> None:
        super().__init__(ERROR_MESSAGES[503])


class ValidationFailed(MediaplanError):
    """Input broke one or more rules; ``errors`` maps field names to messages."""

    status_code = 422

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__(_l("Please correct the errors below."))
        self.errors = errors


ERROR_MESSAGES = {
    400: _l("The request could not be understood."),
    403: _l("You do not have permission to do this."),
    404: _l("There is nothing at this address."),
    405: _l("This action is not allowed here."),
    413: _l("The request is too large."),
    415: _l("The data was sent in a form that cannot be read here."),
    422: _l("The data sent could not be processed."),
    429: _l("Too many attempts. Please wait and try again."),
    500: _l("Something went wrong on our side. Nothing was changed."),
    503: _l("Many changes are being saved right now. Please try again in a moment."),
}


def wants_json() -> bool:
    return request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json"


def render_error(code: int, message: str | None = None, errors: dict | None = None):
    message = str(message or ERROR_MESSAGES.get(code, ERROR_MESSAGES[500]))
    if wants_json():
        payload = {"code": code, "status": HTTP_STATUS_CODES.get(code, ""), "message": message}
        if errors:
            payload["errors"] = errors
        return jsonify(payload), code
    details = [str(text) for messages in (errors or {}).values() for text in _texts(messages)]
    page = render_template("errors/error.html", code=code, message=message, details=details)
    return page, code


def _texts(messages) -> list:
    """The messages of a field, which nested sources (the API's) give as lists or dicts."""
    if isinstance(messages, dict):
        return [text for value in messages.values() for text in _texts(value)]
    if isinstance(messages, list | tuple):
        return [text for value in messages for text in _texts(value)]
    return [messages]


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        return render_error(400, _l("The form has expired or was not sent from this site."))

    @app.errorhandler(MediaplanError)
    def domain_error(error: MediaplanError):
        # A view that calls a service without catching its refusal: the refusal is still
        # the answer, never a 500, and nothing half-done survives it.
        db.session.rollback()
        return render_domain_error(error)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        # flask-smorest puts request-validation messages here, keyed by location.
        errors = (getattr(error, "data", None) or {}).get("messages")
        response, code = render_error(error.code or 500, errors=errors)
        return response, code, passed_on_headers(error)

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception):
        db.session.rollback()
        if must_give_way(error):
            logger.warning("Database busy on %s %s: %s", request.method, request.path, error)
            return render_domain_error(DatabaseBusy())
        logger.exception("Unhandled error on %s %s", request.method, request.path)
        return render_error(500)


def render_domain_error(error: MediaplanError):
    response, code = render_error(error.status_code, error.message, getattr(error, "errors", None))
    retry_after = getattr(error, "retry_after", None)
    return response, code, {"Retry-After": str(retry_after)} if retry_after else {}


def passed_on_headers(error: HTTPException) -> dict[str, str]:
    """The headers an HTTP error carries besides its body's, such as a 405's Allow."""
    return {name: value for name, value in error.get_headers() if name.lower() != "content-type"}
