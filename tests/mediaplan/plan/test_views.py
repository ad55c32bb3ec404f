"""The plan's pages through the web: item forms, status, history, comments, and the table's
filters, sorting and pages."""

import re
from datetime import date

import pytest

pytestmark = pytest.mark.usefixtures("english")

ROW_NUMBER_RE = re.compile(r'<tr>\s*<td class="nowrap">([^<]*)</td>')


def numbers_shown(response) -> list[str]:
    """The item numbers in the plan table, top to bottom."""
    assert response.status_code == 200
    return ROW_NUMBER_RE.findall(response.get_data(as_text=True))


def test_create_item_with_indicators_and_co_executors(
    login_as, plan, other_agency, make_agency, post, client, item_form, load_item, message
):
    coordinator = login_as("coordinator")
    third = make_agency(name_en="Ministry of Culture")
    form = item_form(
        co_executor_ids=[str(other_agency.id), str(third.id)],
        **{"indicators-1-text": "Readers reached", "indicators-1-target": "20000"},
    )

    response = post(f"/plan/{plan.id}/items/new", form)

    assert response.status_code == 302
    item_id = int(response.location.rsplit("/", 1)[1])
    item = load_item(item_id)
    assert (item.number, item.status, item.plan_id) == ("7.1", "planned", plan.id)
    assert item.title_ru == "Серия статей для молодёжи"
    assert (item.starts_on, item.ends_on) == (date(2025, 3, 1), date(2025, 3, 31))
    assert {a.id for a in item.co_executors} == {other_agency.id, third.id}
    assert [(i.text, i.target, i.unit) for i in item.indicators] == [
        ("Опубликованных статей", 6, "шт."),
        ("Readers reached", 20000, ""),
    ]
    assert (item.regions, item.target_groups) == (["bishkek", "osh"], ["youth"])
    assert item.created_by_id == coordinator.id
    page = client.get(response.location).get_data(as_text=True)
    assert message("Item %(number)s added to the plan.", number="7.1") in page
    assert "Series of articles for young people" in page
    assert "Ministry of Culture" in page
    assert "Readers reached" in page


def test_create_deadline_item(login_as, plan, post, item_form, load_item):
    login_as("trainer")

    response = post(
        f"/plan/{plan.id}/items/new",
        item_form(timing="deadline", starts_on="2025-03-01", ends_on="2025-06-30"),
    )

    assert response.status_code == 302
    item = load_item(int(response.location.rsplit("/", 1)[1]))
    assert (item.starts_on, item.ends_on) == (None, date(2025, 6, 30))


def test_create_form_offers_an_editor_only_their_agency(
    login_as, plan, agency, other_agency, client
):
    login_as("press_officer")

    page = client.get(f"/plan/{plan.id}/items/new").get_data(as_text=True)

    lead_select = re.search(r'<select id="lead_agency_id".*?</select>', page, re.S).group(0)
    assert f'<option selected value="{agency.id}">' in lead_select
    assert f'value="{other_agency.id}"' not in lead_select


def test_edit_form_shows_the_item_and_saves_changes(
    login_as, make_item, other_agency, client, post, item_form, load_item, message
):
    login_as("press_officer")
    item = make_item(
        number="4.2",
        title_en="Roundtable in Osh",
        regions=["osh"],
        co_executor_ids=[other_agency.id],
    )

    form_page = client.get(f"/plan/items/{item.id}/edit").get_data(as_text=True)
    assert 'value="Roundtable in Osh"' in form_page
    assert 'value="4.2"' in form_page

    response = post(
        f"/plan/items/{item.id}/edit",
        item_form(number="4.2", title_en="Roundtable in Batken", regions=["batken"]),
    )

    assert response.status_code == 302
    assert response.location == f"/plan/items/{item.id}"
    edited = load_item(item.id)
    assert edited.title_en == "Roundtable in Batken"
    assert edited.regions == ["batken"]
    assert edited.co_executors == []
    assert edited.status == "planned"
    page = client.get(response.location).get_data(as_text=True)
    assert message("Changes saved.") in page
    assert "Roundtable in Batken" in page


def test_a_deactivated_co_executor_stays_until_unticked(
    app, db, login_as, make_item, make_agency, other_agency, client, post, item_form, load_item
):
    from mediaplan.agencies.models import Agency

    login_as("coordinator")
    closing = make_agency(name_en="Closed Centre")
    item = make_item(number="4.3", co_executor_ids=[closing.id, other_agency.id])
    with app.app_context():
        db.session.get(Agency, closing.id).is_active = False
        db.session.commit()

    page = client.get(f"/plan/items/{item.id}/edit").get_data(as_text=True)
    box = re.search(rf'<input[^>]*value="{closing.id}"[^>]*>\s*<label[^>]*>([^<]*)<', page)
    assert box and "checked" in box.group(0)
    assert box.group(1) == "Closed Centre (inactive)"

    kept = [str(closing.id), str(other_agency.id)]
    post(f"/plan/items/{item.id}/edit", item_form(number="4.3", co_executor_ids=kept))
    assert {a.id for a in load_item(item.id).co_executors} == {closing.id, other_agency.id}

    post(f"/plan/items/{item.id}/edit", item_form(number="4.3", co_executor_ids=kept[1:]))
    assert {a.id for a in load_item(item.id).co_executors} == {other_agency.id}
    page = client.get(f"/plan/items/{item.id}/edit").get_data(as_text=True)
    assert "Closed Centre" not in page


