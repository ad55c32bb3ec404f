"""Administering users and agencies through the forms: creating, editing, deactivating, and
the form errors bad input gets."""

import re

import pytest
from flask_babel import ngettext

from mediaplan.extensions import db as _db
from tests.conftest import open_session
from tests.mediaplan.conftest import user_form

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def admin(login_as):
    return login_as("admin")


@pytest.fixture
def load(app, db):
    """``load(Model, id)``: a fresh copy of a row, or None."""

    def get(model, object_id):
        with app.app_context():
            return _db.session.get(model, object_id)

    return get


def find_user(app, email):
    import sqlalchemy as sa

    from mediaplan.users.models import User

    with app.app_context():
        return _db.session.scalar(sa.select(User).where(User.email == email))


def assert_form_error(response, text) -> None:
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert text in page


def session_client(app, user):
    """Another browser, logged in as ``user``."""
    browser = app.test_client()
    with browser.session_transaction() as session:
        session["_user_id"] = open_session(app, user)
        session["_fresh"] = True
    return browser


def test_admin_creates_a_user(admin, other_agency, app, post, client, message):
    response = post("/admin/users/new", user_form(other_agency))

    assert response.status_code == 302
    assert response.location == "/admin/users"
    user = find_user(app, "new.person@example.org")
    assert (user.name, user.role, user.agency_id, user.is_active) == (
        "Nurlan Abdyldaev",
        "trainer",
        other_agency.id,
        True,
    )
    assert user.check_password("a long enough password")
    page = client.get("/admin/users").get_data(as_text=True)
    assert message("User %(email)s created.", email="new.person@example.org") in page
    assert "Nurlan Abdyldaev" in page


def test_admin_creates_an_inactive_user(admin, agency, app, post):
    response = post("/admin/users/new", user_form(agency, is_active=None))

    assert response.status_code == 302
    assert find_user(app, "new.person@example.org").is_active is False


def too_long(maximum: int):
    return lambda: ngettext(
        "Field cannot be longer than %(max)d character.",
        "Field cannot be longer than %(max)d characters.",
        maximum,
        max=maximum,
    )


USER_FORM_CASES = {
    "taken-email": (
        {"email": "Taken@Example.org"},
        ("A user with this e-mail already exists.", {}),
    ),
    "bad-email": ({"email": "not an address"}, ("Enter a valid e-mail address.", {})),
    "no-email": ({"email": ""}, ("This field is required.", {})),
    "short-password": ({"password": "short"}, ("Use at least %(n)d characters.", {"n": 10})),
    "no-password": ({"password": ""}, ("This field is required.", {})),
    "unknown-role": ({"role": "superuser"}, ("Not a valid choice.", {})),
    "unknown-agency": ({"agency_id": "987654"}, ("Unknown agency.", {})),
    "huge-agency-id": ({"agency_id": str(10**20)}, ("Unknown agency.", {})),
    "non-integer-agency": ({"agency_id": "abc"}, ("Invalid Choice: could not coerce.", {})),
    "no-name": ({"name": "  "}, ("This field is required.", {})),
    "long-name": ({"name": "x" * 10_000}, (too_long(200), {})),
}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [pytest.param(*case, id=name) for name, case in USER_FORM_CASES.items()],
)
def test_user_form_errors(changes, expected, admin, agency, make_user, post, snapshot, message):
    make_user(email="taken@example.org")
    before = snapshot()

    response = post("/admin/users/new", user_form(agency, **changes))

    msgid, params = expected
    assert_form_error(response, message(msgid, **params))
    assert snapshot() == before


def test_admin_changes_role_and_agency(admin, make_user, other_agency, app, post, load):
    from mediaplan.users.models import User

    user = make_user("press_officer", name="Aida")
    browser = session_client(app, user)
    assert browser.get("/plan").status_code == 200

    response = post(
        f"/admin/users/{user.id}",
        {"name": "Aida K.", "role": "trainer", "agency_id": str(other_agency.id), "is_active": "y"},
    )

    assert response.status_code == 302
    changed = load(User, user.id)
    assert (changed.name, changed.role, changed.agency_id) == (
        "Aida K.",
        "trainer",
        other_agency.id,
    )
    # New rights take effect at once: the session opened under the old ones has ended.
    assert browser.get("/plan").status_code == 302


def test_renaming_a_user_keeps_their_session(admin, make_user, agency, app, post, load):
    from mediaplan.users.models import User

    user = make_user("viewer", name="Aida")
    browser = session_client(app, user)

    response = post(
        f"/admin/users/{user.id}",
        {"name": "Aida K.", "role": "viewer", "agency_id": str(agency.id), "is_active": "y"},
    )

    assert response.status_code == 302
    assert load(User, user.id).name == "Aida K."
    assert browser.get("/plan").status_code == 200


