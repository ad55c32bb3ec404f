"""A database that really commits, for tests where the scheduler's threads or processes and
the test read and write the same rows."""

from datetime import date, timedelta

import pytest
import sqlalchemy as sa
from flask_migrate import upgrade

from mediaplan.app import create_app
from mediaplan.extensions import db as _db
from tests.conftest import BACKENDS, PASSWORD_HASH, fresh_database

FAST_SCHEDULER = {
    "SCHEDULER_POLL_SECONDS": 0.2,
    "SCHEDULER_HEARTBEAT_SECONDS": 0.2,
    "SCHEDULER_STALE_SECONDS": 5,
    "REMINDER_DISPATCH_SECONDS": 1,
}


@pytest.fixture(scope="module", params=BACKENDS)
def live_url(request, tmp_path_factory):
    with fresh_database(request.param, tmp_path_factory.mktemp("live")) as url:
        yield url


@pytest.fixture(scope="module")
def live_app_factory(live_url):
    """Builds apps on one migrated database; each call may add settings (a new process)."""
    apps = []

    def make(**settings):
        app = create_app(
            {
                "DATABASE_URL": live_url,
                "SECRET_KEY": "x",
                "TESTING": True,
                **FAST_SCHEDULER,
                **settings,
            }
        )
        apps.append(app)
        return app

    with make().app_context():
        upgrade()
    yield make
    for app in apps:
        with app.app_context():
            _db.engine.dispose()


@pytest.fixture
def live_app(live_app_factory):
    app = live_app_factory()
    yield app
    with app.app_context():
        # Leave an empty database for the next test of the module.
        for table in reversed(_db.metadata.sorted_tables):
            _db.session.execute(table.delete())
        _db.session.commit()


@pytest.fixture
def world(live_app):
    """An agency with two users, a coordinator, and a plan covering today: committed."""
    from mediaplan.agencies.models import Agency
    from mediaplan.plan.models import Plan
    from mediaplan.users.models import User

    today = date.today()
    with live_app.app_context():
        agency = Agency(code="mvd", kind="security", name_ru="МВД", name_en="Interior")
        other = Agency(code="gknb", kind="security", name_ru="ГКНБ")
        _db.session.add_all([agency, other])
        _db.session.flush()
        users = [
            User(
                email="ru@example.org",
                name="Ру",
                role="press_officer",
                agency_id=agency.id,
                locale="ru",
                password_hash=PASSWORD_HASH,
            ),
            User(
                email="ky@example.org",
                name="Кы",
                role="trainer",
                agency_id=agency.id,
                locale="ky",
                password_hash=PASSWORD_HASH,
            ),
            User(
                email="coord@example.org",
                name="Co",
                role="coordinator",
                agency_id=other.id,
                password_hash=PASSWORD_HASH,
            ),
        ]
        plan = Plan(
            code="MP",
            title_ru="План",
            starts_on=today - timedelta(days=400),
            ends_on=today + timedelta(days=400),
        )
        _db.session.add_all([*users, plan])
        _db.session.commit()
        return {
            "agency_id": agency.id,
            "plan_id": plan.id,
            "coordinator_id": users[2].id,
            "lead_user_ids": [users[0].id, users[1].id],
        }


@pytest.fixture
def add_item(live_app, world):
    """Adds a committed item through the plan service; returns its id."""
    from mediaplan.plan.models import Plan
    from mediaplan.plan.service import PlanItemData, create_item
    from mediaplan.users.models import User

    counter = iter(range(1, 100_000))

    def add(*, starts_in_days: int | None = 2, ends_in_days: int = 5, reminder_days=3):
        today = date.today()
        n = next(counter)
        with live_app.app_context():
            actor = _db.session.get(User, world["coordinator_id"])
            item = create_item(
                _db.session.get(Plan, world["plan_id"]),
                PlanItemData(
                    number=f"1.{n}",
                    direction="media_plan",
                    format="publication",
                    lead_agency_id=world["agency_id"],
                    title_ru=f"Брифинг {n}",
                    title_ky=f"Брифинг {n}",
                    title_en=f"Briefing {n}",
                    starts_on=today + timedelta(days=starts_in_days)
                    if starts_in_days is not None
                    else None,
                    ends_on=today + timedelta(days=ends_in_days),
                    reminder_days=reminder_days,
                ),
                actor=actor,
            )
            _db.session.commit()
            return item.id

    return add


def outbox_rows(app) -> list[tuple]:
    from mediaplan.notifications.models import OutboxMessage

    with app.app_context():
        return list(
            _db.session.execute(
                sa.select(
                    OutboxMessage.related_id,
                    OutboxMessage.recipient_id,
                    OutboxMessage.language,
                    OutboxMessage.subject,
                ).order_by(OutboxMessage.id)
            )
        )
