"""The migrations alone build the schema, on SQLite and PostgreSQL, and match the models."""

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from mediaplan.app import create_app
from mediaplan.extensions import db
from tests.conftest import POSTGRES_URL, _postgres_database

EMPTY_DATABASES = ["sqlite"] + (["postgresql"] if POSTGRES_URL else [])


@pytest.fixture(params=EMPTY_DATABASES)
def empty_app(request, tmp_path):
    """An app on a database of its own that nothing has touched yet."""
    if request.param == "sqlite":
        urls = iter([f"sqlite:///{tmp_path / 'empty.db'}"])
    else:
        urls = _postgres_database(POSTGRES_URL)
    url = next(urls)
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "x", "TESTING": True})
    yield app
    with app.app_context():
        db.engine.dispose()
    next(urls, None)  # drops the PostgreSQL database


def schema_diff(app) -> list:
    with app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, db.metadata)


def test_migrations_build_the_models_schema(empty_app):
    with empty_app.app_context():
        upgrade()
    assert schema_diff(empty_app) == []


def test_migrations_go_down_and_up_again(empty_app):
    with empty_app.app_context():
        upgrade()
        downgrade(revision="base")
        tables = set(sa.inspect(db.engine).get_table_names()) - {"alembic_version"}
        assert tables == set()
        upgrade()
    assert schema_diff(empty_app) == []


def test_sqlite_connections_enforce_foreign_keys_and_use_wal(app, database_url):
    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite pragmas")
    with app.app_context(), db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_postgresql_runs_on_psycopg3(app, database_url):
    if database_url.startswith("sqlite"):
        pytest.skip("PostgreSQL driver")
    with app.app_context():
        assert db.engine.dialect.driver == "psycopg"
