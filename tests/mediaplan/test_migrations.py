"""The migrations alone build the schema, on SQLite and PostgreSQL, and match the models; their
history has one head, and new revisions get generated ids."""

import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask_migrate import downgrade, migrate, revision, upgrade

from mediaplan.app import create_app
from mediaplan.extensions import db
from tests.conftest import POSTGRES_URL, _postgres_database

EMPTY_DATABASES = ["sqlite"] + (["postgresql"] if POSTGRES_URL else [])
MIGRATIONS = Path(__file__).resolve().parents[2] / "mediaplan" / "migrations"
# Deployed databases record these ids, so they and their files stay as they are.
NUMBERED = {
    "0001": "0001_initial.py",
    "0002": "0002_scheduler_outbox_reminders.py",
    "0003": "0003_plan_items_version.py",
}


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


def history(directory: Path = MIGRATIONS) -> ScriptDirectory:
    config = Config(str(directory / "alembic.ini"))
    config.set_main_option("script_location", str(directory))
    return ScriptDirectory.from_config(config)


def the_head(script: ScriptDirectory) -> str:
    """The one head of the history, after checking that every revision file is reachable from it
    down to the base."""
    heads = script.get_heads()
    assert len(heads) == 1, f"several heads {heads}: merge them with `mediaplan db merge heads`"
    chain = list(script.iterate_revisions(heads[0], "base"))
    files = sorted(path.name for path in Path(script.versions).glob("*.py"))
    assert sorted(Path(rev.path).name for rev in chain) == files
    assert chain[-1].down_revision is None
    return heads[0]


def test_history_has_one_head_above_every_revision():
    the_head(history())


def test_the_numbered_revisions_keep_their_ids_and_files():
    script = history()
    for rev, file_name in NUMBERED.items():
        assert Path(script.get_revision(rev).path).name == file_name
    assert [script.get_revision(rev).down_revision for rev in NUMBERED] == [None, "0001", "0002"]


@pytest.fixture
def scratch_migrations(tmp_path):
    """A copy of the migrations to write new revisions into, and an app on an up-to-date SQLite
    database (how an id is made does not depend on the backend)."""
    directory = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, directory, ignore=shutil.ignore_patterns("__pycache__"))
    app = create_app(
        {"DATABASE_URL": f"sqlite:///{tmp_path / 'm.db'}", "SECRET_KEY": "x", "TESTING": True}
    )
    with app.app_context():
        upgrade(directory=str(directory))
        yield directory
        db.engine.dispose()


def test_db_migrate_writes_a_revision_with_a_generated_id_on_the_head(scratch_migrations):
    head = the_head(history(scratch_migrations))
    with db.engine.begin() as connection:
        connection.exec_driver_sql("DROP INDEX ix_job_runs_kind_started_at")
    before = datetime.now(UTC).strftime("%Y%m%d_%H%M")
    migrate(directory=str(scratch_migrations), message="Restore the job runs index")
    after = datetime.now(UTC).strftime("%Y%m%d_%H%M")

    script = history(scratch_migrations)
    new = the_head(script)
    assert re.fullmatch(r"[0-9a-f]{12}", new), "a generated id, not the next number"
    assert script.get_revision(new).down_revision == head
    path = Path(script.get_revision(new).path)
    day, minute, rev, slug = path.stem.split("_", 3)
    assert before <= f"{day}_{minute}" <= after
    assert (rev, slug) == (new, "restore_the_job_runs_index")
    # Files sort by the time they were written, after the numbered ones.
    assert sorted(p.name for p in path.parent.glob("*.py"))[-1] == path.name
    assert "create_index" in path.read_text()


def test_two_revisions_written_side_by_side_differ_and_make_two_heads(scratch_migrations):
    head = the_head(history(scratch_migrations))
    revision(directory=str(scratch_migrations), message="feeds")
    revision(directory=str(scratch_migrations), message="campaigns", head=head, splice=True)
    script = history(scratch_migrations)
    new = sorted(script.get_heads())
    assert len(set(new)) == 2 and head not in new
    assert [script.get_revision(rev).down_revision for rev in new] == [head, head]
    with pytest.raises(AssertionError, match="several heads"):
        the_head(script)
