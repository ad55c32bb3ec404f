"""Jinja filters and globals, registered in one place."""

from datetime import date, datetime
from functools import lru_cache
from urllib.parse import urlencode
from weakref import WeakKeyDictionary

from babel import dates
from flask import Flask, g, request, url_for
from flask_babel import (
    format_date,
    format_datetime,
    format_decimal,
    get_locale,
    get_translations,
    gettext,
)
from jinja2 import pass_context
from markupsafe import Markup, escape

from mediaplan.db import current_language
from mediaplan.registries import registry


class Labels(dict):
    """Codes with their labels; an unknown code stands for itself."""

    _options: Markup | None = None

    def __missing__(self, code: str) -> str:
        return code

    def options_html(self) -> Markup:
        """The codes as <option> elements, made once."""
        if self._options is None:
            self._options = _options_html(self.items())
        return self._options


# Per catalog, each vocabulary translated once: a lazy string looks up the locale and catalog
# every time it is shown, and a plan page shows a few hundred of them. Each app has catalogs
# of its own (Flask-Babel keeps them per app), so a catalog also stands for one registry.
_TRANSLATED: WeakKeyDictionary = WeakKeyDictionary()


def labels(vocabulary: str, translations=None) -> Labels:
    """Every code of the registered ``vocabulary`` with its label in the current language,
    or in the catalog ``translations`` when the caller has it at hand."""
    if translations is None:
        translations = get_translations()
    try:
        translated = _TRANSLATED[translations]
    except KeyError:
        translated = _TRANSLATED[translations] = {}
    if vocabulary not in translated:
        vocabulary_labels = registry().vocabularies[vocabulary].items()
        translated[vocabulary] = Labels((code, str(text)) for code, text in vocabulary_labels)
    return translated[vocabulary]


def label(vocabulary: str, code: str | None, translations=None) -> str:
    if not code:
        return ""
    return labels(vocabulary, translations)[code]


# Characters url_for leaves unescaped in a query string (werkzeug.urls).
_QUERY_SAFE = "!$'()*,/:;?@"


def url_with(**changes) -> str:
    """The current URL with some query parameters replaced (None removes one)."""
    path, pairs = _current_url()
    pairs = pairs.copy()
    for key, value in changes.items():
        if value is None:
            pairs.pop(key, None)
        else:
            pairs[key] = urlencode({key: value}, safe=_QUERY_SAFE)
    # The query string is encoded here rather than by url_for: url_for would also read
    # parameters such as _external from the visitor's URL.
    return f"{path}?{'&'.join(pairs.values())}" if pairs else path


def _current_url() -> tuple[str, dict[str, str]]:
    """The current path, and each query argument encoded as "key=value", looked up once per
    request: a page has a dozen links made by url_with (sorting, pages)."""
    try:
        return g._url_with_base
    except AttributeError:
        path = url_for(request.endpoint, **(request.view_args or {}))
        pairs = {
            key: urlencode({key: value}, safe=_QUERY_SAFE)
            for key, value in request.args.to_dict().items()
        }
        g._url_with_base = path, pairs
        return g._url_with_base


def select_options(options, selected) -> Markup:
    """The <option> elements for ``options``, a Labels vocabulary or (value, text) pairs, with
    the one whose value is ``selected`` (compared as text) chosen. A vocabulary's options are
    made once per language: a filter form shows some sixty of them."""
    html = options.options_html() if isinstance(options, Labels) else _options_html(options)
    if selected is None or selected == "":
        return html
    option = f'<option value="{escape(str(selected))}">'
    # On the plain text: Markup.replace would escape the replacement.
    chosen = str(html).replace(option, option[:-1] + " selected>", 1)
    return Markup(chosen)  # noqa: S704 made of escaped parts


def filter_select(name: str, options, selected, blank: str) -> Markup:
    """A filter's <select>: an empty option saying ``blank`` (such as "All"), then
    ``options`` as select_options makes them. A function rather than a macro: a filter form has
    eight of them, and a macro call costs as much as the options."""
    return Markup(  # noqa: S704 made of escaped parts
        f'<select name="{escape(name)}" id="f-{escape(name)}">'
        f'<option value="">{escape(blank)}</option>{select_options(options, selected)}</select>'
    )


