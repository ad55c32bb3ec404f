"""The API's errors: the same JSON body as every /api/ error, with field messages translated
and a service's field names put in the shape of the request."""

import re

from flask import Blueprint
from werkzeug.exceptions import HTTPException

from mediaplan.api.messages import translate_messages
from mediaplan.db import LANGUAGES
from mediaplan.errors import (
    MediaplanError,
    ValidationFailed,
    passed_on_headers,
    render_domain_error,
    render_error,
)
from mediaplan.extensions import db

# A service names a text in one language "title_ru"; in the API it is {"title": {"ru": ...}}.
LOCALIZED_KEY = re.compile(rf"^(\w+)_({'|'.join(LANGUAGES)})$")


def register_error_handlers(blueprint: Blueprint) -> None:
    blueprint.register_error_handler(HTTPException, http_error)
    blueprint.register_error_handler(MediaplanError, domain_error)
    blueprint.register_error_handler(ValidationFailed, validation_failed)


def http_error(error: HTTPException):
    # Nothing half-done may reach a later commit; indico's RH rolls back the same way.
    db.session.rollback()
    # webargs and flask_smorest.abort put the details in ``data``.
    data = getattr(error, "data", None) or {}
    messages = data.get("messages")
    response, code = render_error(
        error.code or 500,
        data.get("message"),
        translate_messages(messages) if messages else None,
    )
    response.headers.update(passed_on_headers(error))
    response.headers.update(data.get("headers") or {})
    return response, code


def domain_error(error: MediaplanError):
    db.session.rollback()
    return render_domain_error(error)


def validation_failed(error: ValidationFailed):
    db.session.rollback()
    return render_error(422, error.message, {"json": request_shaped(error.errors)})


def request_shaped(errors: dict[str, list[str]]) -> dict:
    shaped: dict = {}
    for field, messages in errors.items():
        match = LOCALIZED_KEY.match(field)
        if match:
            shaped.setdefault(match[1], {}).setdefault(match[2], []).extend(messages)
        else:
            shaped.setdefault(field, []).extend(messages)
    return shaped
