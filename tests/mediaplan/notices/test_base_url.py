"""Links in e-mails lead to where the site is served: MEDIAPLAN_BASE_URL, else the host and port
`mediaplan serve` was given."""

import pytest
import waitress
from click.testing import CliRunner
from flask.cli import ScriptInfo

from mediaplan import cli
from mediaplan.cli import main, served_url
from tests.mediaplan.notices.conftest import by_recipient


@pytest.mark.parametrize(
    ("host", "url"),
    [
        ("127.0.0.1", "http://127.0.0.1:8123"),
        ("0.0.0.0", "http://127.0.0.1:8123"),  # noqa: S104
        ("mediaplan.local", "http://mediaplan.local:8123"),
        ("::", "http://[::1]:8123"),
        ("fe80::1", "http://[fe80::1]:8123"),
    ],
)
def test_the_served_url_is_what_a_browser_on_the_machine_opens(host, url):
    assert served_url(host, 8123) == url


@pytest.fixture
def serve(app, monkeypatch):
    """Runs `mediaplan serve` with these arguments, without serving or binding anything."""

    class Server:
        def run(self):
            pass

        def close(self):
            pass

    monkeypatch.setattr(waitress, "create_server", lambda wsgi, **settings: Server())
    monkeypatch.setattr(cli, "_check_address", lambda host, port: None)
    monkeypatch.setattr(cli, "_freeze_startup_objects", lambda: None)
    monkeypatch.setitem(app.config, "SCHEDULER", "off")
    # Whatever serve sets, the session's app gets its own value back afterwards.
    monkeypatch.setitem(app.config, "BASE_URL", "http://127.0.0.1:5000")

    def run(*args):
        result = CliRunner().invoke(main, ["serve", *args], obj=ScriptInfo(create_app=lambda: app))
        assert result.exit_code == 0, result.output

    return run


def test_serve_makes_its_own_address_the_base_url(app, monkeypatch, serve):
    monkeypatch.delenv("MEDIAPLAN_BASE_URL", raising=False)
    monkeypatch.setenv("PORT", "5099")
    serve()
    assert app.config["BASE_URL"] == "http://127.0.0.1:5099"
    serve("--host", "0.0.0.0", "--port", "8080")  # noqa: S104
    assert app.config["BASE_URL"] == "http://127.0.0.1:8080"


def test_a_base_url_set_in_the_environment_is_kept(app, monkeypatch, serve):
    monkeypatch.setenv("MEDIAPLAN_BASE_URL", "https://mediaplan.example.kg")
    monkeypatch.setitem(app.config, "BASE_URL", "https://mediaplan.example.kg")
    serve("--port", "8080")
    assert app.config["BASE_URL"] == "https://mediaplan.example.kg"


def test_notices_queued_by_requests_link_to_the_served_address(
    app, db, client, item, team, login_as, post, monkeypatch, serve
):
    monkeypatch.delenv("MEDIAPLAN_BASE_URL", raising=False)
    serve("--host", "0.0.0.0", "--port", "8181")  # noqa: S104
    login_as("methodologist")
    post(f"/plan/items/{item.id}/comments", {"body": "Замечание"})
    with app.app_context():
        body = by_recipient(db)[team["en"].id].body
    assert f"Open the item: http://127.0.0.1:8181/plan/items/{item.id}\n" in body
    assert "http://127.0.0.1:8181/account#notices" in body