def test_deactivating_a_user_ends_their_sessions(admin, make_user, agency, app, post, load):
    from mediaplan.users.models import User

    user = make_user("press_officer")
    browser = session_client(app, user)
    assert browser.get("/plan").status_code == 200

    response = post(
        f"/admin/users/{user.id}",
        {"name": user.name, "role": "press_officer", "agency_id": str(agency.id)},
    )

    assert response.status_code == 302
    assert load(User, user.id).is_active is False
    refused = browser.get("/plan")
    assert refused.status_code == 302
    assert refused.location.startswith("/login")
    # Logging in again with the old session id does not work either.
    assert session_client(app, user).get("/plan").status_code == 302


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param({"role": "owner"}, "Not a valid choice.", id="unknown-role"),
        pytest.param({"name": ""}, "This field is required.", id="no-name"),
        pytest.param({"agency_id": "987654"}, "Unknown agency.", id="unknown-agency"),
    ],
)
def test_user_edit_form_errors(
    changes, expected, admin, make_user, agency, post, snapshot, message
):
    user = make_user("trainer")
    before = snapshot()

    response = post(
        f"/admin/users/{user.id}",
        {"name": "Aida", "role": "trainer", "agency_id": str(agency.id), "is_active": "y"}
        | changes,
    )

    assert_form_error(response, message(expected))
    assert snapshot() == before


def test_unknown_user_is_404(admin, post, snapshot):
    before = snapshot()

    assert post("/admin/users/987654", {"name": "X", "role": "viewer"}).status_code == 404
    assert post(f"/admin/users/{10**20}", {"name": "X", "role": "viewer"}).status_code == 404
    assert snapshot() == before


def agency_form(**changes) -> dict:
    data = {
        "code": "culture",
        "kind": "state_body",
        "name_ky": "Маданият министрлиги",
        "name_ru": "Министерство культуры",
        "name_en": "Ministry of Culture",
        "abbreviation_ru": "Минкультуры",
        "is_active": "y",
    } | changes
    return {key: value for key, value in data.items() if value is not None}


def test_admin_creates_an_agency(admin, app, post, client, message):
    import sqlalchemy as sa

    from mediaplan.agencies.models import Agency

    response = post("/admin/agencies/new", agency_form(code=" culture "))

    assert response.status_code == 302
    with app.app_context():
        agency = _db.session.scalar(sa.select(Agency).where(Agency.code == "culture"))
    assert (agency.name_en, agency.abbreviation_ru, agency.kind) == (
        "Ministry of Culture",
        "Минкультуры",
        "state_body",
    )
    assert agency.is_active
    page = client.get("/admin/agencies/").get_data(as_text=True)
    assert message("Changes saved.") in page
    assert "Ministry of Culture" in page


AGENCY_FORM_CASES = {
    "duplicate-code": ({"code": "own"}, ("This code is already used.", {})),
    "bad-code": (
        {"code": "Culture Ministry!"},
        ("Use 2-40 lowercase Latin letters, digits, - or _.", {}),
    ),
    "no-code": ({"code": ""}, ("This field is required.", {})),
    "no-name": (
        {"name_ky": "", "name_ru": " ", "name_en": ""},
        ("Give the name in at least one language.", {}),
    ),
    "unknown-kind": ({"kind": "church"}, ("Not a valid choice.", {})),
    "long-name": ({"name_ru": "x" * 10_000}, (too_long(300), {})),
    "long-abbreviation": ({"abbreviation_en": "x" * 10_000}, (too_long(40), {})),
}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [pytest.param(*case, id=name) for name, case in AGENCY_FORM_CASES.items()],
)
def test_agency_form_errors(changes, expected, admin, post, snapshot, message):
    before = snapshot()

    response = post("/admin/agencies/new", agency_form(**changes))

    msgid, params = expected
    assert_form_error(response, message(msgid, **params))
    assert snapshot() == before


def test_admin_edits_and_deactivates_an_agency(admin, other_agency, plan, app, client, post, load):
    from mediaplan.agencies.models import Agency

    response = post(
        f"/admin/agencies/{other_agency.id}",
        agency_form(code="other", name_en="Renamed agency", is_active=None),
    )

    assert response.status_code == 302
    edited = load(Agency, other_agency.id)
    assert (edited.code, edited.name_en, edited.is_active) == ("other", "Renamed agency", False)
    # A closed agency is no longer offered as a lead agency or co-executor.
    form = client.get(f"/plan/{plan.id}/items/new").get_data(as_text=True)
    assert f'value="{other_agency.id}"' not in form


