"""The template helpers every page uses: translated texts, links that change one query
parameter, filter options and dates."""

from datetime import UTC, date, datetime

import pytest
from flask import render_template_string


@pytest.fixture
def render(app, db):
    """``render(source, path="/plan", language="ru", **context)`` renders in a request."""

    def run(source: str, *, path: str = "/plan", language: str = "ru", **context) -> str:
        headers = {"Accept-Language": language}
        with app.test_request_context(path, headers=headers):
            return render_template_string(source, **context)

    return run


def test_a_text_is_translated(render):
    assert render('{{ _("Filter") }}', language="ky") == "Чыпкалоо"
    assert render('{{ _("Filter") }}', language="ru") == "Применить"


def test_variables_are_put_in_and_escaped(render):
    page = render(
        '{{ _("Created by %(name)s, %(when)s", name=name, when="today") }}',
        name='<script>alert("x")</script>',
    )

    assert page == ("Создано пользователем &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;, today")


def test_the_translation_itself_is_not_escaped_but_is_safe_to_join(render):
    assert render('{{ _("Filter") ~ "<b>" }}') == "Применить&lt;b&gt;"


@pytest.mark.parametrize(
    ("number", "expected"), [(1, "1 мероприятие"), (3, "3 мероприятия"), (25, "25 мероприятий")]
)
def test_plural_forms_follow_the_language(render, number, expected):
    source = '{{ ngettext("%(num)d item", "%(num)d items", number) }}'
    assert render(source, number=number) == expected


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"page": 3}, "/plan?q=a+b&page=3&status=planned"),
        ({"page": None}, "/plan?q=a+b&status=planned"),
        (
            {"sort": "title", "order": "desc"},
            "/plan?q=a+b&page=2&status=planned&sort=title&order=desc",
        ),
        (
            {"q": "Ош & <Бишкек>"},
            "/plan?q=%D0%9E%D1%88+%26+%3C%D0%91%D0%B8%D1%88%D0%BA%D0%B5%D0%BA%3E&page=2&status=planned",
        ),
        ({"q": None, "page": None, "status": None}, "/plan"),
    ],
)
def test_url_with_changes_only_the_given_parameters(render, changes, expected):
    source = "{{ url_with(**changes) }}"
    page = render(source, path="/plan?q=a+b&page=2&status=planned", changes=changes)
    assert page == expected.replace("&", "&amp;")


def test_url_with_keeps_the_current_path(render, app):
    assert render("{{ url_with(page=2) }}", path="/notifications/") == "/notifications/?page=2"


def test_vocabulary_options_mark_the_chosen_code(render):
    page = render('{{ select_options(labels("status"), "done") }}')

    assert '<option value="done" selected>Выполнено</option>' in page
    assert page.count("selected") == 1
    assert '<option value="planned">Запланировано</option>' in page


def test_options_are_escaped_and_compared_as_text(render):
    options = [(7, 'Agency "A" & <B>'), (12, "Other")]

    page = render("{{ select_options(options, 7) }}", options=options)

    assert page == (
        '<option value="7" selected>Agency &#34;A&#34; &amp; &lt;B&gt;</option>'
        '<option value="12">Other</option>'
    )


@pytest.mark.parametrize("chosen", [None, "", "unknown", '"><script>'])
def test_no_option_is_chosen_for_an_empty_or_unknown_value(render, chosen):
    page = render('{{ select_options(labels("status"), chosen) }}', chosen=chosen)

    assert "selected" not in page
    assert "<script>" not in page


@pytest.mark.parametrize(
    ("language", "expected"),
    [("ru", "12 мар. 2025\u202fг."), ("en", "Mar 12, 2025"), ("ky", "2025-ж., 12-мар.")],
)
def test_dates_follow_the_language(render, language, expected):
    assert render("{{ day|date }}", language=language, day=date(2025, 3, 12)) == expected


def test_a_moment_is_dated_in_the_users_time_zone(render):
    # 20:30 UTC on 11 March is already 12 March in Bishkek (UTC+6).
    moment = datetime(2025, 3, 11, 20, 30, tzinfo=UTC)
    assert render("{{ moment|date }}", language="en", moment=moment) == "Mar 12, 2025"


def test_a_filter_select_starts_with_its_blank_option(render):
    page = render('{{ filter_select("region", labels("region"), "osh", _("All")) }}')

    assert page.startswith(
        '<select name="region" id="f-region"><option value="">Все</option><option value='
    )
    assert '<option value="osh" selected>' in page
    assert page.endswith("</select>")
