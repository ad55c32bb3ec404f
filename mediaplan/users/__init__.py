"""Users: administration screens, the account page with its sessions and API tokens, and the
`users` CLI group."""

from flask import Flask
from flask_babel import lazy_gettext as _l


def init_app(app: Flask) -> None:
    from mediaplan.registries import MenuEntry, add_menu_entry, add_vocabulary
    from mediaplan.users import models  # noqa: F401
    from mediaplan.users.choices import ROLE_LABELS
    from mediaplan.users.cli import users_cli
    from mediaplan.users.token_views import bp as tokens_bp
    from mediaplan.users.views import account_title, bp

    app.register_blueprint(bp)
    app.register_blueprint(tokens_bp)
    app.cli.add_command(users_cli)
    add_vocabulary(app, "role", ROLE_LABELS)
    add_menu_entry(
        app,
        MenuEntry(endpoint="users.index", label=_l("Users"), order=90, roles=frozenset({"admin"})),
    )
    add_menu_entry(
        app,
        MenuEntry(
            endpoint="users.account",
            label=lambda user: user.name,
            title=account_title,
            area="account",
            order=800,
        ),
    )
