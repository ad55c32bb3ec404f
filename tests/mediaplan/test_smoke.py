"""The application starts, answers health checks and renders its main pages."""


def test_healthz_reports_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json["database"]["status"] == "ok"


def test_plan_page_renders_for_logged_in_user(client, login_as, make_item):
    make_item(title_ru="Серия публикаций о вербовке")
    login_as("viewer")
    response = client.get("/plan", headers={"Accept-Language": "ru"})
    assert response.status_code == 200
    assert "Серия публикаций о вербовке" in response.get_data(as_text=True)


def test_item_page_offers_only_allowed_status_changes(client, login_as, make_item):
    item = make_item(status="done")
    login_as("coordinator")
    page = client.get(f"/plan/items/{item.id}").get_data(as_text=True)
    assert 'value="in_progress"' in page
    assert 'value="cancelled"' not in page


def test_item_forms_render(client, login_as, make_item, plan):
    item = make_item()
    login_as("coordinator")
    assert client.get(f"/plan/items/{item.id}/edit").status_code == 200
    assert client.get(f"/plan/{plan.id}/items/new").status_code == 200
