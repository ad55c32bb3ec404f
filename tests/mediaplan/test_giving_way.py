"""Two writes at one moment: a write that had to give way to another is run again rather than
answered with an error, and a row locked for a rule does not stop rows referring to it."""

import threading

import pytest
import sqlalchemy as sa
from flask import Blueprint, jsonify

from mediaplan.app import create_app
from mediaplan.db import writes
from mediaplan.extensions import db as _db
from mediaplan.locking import for_update
from mediaplan.web import retry_writes_when_busy

bp = Blueprint("giving_way", __name__)
RUNS: list[str] = []


@bp.post("/gives-way/<int:times>")
@writes
def gives_way(times: int):
    """Chosen as a deadlock's victim on its first ``times`` runs, by PostgreSQL itself."""
    RUNS.append("run")
    if len(RUNS) <= times:
        _db.session.execute(
            sa.text("DO $$ BEGIN RAISE EXCEPTION 'victim' USING ERRCODE = '40P01'; END $$")
        )
    return jsonify(runs=len(RUNS))


@pytest.fixture
def postgres_only(database_url):
    if not database_url.startswith("postgresql"):
        pytest.skip("PostgreSQL's deadlocks and row locks")
    return database_url


@pytest.fixture
def giving_app(app, postgres_only):
    """An app of its own on the session's database (``app`` has made its schema)."""
    giving = create_app(
        {
            "DATABASE_URL": postgres_only,
            "SECRET_KEY": "x",
            "TESTING": True,
            "WTF_CSRF_ENABLED": False,
        }
    )
    giving.register_blueprint(bp)
    retry_writes_when_busy(giving)
    RUNS.clear()
    yield giving
    with giving.app_context():
        _db.engine.dispose()


def test_a_deadlock_victim_is_run_again_and_succeeds(giving_app):
    response = giving_app.test_client().post("/gives-way/1")
    assert response.status_code == 200 and response.json == {"runs": 2}


def test_a_victim_twice_is_answered_busy_never_500(giving_app):
    response = giving_app.test_client().post("/gives-way/2", headers={"Accept-Language": "en"})
    assert response.status_code == 503 and len(RUNS) == 2
    assert "Please try again in a moment" in response.get_data(as_text=True)


def test_an_item_locked_for_a_rule_still_takes_rows_referring_to_it(giving_app, postgres_only):
    """A job writing a reminder or an outbox row of an item (its foreign key check) does not
    wait for a request holding the item for a status change, so the two cannot deadlock."""
    from datetime import date

    from mediaplan.agencies.models import Agency
    from mediaplan.plan.models import Plan, PlanItem

    engine = sa.create_engine(postgres_only)
    outcome: list = []

    def foreign_key_check(item_id: int):
        try:
            with engine.connect() as connection:
                connection.exec_driver_sql("SET lock_timeout = '2s'")
                connection.execute(
                    sa.text("SELECT 1 FROM plan_items WHERE id = :id FOR KEY SHARE"),
                    {"id": item_id},
                )
                outcome.append("passed")
        except sa.exc.OperationalError as error:
            outcome.append(type(error.orig).__name__)

    with giving_app.app_context():
        # Rows of their own, committed, so that another connection sees them.
        agency = Agency(code="giving-way", kind="ngo", name_ru="Ведомство")
        plan = Plan(
            code="GIVING-WAY",
            title_ru="План",
            starts_on=date(2025, 1, 1),
            ends_on=date(2025, 12, 31),
        )
        item = PlanItem(
            plan=plan,
            number="1.1",
            sort_key="0001.0001",
            direction="media_plan",
            format="publication",
            title_ru="Публикация",
            lead_agency=agency,
            ends_on=date(2025, 3, 1),
            status="planned",
        )
        _db.session.add(item)
        _db.session.commit()
        try:
            for_update(_db.session.get(PlanItem, item.id))
            other = threading.Thread(target=foreign_key_check, args=(item.id,))
            other.start()
            other.join(10)
            _db.session.rollback()
        finally:
            _db.session.delete(_db.session.get(PlanItem, item.id))
            _db.session.delete(_db.session.get(Plan, plan.id))
            _db.session.delete(_db.session.get(Agency, agency.id))
            _db.session.commit()
    engine.dispose()
    assert outcome == ["passed"]
