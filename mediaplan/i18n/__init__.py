"""Interface language and time zone: chosen per user, else from the browser, else Russian."""

from flask import Flask


def init_app(app: Flask) -> None:
    from mediaplan.extensions import babel
    from mediaplan.i18n.selection import select_locale, select_timezone
    from mediaplan.i18n.views import bp, language_switcher
    from mediaplan.registries import PageSection, add_page_section

    babel.init_app(app, locale_selector=select_locale, timezone_selector=select_timezone)
    app.register_blueprint(bp)
    add_page_section(
        app,
        PageSection(
            page="layout.header",
            name="languages",
            template="i18n/_switcher.html",
            context=language_switcher,
            order=10,
        ),
    )