def test_status_change_shows_in_the_history(login_as, make_item, client, post, load_item, message):
    officer = login_as("press_officer", name="Aigul Sadykova")
    item = make_item()

    response = post(
        f"/plan/items/{item.id}/status", {"status": "postponed", "reason": "The studio is closed"}
    )

    assert response.status_code == 302
    changed = load_item(item.id)
    assert changed.status == "postponed"
    last = changed.status_changes[-1]
    assert (last.from_status, last.to_status, last.actor_id) == ("planned", "postponed", officer.id)
    page = client.get(f"/plan/items/{item.id}").get_data(as_text=True)
    assert message("Status changed.") in page
    history = page[page.index('<ol class="history">') :]
    assert "Planned → Postponed" in history
    assert "The studio is closed" in history
    assert "Aigul Sadykova" in history


def test_comments_show_on_the_item_page(login_as, make_item, client, post, message):
    item = make_item()
    login_as("methodologist", name="Bakyt Osmonov")

    response = post(f"/plan/items/{item.id}/comments", {"body": "Add a Kyrgyz version, please."})

    assert response.status_code == 302
    page = client.get(f"/plan/items/{item.id}").get_data(as_text=True)
    comments = page[page.index('id="comments"') :]
    assert message("Comment added.") in page
    assert "Add a Kyrgyz version, please." in comments
    assert "Bakyt Osmonov" in comments


@pytest.fixture
def table(login_as, make_item, make_agency, agency, other_agency):
    """Four items that differ in every filtered property; the viewer looks at them."""
    third = make_agency()
    make_item(
        number="1.1",
        title_ky="Жаштар үчүн макалалар сериясы",
        title_ru="Серия статей для молодёжи",
        title_en="Series of articles for youth",
        starts_on=date(2025, 2, 1),
        ends_on=date(2025, 2, 28),
        regions=["bishkek"],
        target_groups=["youth"],
    )
    make_item(
        number="1.2",
        lead=other_agency,
        format="broadcast",
        status="in_progress",
        title_ky="Вербовка тууралуу радиоберүү",
        title_ru="Радиопередача о вербовке",
        title_en="Radio programme on recruitment",
        starts_on=date(2025, 5, 10),
        ends_on=date(2025, 5, 20),
        regions=["osh"],
        target_groups=["women"],
    )
    make_item(
        number="2.1",
        lead=third,
        co_executor_ids=[agency.id],
        direction="media_relations",
        format="journalist_training",
        status="done",
        title_ky="Журналисттер үчүн тренинг",
        title_ru="Тренинг для журналистов",
        title_en="Training for journalists",
        starts_on=None,
        ends_on=date(2025, 9, 30),
        regions=["naryn"],
        target_groups=["journalists"],
    )
    make_item(
        number="2.2",
        lead=other_agency,
        direction="media_relations",
        format="press_conference",
        status="cancelled",
        title_ru="Пресс-конференция",
        title_en="Press conference",
        starts_on=date(2025, 11, 1),
        ends_on=date(2025, 12, 15),
        regions=["bishkek", "osh"],
        target_groups=["youth", "journalists"],
    )
    login_as("viewer")
    return {"own": agency.id, "other": other_agency.id}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        pytest.param("", ["1.1", "1.2", "2.1", "2.2"], id="no-filter"),
        pytest.param("direction=media_relations", ["2.1", "2.2"], id="direction"),
        pytest.param("format=broadcast", ["1.2"], id="format"),
        pytest.param("agency={own}", ["1.1", "2.1"], id="agency-lead-or-co-executor"),
        pytest.param("agency={other}", ["1.2", "2.2"], id="agency-lead"),
        pytest.param("status=done", ["2.1"], id="status"),
        pytest.param("quarter=1", ["1.1"], id="quarter-1"),
        pytest.param("quarter=2", ["1.2"], id="quarter-2"),
        pytest.param("quarter=3", ["2.1"], id="quarter-3-deadline"),
        pytest.param("quarter=4", ["2.2"], id="quarter-4"),
        pytest.param("date_from=2025-05-15&date_to=2025-09-30", ["1.2", "2.1"], id="date-range"),
        pytest.param("date_from=2025-02-28&date_to=2025-02-28", ["1.1"], id="one-day"),
        pytest.param("region=osh", ["1.2", "2.2"], id="region"),
        pytest.param("target_group=journalists", ["2.1", "2.2"], id="target-group"),
        pytest.param("q=макалалар", ["1.1"], id="search-kyrgyz"),
        pytest.param("q=ТУУРАЛУУ", ["1.2"], id="search-kyrgyz-upper-case"),
        pytest.param("q=вербовке", ["1.2"], id="search-russian"),
        pytest.param("q=СЕРИЯ", ["1.1"], id="search-cyrillic-upper-case"),
        pytest.param("q=серия", ["1.1"], id="search-cyrillic-lower-case"),
        pytest.param("q=TRAINING", ["2.1"], id="search-english-upper-case"),
        pytest.param("q=2.1", ["2.1"], id="search-number"),
        pytest.param("q=100%25", [], id="search-percent-is-literal"),
        pytest.param("q=_", [], id="search-underscore-is-literal"),
        pytest.param("direction=media_relations&region=osh", ["2.2"], id="combined"),
        pytest.param("status=planned&region=naryn", [], id="nothing-matches"),
    ],
)
def test_plan_table_filters(query, expected, table, client):
    response = client.get("/plan?" + query.format(**table))

    assert numbers_shown(response) == expected


