"""Which language and time zone the current request is shown in."""

from flask import current_app, has_request_context, request, session
from flask_login import current_user

from mediaplan.db import LANGUAGES

SESSION_KEY = "language"


def select_locale() -> str:
    config = current_app.config
    if not has_request_context():
        # Jobs and CLI commands pass the recipient's language explicitly when it matters.
        return config["DEFAULT_LOCALE"]
    languages = LANGUAGES
    if current_user.is_authenticated and current_user.locale in languages:
        return current_user.locale
    if session.get(SESSION_KEY) in languages:
        return session[SESSION_KEY]
    return request.accept_languages.best_match(languages) or config["DEFAULT_LOCALE"]


def select_timezone() -> str:
    if has_request_context() and current_user.is_authenticated and current_user.timezone:
        return current_user.timezone
    return current_app.config["DEFAULT_TIMEZONE"]
