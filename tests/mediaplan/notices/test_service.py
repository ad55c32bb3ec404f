"""Notices of comments, edits and status changes: who is told, in which language, by e-mail
only as each chose, once per burst, and never for an action that did not happen."""

from dataclasses import replace
from datetime import timedelta

import pytest
import sqlalchemy as sa

from mediaplan.comments.service import add_comment
from mediaplan.errors import PermissionDenied, ValidationFailed
from mediaplan.notices.preferences import set_emailed_kinds
from mediaplan.notices.service import FLOOD_WINDOW
from mediaplan.notifications.models import OutboxMessage
from mediaplan.plan.models import PlanItem
from mediaplan.plan.service import PlanItemData, change_status, update_item
from mediaplan.users.models import User
from tests.mediaplan.notices.conftest import by_recipient, notices, translated

OPEN_THE_ITEM = {"ky": "Иш-чараны ачуу", "ru": "Открыть мероприятие", "en": "Open the item"}
TITLES = {
    "ky": "Редакциялар үчүн брифинг",
    "ru": "Брифинг для редакций",
    "en": "Briefing for editors",
}


def fresh(db, model, obj):
    return db.session.get(model, obj.id)


def edit(db, item, actor, **changes):
    item = fresh(db, PlanItem, item)
    update_item(item, replace(PlanItemData.from_item(item), **changes), actor=actor)


def test_a_comment_tells_the_lead_agencys_active_users_in_their_language(
    app, db, ctx, item, team, methodologist, make_user, lead, other_agency
):
    inactive = make_user("press_officer", agency=lead, is_active=False)
    outsider = make_user("press_officer", agency=other_agency)
    add_comment(fresh(db, PlanItem, item), "Добавьте регионы.", actor=methodologist)
    db.session.commit()

    told = by_recipient(db)
    assert set(told) == {user.id for user in team.values()}
    assert inactive.id not in told and outsider.id not in told and methodologist.id not in told
    expected_language = {"ky": "ky", "ru": "ru", "en": "en", "default": "ru"}
    for who, user in team.items():
        message, language = told[user.id], expected_language[who]
        assert message.language == language
        assert message.subject == translated(
            language, "New comment on item %(number)s", number=item.number
        )
        assert message.summary == translated(
            language,
            "%(actor)s commented on item %(number)s “%(title)s”: %(excerpt)s",
            actor="Эркин Жумабеков",
            number=item.number,
            title=TITLES[language],
            excerpt="Добавьте регионы.",
        )
        assert (
            f"{OPEN_THE_ITEM[language]}: http://127.0.0.1:5000/plan/items/{item.id}" in message.body
        )
        assert (message.kind, message.actor_id) == ("comment", methodologist.id)
        assert (message.related_type, message.related_id) == ("plan_item", item.id)


def test_the_author_is_not_told_of_their_own_comment(app, db, ctx, item, team):
    author = fresh(db, User, team["ru"])
    add_comment(fresh(db, PlanItem, item), "Готово к публикации.", actor=author)
    db.session.commit()
    assert set(by_recipient(db)) == {team[who].id for who in ("ky", "en", "default")}


def test_a_long_comment_or_reason_is_quoted_in_part_and_e_mailed_whole(
    app, db, ctx, item, team, methodologist, make_user, other_agency
):
    words = "слово " * 100
    add_comment(fresh(db, PlanItem, item), words, actor=methodologist)
    coordinator = make_user("coordinator", agency=other_agency)
    change_status(fresh(db, PlanItem, item), "cancelled", actor=coordinator, reason=words)
    for kind, heading in (("comment", "Comment"), ("status", "Reason")):
        message = by_recipient(db, kind=kind)[team["en"].id]
        assert message.summary.endswith("…") and len(message.summary) < 400
        assert f"\n{heading}:\n{words.strip()}\n" in message.body


def test_a_short_comment_is_not_repeated_in_the_e_mail(app, db, ctx, item, team, methodologist):
    add_comment(fresh(db, PlanItem, item), "Коротко.", actor=methodologist)
    body = by_recipient(db)[team["en"].id].body
    assert body.count("Коротко.") == 1 and "Comment:" not in body


def test_an_edit_and_a_status_change_tell_the_agency(
    app, db, ctx, item, team, make_user, other_agency
):
    coordinator = make_user("coordinator", agency=other_agency, name="Айгуль")
    edit(db, item, coordinator, title_en="Briefing for newsrooms")
    change_status(fresh(db, PlanItem, item), "postponed", actor=coordinator, reason="Нет зала")
    db.session.commit()

    edited = by_recipient(db, kind="edit")[team["en"].id]
    assert edited.summary == f"Айгуль changed item {item.number} “Briefing for newsrooms”."
    assert edited.subject == f"Item {item.number} was changed"
    status = by_recipient(db, kind="status")[team["en"].id]
    assert status.summary == (
        f"Айгуль changed the status of item {item.number} “Briefing for newsrooms” to "
        "“Postponed”. Reason: Нет зала"
    )
    # The status's name comes from the catalog in the reader's language.
    assert "Перенесено" in by_recipient(db, kind="status")[team["ru"].id].summary
    assert len(notices(db)) == 2 * len(team)


