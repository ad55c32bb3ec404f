"""Job results, triggers and run states in the reader's language: jobs return phrases, runs
store them in no language, and the scheduler's page and `mediaplan jobs` translate them when
they show them; results stored as text before stay readable."""

import json
from datetime import timedelta

import pytest
import sqlalchemy as sa
from flask_babel import force_locale, ngettext

from mediaplan.db import utcnow
from mediaplan.scheduler.models import JobRun
from mediaplan.scheduler.results import Phrase, describe, dump

LANGUAGES = ["ky", "ru", "en"]
DIGESTS = ("%(num)d digest queued", "%(num)d digests queued")


@pytest.fixture
def in_english(ctx):
    """Outside requests the app speaks DEFAULT_LOCALE; these tests read English."""
    with force_locale("en"):
        yield


def add_run(app, db, kind="plan.overdue_digest", **fields) -> None:
    values = {"trigger": "schedule", "status": "ok", "result": ""} | fields
    with app.app_context():
        now = utcnow()
        db.session.add(
            JobRun(kind=kind, started_at=now - timedelta(seconds=1), finished_at=now, **values)
        )
        db.session.commit()


def last_result(app, db, kind: str) -> str:
    with app.app_context():
        query = sa.select(JobRun.result).where(JobRun.kind == kind).order_by(JobRun.id.desc())
        return db.session.scalars(query).first()


def counted(singular: str, plural: str, num: int):
    return lambda: ngettext(singular, plural, num)


def test_a_result_is_stored_as_message_ids_and_numbers(in_english):
    stored = dump([Phrase.ngettext(*DIGESTS, 3), Phrase.gettext("nothing to do")])

    assert json.loads(stored) == {
        "phrases": [
            {"msgid": DIGESTS[0], "plural": DIGESTS[1], "params": {"num": 3}},
            {"msgid": "nothing to do", "plural": None, "params": {}},
        ]
    }
    assert describe(stored) == "3 digests queued, nothing to do"
    assert describe(dump([Phrase.ngettext(*DIGESTS, 1)])) == "1 digest queued"
    assert dump([]) == dump(None) == ""
    assert dump("text as it was") == "text as it was"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_translates_results_triggers_and_states(
    app, db, client, login_as, message, language
):
    add_run(app, db, result=dump([Phrase.gettext("nothing to do")]), trigger="manual")
    add_run(app, db, kind="auth.purge_login_failures", status="failed", error="Boom", trigger="cli")
    add_run(app, db, kind="outbox.send", result=dump([Phrase.ngettext(*DIGESTS, 4)]))
    login_as("coordinator", locale=language)

    page = client.get("/admin/scheduler/").get_data(as_text=True)

    for msgid in ("nothing to do", "by hand", "OK", "failed", "from the command line"):
        assert message(msgid, language) in page, msgid
    assert message(counted(*DIGESTS, 4), language) in page


def test_the_russian_page_shows_no_english_of_runs(app, db, client, login_as):
    """Texts the Russian catalog already has: no English is left around them."""
    add_run(app, db, result=dump([Phrase.gettext("nothing to do")]))
    add_run(app, db, kind="auth.purge_login_failures", status="failed", error="Boom")
    login_as("coordinator", locale="ru")

    page = client.get("/admin/scheduler/").get_data(as_text=True)

    assert "нечего выполнять" in page and "nothing to do" not in page
    assert '<span class="status status-cancelled">ошибка</span>' in page


def test_results_stored_as_text_before_are_shown_as_they_are(app, db, client, login_as):
    add_run(app, db, kind="outbox.send", result="3 sent, 0 to retry, 0 failed")
    add_run(app, db, result='{"not": "phrases"}')
    login_as("admin")

    page = client.get("/admin/scheduler/").get_data(as_text=True)

    assert "3 sent, 0 to retry, 0 failed" in page
    assert "{&#34;not&#34;: &#34;phrases&#34;}" in page


def test_a_result_that_does_not_fit_its_message_is_shown_as_stored(in_english):
    params = {"name": "plan.overdue_digest"}
    stored = json.dumps({"phrases": [{"msgid": "Job %(name)s ran: %(result)s", "params": params}]})

    assert describe(stored) == stored


