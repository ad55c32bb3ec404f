"""Users and agencies log every change through their services: what changed, from what to
what, and who did it; nothing when nothing changed or the change was refused; never a password
or its hash; and nothing once the change is rolled back."""

import pytest

from mediaplan.agencies import service as agencies
from mediaplan.audit.service import history
from mediaplan.errors import ValidationFailed
from mediaplan.users import service as users
from mediaplan.users.models import User
from tests.conftest import open_session

SECRET = "a long enough password"


def agency_data(**changes) -> dict:
    return {
        "code": "culture",
        "kind": "state_body",
        "name_ky": "Маданият министрлиги",
        "name_ru": "Министерство культуры",
        "name_en": "",
        "abbreviation_ky": "",
        "abbreviation_ru": "",
        "abbreviation_en": "",
        "is_active": True,
    } | changes


def edit(user, actor, **changes):
    values = {
        "name": user.name,
        "role": user.role,
        "agency_id": user.agency_id,
        "is_active": user.is_active,
    } | changes
    return users.update_user(user, actor_id=actor.id, **values)


def logged(kind: str, record_id: int) -> list[tuple]:
    return [(e.action, e.actor_id, e.changes) for e in history(kind, record_id)]


def test_creating_a_user_logs_what_they_were_given_and_by_whom(ctx, agency, make_user):
    admin = make_user("admin")

    user = users.create_user(
        email="Aida@Example.org",
        name="Aida",
        role="trainer",
        agency_id=agency.id,
        password=SECRET,
        is_active=False,
        actor_id=admin.id,
    )

    assert logged("user", user.id) == [
        (
            "created",
            admin.id,
            {
                "email": [None, "aida@example.org"],
                "name": [None, "Aida"],
                "role": [None, "trainer"],
                "agency_id": [None, agency.id],
                "is_active": [None, False],
            },
        )
    ]


def test_a_user_created_from_the_shell_is_logged_as_by_the_system(ctx, agency):
    user = users.create_user(
        email="cli@example.org", name="C", role="viewer", agency_id=agency.id, password=SECRET
    )

    assert [(action, actor) for action, actor, _ in logged("user", user.id)] == [("created", None)]


def test_an_edit_logs_only_the_fields_that_changed(ctx, make_user, agency, other_agency):
    admin, user = make_user("admin"), make_user("press_officer", name="Aida")

    edit(user, admin, name=" Aida ", role="trainer", agency_id=other_agency.id)

    assert logged("user", user.id) == [
        (
            "edited",
            admin.id,
            {"role": ["press_officer", "trainer"], "agency_id": [agency.id, other_agency.id]},
        )
    ]


def test_saving_a_user_unchanged_logs_nothing(ctx, make_user):
    admin, user = make_user("admin"), make_user("trainer")

    edit(user, admin)

    assert logged("user", user.id) == []


@pytest.mark.parametrize(("first", "then"), [(True, False), (False, True)])
def test_turning_access_off_or_on_is_named_for_it(ctx, make_user, first, then):
    admin, user = make_user("admin"), make_user("trainer", is_active=first)
    old_name = user.name

    edit(user, admin, is_active=then, name="Renamed")

    ((action, _actor, changes),) = logged("user", user.id)
    assert action == ("reactivated" if then else "deactivated")
    assert changes == {"name": [old_name, "Renamed"], "is_active": [first, then]}


def test_a_refused_edit_logs_nothing(ctx, db, make_user):
    admin = make_user("admin")

    # The last active administrator may not step down.
    with pytest.raises(ValidationFailed):
        edit(admin, admin, role="viewer")
    with pytest.raises(ValidationFailed):
        edit(admin, admin, role="superuser")

    assert logged("user", admin.id) == []


def test_an_edit_rolled_back_leaves_no_entry(ctx, db, make_user):
    admin, user = make_user("admin"), make_user("trainer")

    edit(user, admin, role="viewer")
    assert len(logged("user", user.id)) == 1
    db.session.rollback()

    assert logged("user", user.id) == []
    assert db.session.get(User, user.id).role == "trainer"


def test_a_password_change_is_logged_without_the_password(ctx, db, make_user):
    user = make_user("viewer")
    new_hash = users.new_password_hash(SECRET)

    users.set_password(user, new_hash)
    users.set_password(user, new_hash, actor_id=None)

    assert logged("user", user.id) == [
        ("password_changed", None, {}),
        ("password_changed", user.id, {}),
    ]


def test_ending_a_users_sessions_is_logged_when_there_were_some(ctx, db, app, make_user):
    admin, user = make_user("admin"), make_user("trainer")

    assert users.end_sessions(user, actor_id=admin.id) == 0
    assert logged("user", user.id) == []
    open_session(app, user)
    assert users.end_sessions(user, actor_id=admin.id) == 1

    assert logged("user", user.id) == [("sessions_ended", admin.id, {})]


def test_an_agency_is_logged_when_created_and_when_changed(ctx, make_user):
    admin = make_user("admin")

    agency = agencies.save_agency(None, agency_data(code=" culture "), actor_id=admin.id)
    agencies.save_agency(agency, agency_data(kind="ngo", name_en="Culture"), actor_id=None)
    agencies.save_agency(agency, agency_data(kind="ngo", name_en="Culture"), actor_id=admin.id)
    agencies.save_agency(
        agency, agency_data(kind="ngo", name_en="Culture", is_active=False), actor_id=admin.id
    )

    assert logged("agency", agency.id) == [
        ("deactivated", admin.id, {"is_active": [True, False]}),
        ("edited", None, {"kind": ["state_body", "ngo"], "name_en": ["", "Culture"]}),
        (
            "created",
            admin.id,
            {
                "code": [None, "culture"],
                "kind": [None, "state_body"],
                "name_ky": [None, "Маданият министрлиги"],
                "name_ru": [None, "Министерство культуры"],
                "is_active": [None, True],
            },
        ),
    ]


def test_a_refused_agency_change_logs_nothing(ctx, make_user, agency, log_rows):
    admin = make_user("admin")

    with pytest.raises(ValidationFailed):
        agencies.save_agency(agency, agency_data(code="Bad Code"), actor_id=admin.id)
    with pytest.raises(ValidationFailed):
        agencies.save_agency(None, agency_data(name_ky="", name_ru=""), actor_id=admin.id)

    assert log_rows() == []


def test_agency_names_include_closed_agencies(ctx, make_agency):
    closed = make_agency(code="closed", is_active=False)

    assert closed.id not in dict(agencies.agency_choices())
    assert agencies.agency_names()[closed.id] == closed.name
