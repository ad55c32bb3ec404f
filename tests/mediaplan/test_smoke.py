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
