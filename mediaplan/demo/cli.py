"""`mediaplan demo load`."""

import os

import click
from flask import current_app
from flask.cli import AppGroup

demo_cli = AppGroup("demo", help="The demo media plan.")


@demo_cli.command("load")
@click.option("--if-empty", is_flag=True, help="Do nothing when the database has agencies.")
def load_command(if_empty: bool):
    """Load last year's demo plan and this year's, and one demo user per role."""
    from mediaplan.demo.loader import DemoAlreadyLoaded, database_is_empty, load_demo
    from mediaplan.extensions import db

    if if_empty and not database_is_empty():
        click.echo("The database already has data; the demo plan was not loaded.")
        return
    password = current_app.config["DEMO_PASSWORD"]
    try:
        result = load_demo(password=password)
    except DemoAlreadyLoaded as error:
        raise click.ClickException(f"The demo plans {error} are already loaded.") from error
    db.session.commit()
    for code, count in result.plans:
        click.echo(f"Loaded plan {code} with {count} items.")
    port = os.environ.get("PORT") or 5000
    click.echo(f"Demo logins (open http://127.0.0.1:{port}):")
    for email, role in result.logins:
        click.echo(f"  {role:<14} {email}")
    if password:
        click.echo("  password: the value of MEDIAPLAN_DEMO_PASSWORD")
    else:
        click.echo(
            f"  password: {result.password}  (shown once; set MEDIAPLAN_DEMO_PASSWORD to choose)"
        )