def test_a_new_item_tells_nobody(app, db, ctx, make_item, lead, team):
    before = len(notices(db))
    make_item(lead=lead)
    assert len(notices(db)) == before == 0


def test_e_mail_only_for_the_kinds_each_user_chose_in_the_app_always(
    app, db, ctx, item, team, make_user, other_agency
):
    coordinator = make_user("coordinator", agency=other_agency)
    set_emailed_kinds(team["ky"].id, {"edit"})
    set_emailed_kinds(team["ru"].id, set())
    db.session.commit()
    add_comment(fresh(db, PlanItem, item), "Замечание", actor=coordinator)
    edit(db, item, coordinator, title_ru="Брифинг")
    change_status(fresh(db, PlanItem, item), "in_progress", actor=coordinator)
    db.session.commit()

    def states(kind):
        told = by_recipient(db, kind=kind)
        return {who: told[user.id].state for who, user in team.items()}

    # By default: comments and status changes by e-mail, edits in the app only.
    assert states("comment") == {
        "ky": "in_app",
        "ru": "in_app",
        "en": "queued",
        "default": "queued",
    }
    assert states("edit") == {"ky": "queued", "ru": "in_app", "en": "in_app", "default": "in_app"}
    assert states("status") == {"ky": "in_app", "ru": "in_app", "en": "queued", "default": "queued"}


def test_a_burst_of_changes_by_one_person_makes_one_notice(
    app, db, ctx, item, team, make_user, other_agency
):
    coordinator = make_user("coordinator", agency=other_agency, name="Айгуль")
    change_status(fresh(db, PlanItem, item), "in_progress", actor=coordinator)
    db.session.commit()
    first = by_recipient(db, kind="status")[team["en"].id]
    first.read_at = first.created_at
    first_at = first.created_at
    db.session.commit()
    change_status(fresh(db, PlanItem, item), "postponed", actor=coordinator, reason="Зал занят")
    db.session.commit()

    messages = notices(db, kind="status", recipient_id=team["en"].id)
    assert len(messages) == 1
    (message,) = messages
    # Brought up to date: the latest status, unread again, dated now.
    assert "to “Postponed”. Reason: Зал занят" in message.summary
    assert "Postponed" in message.subject and "Зал занят" in message.body
    assert message.read_at is None and message.created_at > first_at
    assert len(notices(db)) == len(team)


def test_an_e_mail_already_sent_is_not_sent_again_within_the_window(
    app, db, ctx, item, team, methodologist
):
    add_comment(fresh(db, PlanItem, item), "Первое", actor=methodologist)
    db.session.commit()
    db.session.execute(sa.update(OutboxMessage).values(state="sent", attempts=1))
    db.session.commit()
    add_comment(fresh(db, PlanItem, item), "Второе", actor=methodologist)
    db.session.commit()
    message = by_recipient(db)[team["en"].id]
    assert (message.state, message.attempts) == ("sent", 1)
    assert message.summary.endswith(": Второе")


def test_after_the_window_or_from_someone_else_a_new_notice_comes(
    app, db, ctx, item, team, methodologist, make_user, other_agency
):
    add_comment(fresh(db, PlanItem, item), "Первое", actor=methodologist)
    db.session.commit()
    for message in notices(db):
        message.created_at -= FLOOD_WINDOW + timedelta(seconds=1)
    db.session.commit()
    add_comment(fresh(db, PlanItem, item), "Через двадцать минут", actor=methodologist)
    add_comment(
        fresh(db, PlanItem, item), "Другой", actor=make_user("coordinator", agency=other_agency)
    )
    db.session.commit()
    assert len(notices(db, recipient_id=team["en"].id)) == 3


@pytest.mark.parametrize(
    "action",
    ["comment by a viewer", "empty comment", "edit by another agency", "status by a viewer"],
)
def test_a_refused_action_queues_nothing(app, db, ctx, item, team, make_user, other_agency, action):
    viewer = make_user("viewer", agency=other_agency)
    outsider = make_user("press_officer", agency=other_agency)
    coordinator = make_user("coordinator", agency=other_agency)
    attempts = {
        "comment by a viewer": lambda: add_comment(fresh(db, PlanItem, item), "x", actor=viewer),
        "empty comment": lambda: add_comment(fresh(db, PlanItem, item), "  ", actor=coordinator),
        "edit by another agency": lambda: edit(db, item, outsider, title_en="Changed"),
        "status by a viewer": lambda: change_status(
            fresh(db, PlanItem, item), "in_progress", actor=viewer
        ),
    }
    with pytest.raises((PermissionDenied, ValidationFailed)):
        attempts[action]()
    # Refused before anything was written, even in the session.
    assert notices(db) == []


def test_an_action_rolled_back_after_the_signal_leaves_no_notice(
    app, db, ctx, item, team, methodologist, make_user, other_agency
):
    add_comment(fresh(db, PlanItem, item), "Черновик", actor=methodologist)
    change_status(
        fresh(db, PlanItem, item),
        "in_progress",
        actor=make_user("coordinator", agency=other_agency),
    )
    db.session.flush()
    assert len(notices(db)) == 2 * len(team)  # written in the action's own transaction
    db.session.rollback()
    assert notices(db) == []