def test_agency_cannot_take_another_agencys_code(admin, other_agency, post, snapshot, message):
    before = snapshot()

    response = post(f"/admin/agencies/{other_agency.id}", agency_form(code="own"))

    assert_form_error(response, message("This code is already used."))
    assert snapshot() == before


def test_nul_character_in_an_admin_form_is_refused(admin, agency, post, snapshot):
    before = snapshot()

    assert post("/admin/users/new", user_form(agency, name="Nul\x00l")).status_code == 400
    assert post("/admin/agencies/new", agency_form(name_ru="Nul\x00l")).status_code == 400
    assert snapshot() == before


@pytest.mark.parametrize(
    ("path", "russian", "kyrgyz"),
    [
        ("/admin/users", "Имя", "Аты"),
        ("/admin/agencies/", "Название", "Аталышы"),
        ("/account/tokens/", "Название", "Аталышы"),
    ],
)
def test_a_name_column_is_named_for_what_it_lists(admin, client, path, russian, kyrgyz):
    """A person has a name ("Имя"); an agency or a token has a title ("Название")."""
    for language, expected in (("ru", russian), ("ky", kyrgyz)):
        page = client.get(path, headers={"Accept-Language": language}).get_data(as_text=True)
        head = page[page.index("<thead>") : page.index("</thead>")]
        headers = re.findall(r"<th>([^<]*)</th>", head)
        assert expected in headers
        assert {"Имя", "Аты", "Название", "Аталышы"} & set(headers) == {expected}


def agency_options(page: str) -> list[str]:
    """The <option> tags of the new-user form's agency field."""
    select = re.search(r'<select[^>]*name="agency_id".*?</select>', page, re.DOTALL).group(0)
    return re.findall(r"<option[^>]*>[^<]*</option>", select)


def test_the_new_user_form_starts_with_no_agency_chosen(admin, agency, other_agency, client):
    page = client.get("/admin/users/new").get_data(as_text=True)

    first, *agencies = agency_options(page)
    assert first == '<option selected value="">— choose an agency —</option>'
    assert len(agencies) >= 2 and not any("selected" in option for option in agencies)


@pytest.mark.parametrize("agency_id", ["", None], ids=["empty-choice", "no-field"])
def test_a_new_user_needs_an_agency(admin, agency, post, snapshot, message, agency_id):
    before = snapshot()

    response = post("/admin/users/new", user_form(agency, agency_id=agency_id))

    assert response.status_code == 200
    page = response.get_data(as_text=True)
    field = re.search(
        r'<div class="field has-error">\s*<label for="agency_id".*?</div>', page, re.S
    )
    assert field and message("Choose an agency.") in field.group(0)
    assert message("Invalid Choice: could not coerce.") not in page
    # The empty choice stays chosen on the page shown again.
    assert agency_options(page)[0].startswith('<option selected value="">')
    assert snapshot() == before


def test_the_agency_chosen_stays_chosen_when_another_field_is_wrong(admin, other_agency, post):
    response = post("/admin/users/new", user_form(other_agency, password="short"))

    options = agency_options(response.get_data(as_text=True))
    assert [o for o in options if "selected" in o] == [
        f'<option selected value="{other_agency.id}">{other_agency.name_en}</option>'
    ]


def logged(app, kind, record_id) -> list[tuple]:
    from mediaplan.audit.service import history

    with app.app_context():
        return [(e.action, e.actor_id, e.changes) for e in history(kind, record_id)]


def test_the_user_form_logs_the_user_as_created_and_by_whom(admin, agency, app, post):
    assert post("/admin/users/new", user_form(agency, is_active=None)).status_code == 302

    user = find_user(app, "new.person@example.org")
    ((action, actor, changes),) = logged(app, "user", user.id)
    assert (action, actor) == ("created", admin.id)
    # As it was stored: inactive, as the form asked.
    assert changes["is_active"] == [None, False]
    assert "password" not in changes and "password_hash" not in changes


def test_the_agency_form_logs_the_change_and_by_whom(admin, other_agency, app, post):
    response = post(f"/admin/agencies/{other_agency.id}", agency_form(code="other", is_active=None))

    assert response.status_code == 302
    ((action, actor, changes),) = logged(app, "agency", other_agency.id)
    assert (action, actor) == ("deactivated", admin.id)
    assert changes["is_active"] == [True, False]
    assert changes["name_ru"] == [other_agency.name_ru, "Министерство культуры"]
    assert "code" not in changes
