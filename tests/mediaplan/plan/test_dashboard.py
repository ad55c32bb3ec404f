"""The home page: what needs the user now. Overdue items, those due within two weeks and those
whose first day came while nobody started them; an agency's own for its press officers and
trainers, the whole plan's for the people who own it. And the plan table's overdue filter."""

import datetime as dt
import re

import pytest

from mediaplan.plan.filters import today_in

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def today(app):
    with app.app_context():
        return today_in(app.config["DEFAULT_TIMEZONE"])


@pytest.fixture
def current_plan(make_plan, today):
    return make_plan(
        code="MP-NOW",
        starts_on=today - dt.timedelta(days=180),
        ends_on=today + dt.timedelta(days=180),
    )


@pytest.fixture
def board_items(make_item, current_plan, today, agency, other_agency):
    """Items of two agencies in every situation the home page tells apart."""
    days = dt.timedelta

    def item(title, lead, starts, ends, status="planned"):
        return make_item(
            title_en=title,
            lead=lead,
            in_plan=current_plan,
            status=status,
            starts_on=today + days(starts) if starts is not None else None,
            ends_on=today + days(ends),
        )

    return {
        "late": item("Late talk show", agency, -40, -3),
        "late elsewhere": item("Late round table", other_agency, -40, -2, "in_progress"),
        "late but done": item("Finished brochure", agency, -40, -5, "done"),
        "soon": item("Soon a training", agency, 5, 10, "in_progress"),
        "soon elsewhere": item("Soon a forum", other_agency, 3, 7),
        "waiting": item("Unstarted series", agency, -3, 30),
        "far": item("Far away contest", agency, 60, 90),
    }


def titles(page: str, section: str) -> set[str]:
    match = re.search(rf'aria-labelledby="{section}-title">(.*?)</section>', page, re.S)
    assert match, section
    return set(re.findall(r"</span> ([^<]+)</a>", match.group(1)))


def test_the_start_page_is_the_users_work(client, login_as):
    login_as("viewer")
    response = client.get("/")
    assert response.status_code == 302 and response.location.endswith("/home")


def test_a_coordinator_sees_the_whole_plan(client, login_as, board_items):
    login_as("coordinator")
    page = client.get("/home").text
    assert titles(page, "overdue") == {"Late talk show", "Late round table"}
    assert titles(page, "due") == {"Soon a training", "Soon a forum"}
    assert titles(page, "waiting") == {"Unstarted series"}
    assert "the whole plan" in page
    assert "Finished brochure" not in page and "Far away contest" not in page


def test_a_press_officer_sees_the_items_of_their_agency(client, login_as, board_items):
    login_as("press_officer")
    page = client.get("/home").text
    assert titles(page, "overdue") == {"Late talk show"}
    assert titles(page, "due") == {"Soon a training"}
    assert titles(page, "waiting") == {"Unstarted series"}
    assert "items led by " in page and "the whole plan" not in page


def test_the_home_page_of_an_empty_install_says_so(client, login_as):
    login_as("coordinator")
    response = client.get("/home")
    assert response.status_code == 200
    assert "There is no media plan yet." in response.text


def test_the_home_page_speaks_kyrgyz(client, login_as, board_items, message):
    login_as("coordinator")
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "ky"
    page = client.get("/home").text
    for text in ("My work", "Overdue", "Due in the next 14 days", "Waiting for someone to act"):
        assert message(text, "ky") in page
        assert text not in page


def test_the_overdue_filter_keeps_open_items_past_their_end(
    client, login_as, board_items, current_plan
):
    login_as("coordinator")
    page = client.get(f"/plan?plan={current_plan.id}&overdue=1").text
    assert "Late talk show" in page and "Late round table" in page
    for other in ("Finished brochure", "Soon a training", "Unstarted series", "Far away contest"):
        assert other not in page
    # The marker sits on each late row, also in the unfiltered table.
    full = client.get(f"/plan?plan={current_plan.id}").text
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", full, re.S)
    marked = {
        re.search(r"(Late|Finished|Soon|Unstarted|Far)[^<]*", row).group(0)
        for row in rows
        if "status-overdue" in row
    }
    assert marked == {"Late talk show", "Late round table"}


def test_my_agency_link_filters_by_the_users_agency(client, login_as, agency, current_plan):
    login_as("press_officer")
    page = client.get(f"/plan?plan={current_plan.id}").text
    link = re.search(r'<a href="([^"]+)">My agency\'s items</a>', page)
    assert link and f"agency={agency.id}" in link.group(1)


def test_a_from_date_after_the_to_date_is_pointed_out(client, login_as, current_plan, message):
    login_as("viewer")
    page = client.get(f"/plan?plan={current_plan.id}&date_from=2026-05-01&date_to=2026-04-01").text
    assert message("The “from” date is after the “to” date: no item can match.") in page


def test_the_home_page_switches_to_another_plan(client, login_as, board_items, make_plan, today):
    login_as("coordinator")
    last_year = make_plan(
        code="MP-LAST", starts_on=dt.date(2020, 1, 1), ends_on=dt.date(2020, 12, 31)
    )
    page = client.get("/home").text
    assert f'href="/home?plan={last_year.id}">MP-LAST</a>' in page
    assert '<strong aria-current="page">MP-NOW</strong>' in page
    other = client.get(f"/home?plan={last_year.id}").text
    assert "Late talk show" not in other and "Nothing is overdue." in other
    # An unknown plan shows the plan in use, never an error.
    assert "Late talk show" in client.get("/home?plan=999999").text
    assert "Late talk show" in client.get("/home?plan=x").text