def _options_html(options) -> Markup:
    # f-strings of escaped parts: Markup.format costs ten times as much.
    html = "".join(
        f'<option value="{escape(str(value))}">{escape(text)}</option>' for value, text in options
    )
    return Markup(html)  # noqa: S704 every part is escaped


@lru_cache(maxsize=4096)
def _medium_date(day: date, locale: str | None) -> str:
    return dates.format_date(day, "medium", locale=locale)


def format_day(day: date | None) -> str:
    """A date in the current language's medium format ("12 мар. 2025 г.")."""
    if day is None:
        return ""
    if isinstance(day, datetime):
        # A moment's day depends on the user's time zone.
        return format_date(day)
    return _medium_date(day, locale_tag())


def locale_tag() -> str | None:
    """The current locale's identifier ("ru"), the key of the per-language date cache."""
    locale = get_locale()
    return str(locale) if locale else None


def item_dates(item, *, locale: str | None = None) -> str:
    """An item's period, or its deadline. A table passes the ``locale`` identifier ("ru") it
    looked up once."""
    # A plan table shows up to 200 dates, but a plan has only 366 days: each is formatted once
    # per language.
    if locale is None:
        locale = locale_tag()
    if item.starts_on is None:
        return gettext("by %(date)s", date=_medium_date(item.ends_on, locale))
    if item.starts_on == item.ends_on:
        return _medium_date(item.ends_on, locale)
    return f"{_medium_date(item.starts_on, locale)} – {_medium_date(item.ends_on, locale)}"


def register_template_globals(app: Flask) -> None:
    app.jinja_env.filters.update(
        date=format_day,
        datetime=lambda value: format_datetime(value, "short") if value else "",
        number=format_decimal,
        money=lambda value: format_decimal(value, format="#,##0.00") if value is not None else "",
    )
    app.jinja_env.globals.update(
        # With the page's catalog: looking it up costs more than the labels.
        label=pass_context(lambda context, *args: label(*args, _page_translations(context))),
        labels=pass_context(lambda context, name: labels(name, _page_translations(context))),
        url_with=url_with,
        select_options=select_options,
        filter_select=filter_select,
        item_dates=item_dates,
        current_language=current_language,
    )
    _install_gettext(app)


# Flask-Babel's template functions look the locale and catalog up on every call, and a page
# shows dozens of texts; a context processor looks them up once per page instead.
_TRANSLATIONS = "_translations"


def _page_translations(context):
    """The catalog a context processor put in the render context: Context.get costs several
    times as much as its own dict. Macros imported without context do not see it, and fall back
    to the slow lookup."""
    found = context.parent.get(_TRANSLATIONS)
    return get_translations() if found is None else found


def _install_gettext(app: Flask) -> None:
    """Jinja's "newstyle" gettext: ``_("Hello %(name)s", name=...)`` formats and escapes its
    variables. Written out here rather than wrapped by Jinja, which formats (and so escapes)
    every one of a page's fifty texts, variables or not."""
    app.context_processor(lambda: {_TRANSLATIONS: get_translations()})

    def formatted(context, text: str, variables: dict):
        if context.eval_ctx.autoescape:
            text = Markup(text)  # noqa: S704 a translation is trusted; variables are escaped
        # Formatting a text without "%" leaves it as it is.
        return text % variables if variables or "%" in text else text

    @pass_context
    def gettext(context, string, **variables):
        return formatted(context, _page_translations(context).ugettext(string), variables)

    @pass_context
    def ngettext(context, singular, plural, num, **variables):
        variables.setdefault("num", num)
        text = _page_translations(context).ungettext(singular, plural, num)
        return formatted(context, text, variables)

    @pass_context
    def pgettext(context, message_context, string, **variables):
        text = _page_translations(context).upgettext(message_context, string)
        return formatted(context, text, variables)

    @pass_context
    def npgettext(context, message_context, singular, plural, num, **variables):
        variables.setdefault("num", num)
        text = _page_translations(context).unpgettext(message_context, singular, plural, num)
        return formatted(context, text, variables)

    app.jinja_env.install_gettext_callables(
        gettext=gettext, ngettext=ngettext, newstyle=False, pgettext=pgettext, npgettext=npgettext
    )
