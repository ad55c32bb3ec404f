"""The media plan: plans, their items, status history, the plan table, the overdue digest."""

from flask import Flask
from flask_babel import lazy_gettext as _l

# The in-memory indexes of plans' items, by plan and items version (plan/index.py).
PLAN_INDEXES = "mediaplan.plan_indexes"
# Versions of plans kept per process; at 10,000 items an index takes a few megabytes.
PLAN_INDEXES_SIZE = 8


def init_app(app: Flask) -> None:
    from mediaplan.api.resources import add_resource
    from mediaplan.plan import api, choices, models  # noqa: F401
    from mediaplan.plan.dashboard_views import bp as dashboard_bp
    from mediaplan.plan.jobs import send_overdue_digest
    from mediaplan.plan.plans_views import bp as plans_bp
    from mediaplan.plan.versions import VersionedCache, listen_for_item_changes
    from mediaplan.plan.views import bp
    from mediaplan.registries import MenuEntry, add_menu_entry, add_object_link, add_vocabulary
    from mediaplan.scheduler.registry import JobKind, register

    for blueprint in (bp, plans_bp, dashboard_bp):
        app.register_blueprint(blueprint)
    for resource in (api.items, api.plans, api.agencies):
        add_resource(app, resource)
    listen_for_item_changes()
    app.extensions[PLAN_INDEXES] = VersionedCache(size=PLAN_INDEXES_SIZE)
    for name, vocabulary in choices.VOCABULARIES.items():
        add_vocabulary(app, name, vocabulary)
    # The first entry is the start page: what needs the user comes before the whole table.
    add_menu_entry(app, MenuEntry(endpoint="dashboard.index", label=_l("My work"), order=5))
    add_menu_entry(app, MenuEntry(endpoint="plan.index", label=_l("Media plan"), order=10))
    add_object_link(app, "plan_item", "plan.item", "item_id")
    register(
        app,
        JobKind(
            name="plan.overdue_digest",
            func=send_overdue_digest,
            trigger="cron",
            trigger_args={"hour": int(app.config["OVERDUE_DIGEST_HOUR"]), "minute": 0},
            misfire_grace_time=12 * 3600,
            description=_l("Sends coordinators a daily list of overdue plan items."),
            misfire_rule=_l(
                "After downtime it runs once if still within 12 hours of its time; "
                "each coordinator gets at most one digest a day."
            ),
        ),
    )
