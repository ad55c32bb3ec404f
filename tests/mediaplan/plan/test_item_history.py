"""Every change of an item is in its history: who, when, which field from what to what, and
its status moves, in the reader's language."""

import re

import pytest

from tests.forms import as_post, form_fields

pytestmark = pytest.mark.usefixtures("english")


def history_of(page: str) -> str:
    section = re.search(r'<section class="card" id="history">(.*?)</section>', page, re.S)
    assert section, "no history on the item page"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", section.group(1)))


def test_an_edit_shows_each_changed_field_with_its_old_and_new_value(
    client, login_as, make_item, make_agency, post
):
    coordinator = login_as("coordinator")
    partner = make_agency(code="osce", name_en="OSCE Programme Office")
    item = make_item(title_en="Round table", regions=["osh"])
    url = f"/plan/items/{item.id}/edit"
    values = as_post(form_fields(client.get(url).text))
    changed = values | {
        "title_en": "Round table with editors",
        "regions": ["osh", "batken"],
        "co_executor_ids": [str(partner.id)],
        "ends_on": "2025-03-15",
    }
    assert post(url, changed).status_code == 302
    assert post(f"/plan/items/{item.id}/status", {"status": "in_progress"}).status_code == 302

    history = history_of(client.get(f"/plan/items/{item.id}").text)
    assert "Planned → In progress" in history
    assert "Title (English): Round table → Round table with editors" in history
    assert "Regions: Osh region → Batken region, Osh region" in history
    assert "Co-executors: — → OSCE Programme Office" in history
    assert "Ends on or due by: Feb 28, 2025 → Mar 15, 2025" in history
    assert coordinator.name in history
    # Untouched fields are not listed in an edit; the newest change comes first.
    assert "Number:" not in history.split("Added")[0] and "Number: 1.1" in history
    assert history.index("In progress") < history.index("Round table with editors")


def test_a_kyrgyz_reader_sees_the_history_in_kyrgyz(client, login_as, make_item, post):
    login_as("coordinator")
    item = make_item()
    url = f"/plan/items/{item.id}/edit"
    assert (
        post(url, as_post(form_fields(client.get(url).text)) | {"number": "7.7"}).status_code == 302
    )
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "ky"
    page = client.get(f"/plan/items/{item.id}").text
    history = history_of(page)
    assert "Өзгөртүлдү" in history
    assert "Changed" not in history and "Number" not in history


def test_a_refused_edit_leaves_no_history(client, login_as, make_item, post, other_agency):
    login_as("coordinator")
    item = make_item()
    url = f"/plan/items/{item.id}/edit"
    values = as_post(form_fields(client.get(url).text))
    before = history_of(client.get(f"/plan/items/{item.id}").text)
    assert post(url, values | {"ends_on": "not a date"}).status_code == 200
    assert history_of(client.get(f"/plan/items/{item.id}").text) == before