@pytest.mark.parametrize("language", LANGUAGES)
def test_run_now_says_the_result_in_the_readers_language(
    app, db, client, login_as, post, message, language
):
    login_as("coordinator", locale=language)

    response = post("/admin/scheduler/jobs/plan.overdue_digest/run", follow_redirects=True)

    result = message(counted(*DIGESTS, 0), language)
    expected = message(
        "Job %(name)s ran: %(result)s", language, name="plan.overdue_digest", result="RESULT"
    )
    assert expected.replace("RESULT", result) in response.get_data(as_text=True)
    assert (
        json.loads(last_result(app, db, "plan.overdue_digest"))["phrases"][0]["msgid"]
        == (DIGESTS[0])
    )


def test_every_job_kind_returns_phrases(in_english, monkeypatch):
    from mediaplan.auth.jobs import purge_old_login_failures
    from mediaplan.notifications import jobs as outbox_jobs
    from mediaplan.notifications.service import SendResult
    from mediaplan.plan.jobs import send_overdue_digest
    from mediaplan.reminders import jobs as reminder_jobs
    from mediaplan.reminders.service import DispatchResult

    monkeypatch.setattr(outbox_jobs, "smtp_settings", lambda: object())
    monkeypatch.setattr(outbox_jobs, "send_queued", lambda *a, **kw: SendResult(1, 0, 2))
    monkeypatch.setattr(
        reminder_jobs, "dispatch_due_reminders", lambda **kw: DispatchResult(2, 1, 5)
    )

    expected = {
        purge_old_login_failures: (
            "0 failed logins purged, 0 sessions purged, 0 password reset records purged"
        ),
        send_overdue_digest: "0 digests queued",
        outbox_jobs.send_outbox: "1 message sent, 0 messages to retry, 2 messages failed",
        reminder_jobs.dispatch_reminders: "2 reminders sent, 5 messages queued, 1 reminder expired",
    }
    for job, text in expected.items():
        result = job()
        # Phrases, not text in some language: the reader's language is not known yet.
        assert result and all(isinstance(phrase, Phrase) for phrase in result), job
        assert describe(dump(result)) == text


def test_idle_runs_of_frequent_jobs_return_nothing(ctx, monkeypatch):
    from mediaplan.notifications import jobs as outbox_jobs
    from mediaplan.notifications.service import SendResult
    from mediaplan.reminders import jobs as reminder_jobs
    from mediaplan.reminders.service import DispatchResult

    monkeypatch.setattr(outbox_jobs, "smtp_settings", lambda: object())
    monkeypatch.setattr(outbox_jobs, "send_queued", lambda *a, **kw: SendResult())
    monkeypatch.setattr(reminder_jobs, "dispatch_due_reminders", lambda **kw: DispatchResult())

    assert not outbox_jobs.send_outbox() and not reminder_jobs.dispatch_reminders()


@pytest.mark.parametrize(
    ("environment", "language"),
    [
        ({"LANGUAGE": "ky"}, "ky"),
        ({"LANGUAGE": "", "LC_ALL": "ru_RU.UTF-8"}, "ru"),
        ({"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}, "en"),
        # No language of ours: the site's default language.
        ({"LANGUAGE": "de", "LC_ALL": "de_DE.UTF-8"}, "ru"),
    ],
)
def test_jobs_commands_speak_the_terminals_language(
    app, db, runner, message, environment, language
):
    ran = runner.invoke(args=["jobs", "run", "plan.overdue_digest"], env=environment)
    add_run(app, db, kind="auth.purge_login_failures", status="failed", error="Boom")
    listed = runner.invoke(args=["jobs", "list"], env=environment)

    assert ran.exit_code == 0, ran.output
    assert f"plan.overdue_digest: {message(counted(*DIGESTS, 0), language)}" in ran.output
    digest_line, purge_line = (
        next(line for line in listed.output.splitlines() if line.startswith(kind))
        for kind in ("plan.overdue_digest", "auth.purge_login_failures")
    )
    assert message("from the command line", language) in digest_line
    assert message(counted(*DIGESTS, 0), language) in digest_line
    assert message("Last run", language) in digest_line
    assert message("failed", language) in purge_line
