"""Bearer-token authentication for the API: the token's user is the request's user, and no
session cookie is read or written."""

from flask import g, request
from flask_babel import lazy_gettext as _l
from flask_smorest import abort

from mediaplan.extensions import login_manager
from mediaplan.users.tokens import user_for_token

SECURITY_SCHEME = "bearerAuth"
BEARER_AUTH = {
    "type": "http",
    "scheme": "bearer",
    "description": "A personal access token from the account page, /account/tokens.",
}
REALM = 'Bearer realm="Mediaplan API"'


def authenticate() -> None:
    """Run before every API view: log the token's user in for this request only, or 401."""
    header = request.headers.get("Authorization", "")
    user = _token_user(header)
    # Flask-Login returns g._login_user when it is set, so it never loads a user from a
    # session cookie and login_user() is not needed: nothing goes into the session, and the
    # response carries no cookie. Babel picks the language from this user too.
    g._login_user = user or login_manager.anonymous_user()
    if user is None:
        challenge = REALM + (', error="invalid_token"' if header else "")
        abort(
            401,
            message=_l("A valid API token is required."),
            headers={"WWW-Authenticate": challenge},
        )


def _token_user(header: str):
    scheme, _, secret = header.partition(" ")
    secret = secret.strip()
    if scheme.lower() != "bearer" or not secret:
        return None
    return user_for_token(secret)
