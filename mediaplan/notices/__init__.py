"""Notices: when someone comments on or changes an item of a user's agency, the user is told in
the app, and by e-mail for the kinds of notice they chose on their account page."""

from flask import Flask


def init_app(app: Flask) -> None:
    from mediaplan.notices import models  # noqa: F401
    from mediaplan.notices.receivers import on_comment_added, on_plan_item_changed
    from mediaplan.notices.views import account_section, bp
    from mediaplan.registries import PageSection, add_page_section
    from mediaplan.signals import comment_added, plan_item_changed

    app.register_blueprint(bp)
    plan_item_changed.connect(on_plan_item_changed, app)
    comment_added.connect(on_comment_added, app)
    add_page_section(
        app,
        PageSection(
            page="users.account",
            name="notices",
            template="notices/_account_section.html",
            context=account_section,
        ),
    )
