"""Comments on plan items: a section of the item's page."""

from flask import Flask


def init_app(app: Flask) -> None:
    from mediaplan.comments import models  # noqa: F401
    from mediaplan.comments.views import bp, item_section
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
