"""No silent loss: an edit made from an older version of an item is refused with what changed,
the person's own changes kept in the form to merge by hand; text over its limit is an error,
never a cut; one submit shows every error at its field."""

import re

import pytest

from tests.conftest import log_in_browser
from tests.forms import as_post, form_fields

pytestmark = pytest.mark.usefixtures("english")
HIDDEN_VERSION = re.compile(r'name="version" type="hidden" value="(\d+)"')


def test_an_edit_from_an_older_version_is_refused_and_can_be_merged(
    app, db, client, login_as, make_user, make_item, post, load_item
):
    first = login_as("coordinator")
    item = make_item(title_en="Series of articles", description_en="")
    url = f"/plan/items/{item.id}/edit"
    mine = as_post(form_fields(client.get(url).get_data(as_text=True)))

    other = app.test_client()
    other.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    log_in_browser(app, other, make_user("coordinator", name="Aigul"))
    theirs = as_post(form_fields(other.get(url).get_data(as_text=True)))
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', other.get(url).text)
    assert token
    saved = other.post(
        url, data={**theirs, "title_en": "Their new title", "csrf_token": token.group(1)}
    )
    assert saved.status_code == 302

    refused = post(url, {**mine, "description_en": "My new description"})
    page = refused.get_data(as_text=True)
    assert refused.status_code == 409
    assert "Someone else saved this item after you opened it" in page
    assert "Aigul saved it" in page
    assert "Their new title" in page and "Series of articles" in page
    assert "My new description" in page
    stored = load_item(item.id)
    assert (stored.title_en, stored.description_en) == ("Their new title", "")

    merged = as_post(form_fields(page)) | {"title_en": "Their new title"}
    assert post(url, merged).status_code == 302
    stored = load_item(item.id)
    assert (stored.title_en, stored.description_en) == ("Their new title", "My new description")
    assert stored.updated_by_id == first.id


def test_text_over_its_limit_is_an_error_never_a_cut(
    client, login_as, make_item, post, load_item, snapshot
):
    login_as("coordinator")
    item = make_item()
    url = f"/plan/items/{item.id}/edit"
    page = client.get(url).get_data(as_text=True)
    # A browser cuts pasted text at maxlength without a word: the server says it instead.
    assert "maxlength" not in page
    before = snapshot()
    response = post(url, as_post(form_fields(page)) | {"description_ru": "я" * 10_000})
    assert response.status_code == 200
    assert "Field cannot be longer than 5000 characters." in response.get_data(as_text=True)
    assert snapshot() == before


def test_one_submit_shows_every_error_at_its_field(client, login_as, plan, post, snapshot):
    login_as("coordinator")
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "ky"
    before = snapshot()
    response = post(
        f"/plan/{plan.id}/items/new",
        {"number": "x", "timing": "range", "starts_on": "2025-05-10", "ends_on": "2025-05-01"},
    )
    page = response.get_data(as_text=True)
    assert snapshot() == before
    fields_with_errors = set(re.findall(r'class="field has-error">\s*<label for="([\w-]+)"', page))
    assert {"number", "title_ky", "lead_agency_id", "starts_on"} <= fields_with_errors, (
        fields_with_errors
    )
    # On a Kyrgyz page the missing title is asked for in Kyrgyz, not on the Russian title.
    assert "title_ru" not in fields_with_errors
