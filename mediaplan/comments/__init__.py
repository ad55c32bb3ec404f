"""Comments on plan items: a section of the item's page."""

from flask import Flask


def init_app(app: Flask) -> None:
    from mediaplan.comments import models  # noqa: F401
    from mediaplan.comments.views import bp, home_section, item_section
    from mediaplan.registries import PageSection, add_page_section

    app.register_blueprint(bp)
    add_page_section(
        app,
        PageSection(
            page="plan.item",
            name="comments",
            template="comments/_item_section.html",
            context=item_section,
        ),
    )
    add_page_section(
        app,
        PageSection(
            page="plan.dashboard",
            name="recent_comments",
            template="comments/_home_section.html",
            context=home_section,
        ),
    )
