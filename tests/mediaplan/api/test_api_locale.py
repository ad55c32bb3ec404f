"""Messages reach partners in the token user's language, else the one their client asks for:
marshmallow's and webargs' English included."""

import pytest
from babel.support import Translations
from flask_babel import get_domain, gettext

URL = "/api/v1/plan-items"

# A stand-in Russian catalog, so these tests do not depend on the translators' progress.
FAKE_RUSSIAN = {
    "Missing data for required field.": "Обязательное поле.",
    "Must be one of: {choices}.": "Допустимые значения: {choices}.",
    "Longer than maximum length {max}.": "Не длиннее {max} знаков.",
    "Give the title in at least one language.": "Укажите название хотя бы на одном языке.",
    "A valid API token is required.": "Нужен действующий токен API.",
    "Invalid JSON body.": "Тело запроса не JSON.",
}


@pytest.fixture
def fake_russian(app, monkeypatch):
    translations = Translations()
    translations._catalog = dict(FAKE_RUSSIAN)
    with app.test_request_context():
        domain = get_domain()
    monkeypatch.setitem(domain.cache, ("ru", "messages"), translations)


def bad_item(client, headers, item_body, **extra_headers):
    body = item_body(direction="sideways", title={"ru": "", "en": "x" * 301})
    del body["number"]
    return client.post(URL, json=body, headers=headers | extra_headers)


def test_field_messages_follow_the_users_language(client, bearer, item_body, fake_russian):
    _user, headers = bearer("coordinator", locale="ru")
    response = bad_item(client, headers, item_body)
    assert response.status_code == 422
    assert response.json["errors"]["json"] == {
        "number": ["Обязательное поле."],
        "direction": ["Допустимые значения: media_plan, media_relations."],
        "title": {"en": ["Не длиннее 300 знаков."]},
    }


def test_service_messages_follow_the_users_language(client, bearer, item_body, fake_russian):
    _user, headers = bearer("coordinator", locale="ru")
    response = client.post(URL, json=item_body(title={"ru": " "}), headers=headers)
    assert response.json["errors"]["json"] == {
        "title": {"ru": ["Укажите название хотя бы на одном языке."]}
    }


def test_the_users_language_wins_over_the_clients(client, bearer, item_body, fake_russian):
    _user, headers = bearer("coordinator", locale="en")
    response = bad_item(client, headers, item_body, **{"Accept-Language": "ru"})
    assert response.json["errors"]["json"]["number"] == ["Missing data for required field."]


def test_without_a_user_language_the_client_chooses(client, bearer, item_body, fake_russian):
    _user, headers = bearer("coordinator", locale=None)
    response = bad_item(client, headers, item_body, **{"Accept-Language": "ru"})
    assert response.json["errors"]["json"]["number"] == ["Обязательное поле."]
    unreadable = client.post(
        URL, data="{", content_type="application/json", headers=headers | {"Accept-Language": "ru"}
    )
    assert unreadable.json["errors"] == {"json": ["Тело запроса не JSON."]}


def test_a_refused_token_is_told_in_the_clients_language(client, fake_russian):
    response = client.get(URL, headers={"Accept-Language": "ru"})
    assert response.status_code == 401
    assert response.json["message"] == "Нужен действующий токен API."


def test_real_catalog_russian_user(client, bearer, item_body, app):
    """With the project's own catalogs: whatever Russian they hold for these is what comes."""

    def russian(msgid: str, **params) -> str:
        with app.test_request_context(headers={"Accept-Language": "ru"}):
            return gettext(msgid).format(**params)

    _user, headers = bearer("press_officer", locale="ru")
    errors = bad_item(client, headers, item_body).json["errors"]["json"]
    assert errors["number"] == [russian("Missing data for required field.")]
    assert errors["direction"] == [
        russian("Must be one of: {choices}.", choices="media_plan, media_relations")
    ]
    assert errors["title"]["en"] == [russian("Longer than maximum length {max}.", max=300)]


def test_every_template_is_marked_for_translation():
    from mediaplan.api.messages import TEMPLATES
    from mediaplan.i18n.library_messages import MARSHMALLOW_MESSAGES

    marked = {str(message) for message in MARSHMALLOW_MESSAGES}
    assert set(TEMPLATES) <= marked


def test_a_translation_that_lost_its_placeholder_falls_back_to_english(app, monkeypatch):
    from mediaplan.api.messages import translate

    translations = Translations()
    translations._catalog = {"Must be one of: {choices}.": "Одно из: {варианты}."}
    with app.test_request_context(headers={"Accept-Language": "ru"}):
        monkeypatch.setitem(get_domain().cache, ("ru", "messages"), translations)
        assert translate("Must be one of: a, b.") == "Must be one of: a, b."