def test_plan_table_filter_form_shows_the_chosen_filters(table, client):
    query = "direction=media_relations&region=osh&quarter=2&agency={own}&q=Ош+%22<x>%22"
    page = client.get("/plan?" + query.format(**table)).get_data(as_text=True)

    form = page[page.index('<form class="filters"') : page.index("</form>", page.index("filters"))]
    assert '<option value="media_relations" selected>' in form
    assert '<option value="osh" selected>' in form
    assert '<option value="2" selected>II</option>' in form
    assert f'<option value="{table["own"]}" selected>' in form
    assert 'value="Ош &#34;&lt;x&gt;&#34;"' in form
    assert form.count(" selected>") == 4


@pytest.mark.parametrize(
    ("query", "language", "expected"),
    [
        pytest.param("sort=number&order=desc", "en", ["2.2", "2.1", "1.2", "1.1"], id="number"),
        pytest.param("sort=title", "en", ["2.2", "1.2", "1.1", "2.1"], id="title-en"),
        pytest.param("sort=title&order=desc", "en", ["2.1", "1.1", "1.2", "2.2"], id="title-desc"),
        # 2.2 has no Kyrgyz title: it sorts by the Russian one it shows instead.
        pytest.param("sort=title", "ky", ["1.2", "1.1", "2.1", "2.2"], id="title-ky-fallback"),
        pytest.param("sort=dates", "en", ["1.1", "1.2", "2.1", "2.2"], id="dates"),
        pytest.param("sort=dates&order=desc", "en", ["2.2", "2.1", "1.2", "1.1"], id="dates-desc"),
        pytest.param("sort=status", "en", ["2.2", "2.1", "1.2", "1.1"], id="status"),
    ],
)
def test_plan_table_sorting(query, language, expected, table, client):
    response = client.get("/plan?" + query, headers={"Accept-Language": language})

    assert numbers_shown(response) == expected


def test_numbers_sort_as_numbers(login_as, make_item, client):
    for number in ("1.10", "10.1", "1.9", "2.1", "1.2"):
        make_item(number=number)
    login_as("viewer")

    assert numbers_shown(client.get("/plan")) == ["1.2", "1.9", "1.10", "2.1", "10.1"]
    assert numbers_shown(client.get("/plan?order=desc")) == ["10.1", "2.1", "1.10", "1.9", "1.2"]


def test_plan_table_pages(login_as, make_item, client, message):
    for n in range(1, 8):
        make_item(number=f"5.{n}")
    login_as("viewer")

    first = client.get("/plan?per_page=3")
    last = client.get("/plan?per_page=3&page=3")

    assert numbers_shown(first) == ["5.1", "5.2", "5.3"]
    assert numbers_shown(client.get("/plan?per_page=3&page=2")) == ["5.4", "5.5", "5.6"]
    assert numbers_shown(last) == ["5.7"]
    first_page, last_page = first.get_data(as_text=True), last.get_data(as_text=True)
    assert 'rel="next"' in first_page
    assert 'rel="prev"' not in first_page
    assert 'rel="prev"' in last_page
    assert 'rel="next"' not in last_page
    assert "7 items" in first_page


def test_plan_table_shows_only_the_chosen_plan(login_as, make_plan, make_item, client):
    older = make_plan(starts_on=date(2024, 1, 1), ends_on=date(2024, 12, 31))
    make_item(number="1.1", title_en="This year's item")
    make_item(
        number="1.1",
        in_plan=older,
        title_en="Last year's item",
        starts_on=date(2024, 3, 1),
        ends_on=date(2024, 3, 2),
    )
    login_as("viewer")

    latest = client.get("/plan").get_data(as_text=True)
    chosen = client.get(f"/plan?plan={older.id}").get_data(as_text=True)

    assert "This year&#39;s item" in latest
    assert "Last year&#39;s item" not in latest
    assert "Last year&#39;s item" in chosen
    assert "This year&#39;s item" not in chosen
