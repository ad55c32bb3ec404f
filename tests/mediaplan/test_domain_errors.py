"""A refusal a service raises reaches the user as the right answer, in their language, and
leaves nothing behind, even when the view does not catch it."""

import pytest
import sqlalchemy as sa
from flask import Blueprint
from flask_babel import gettext, lazy_gettext
from flask_migrate import upgrade

from mediaplan.agencies.models import Agency
from mediaplan.app import create_app
from mediaplan.db import writes
from mediaplan.errors import Conflict, MediaplanError, NotFound, PermissionDenied, ValidationFailed
from mediaplan.extensions import db as _db

# kind: (the refusal, the message it carries, a field message, the status it must give)
REFUSALS = {
    "permission": (PermissionDenied, "You may not comment on this item.", None, 403),
    "missing": (NotFound, "There is nothing at this address.", None, 404),
    "conflict": (Conflict, "The form has expired or was not sent from this site.", None, 409),
    "invalid": (
        ValidationFailed,
        "Please correct the errors below.",
        "Write a comment first.",
        422,
    ),
    "other": (MediaplanError, "The request could not be understood.", None, 400),
}


def _refusal(kind: str) -> MediaplanError:
    error_class, message, field_message, _status = REFUSALS[kind]
    if error_class is ValidationFailed:
        return ValidationFailed({"body": [lazy_gettext(field_message)]})
    return error_class(lazy_gettext(message))


bp = Blueprint("refusals", __name__)


@bp.post("/refuse/<kind>")
@writes
def refuse(kind: str):
    # A view that writes, then calls a service that refuses, and does not catch it.
    _db.session.add(Agency(code=f"half-written-{kind}", kind="ngo", name_ru="Полузапись"))
    _db.session.flush()
    raise _refusal(kind)


@pytest.fixture(scope="module")
def refusing_app(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('refusals') / 'app.db'}"
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "x", "TESTING": True})
    app.config["WTF_CSRF_ENABLED"] = False
    app.register_blueprint(bp)
    with app.app_context():
        upgrade()
    yield app
    with app.app_context():
        _db.engine.dispose()


def _translated(app, text: str, lang: str) -> str:
    with app.test_request_context(headers={"Accept-Language": lang}):
        return gettext(text)


@pytest.mark.parametrize("kind", REFUSALS)
@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_an_uncaught_refusal_is_its_status_page_in_the_users_language(refusing_app, kind, lang):
    _error_class, message, field_message, status = REFUSALS[kind]
    response = refusing_app.test_client().post(f"/refuse/{kind}", headers={"Accept-Language": lang})
    page = response.get_data(as_text=True)
    assert response.status_code == status
    assert _translated(refusing_app, message, lang) in page
    if field_message:
        assert _translated(refusing_app, field_message, lang) in page
    if lang != "en":
        assert message not in page, "the message was left in English"
    assert "Traceback" not in page


@pytest.mark.parametrize("kind", REFUSALS)
def test_an_uncaught_refusal_writes_nothing(refusing_app, kind):
    refusing_app.test_client().post(f"/refuse/{kind}")
    with refusing_app.app_context():
        written = _db.session.scalar(
            sa.select(sa.func.count()).select_from(Agency).where(Agency.code.like("half-written%"))
        )
    assert written == 0


def test_a_client_asking_for_json_gets_the_refusal_as_json(refusing_app):
    response = refusing_app.test_client().post(
        "/refuse/invalid", headers={"Accept": "application/json", "Accept-Language": "ru"}
    )
    assert response.status_code == 422
    body = response.get_json()
    assert body["code"] == 422
    assert body["errors"] == {"body": [_translated(refusing_app, "Write a comment first.", "ru")]}
