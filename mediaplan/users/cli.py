"""`mediaplan users ...`: manage accounts from the shell."""

import sys

import click
import sqlalchemy as sa
from flask.cli import AppGroup

users_cli = AppGroup("users", help="Manage user accounts.")


@users_cli.command("create")
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option("--role", required=True, help="admin, coordinator, press_officer, trainer, ...")
@click.option("--agency", "agency_code", required=True, help="Agency code, e.g. mkism.")
@click.option("--locale", type=click.Choice(["ky", "ru", "en"]), default=None)
@click.option(
    "--password-stdin", is_flag=True, help="Read the password from standard input, not a prompt."
)
def create_user_command(email, name, role, agency_code, locale, password_stdin):
    """Create a user. The password is prompted for, or read from stdin; never an argument."""
    from mediaplan.agencies.models import Agency
    from mediaplan.errors import ValidationFailed
    from mediaplan.extensions import db
    from mediaplan.users.service import create_user

    agency = db.session.scalar(sa.select(Agency).where(Agency.code == agency_code))
    if agency is None:
        raise click.ClickException(f"No agency with code {agency_code!r}.")
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        user = create_user(
            email=email, name=name, role=role, agency_id=agency.id, password=password, locale=locale
        )
    except ValidationFailed as error:
        db.session.rollback()
        messages = "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in error.errors.items())
        raise click.ClickException(messages) from error
    db.session.commit()
    click.echo(f"Created {user.role} {user.email} ({agency.code}).")


@users_cli.command("list")
def list_users_command():
    """List users with their role and agency."""
    from mediaplan.extensions import db
    from mediaplan.users.models import User

    for user in db.session.scalars(sa.select(User).order_by(User.email)):
        state = "" if user.is_active else " (disabled)"
        click.echo(f"{user.email}\t{user.role}\t{user.agency.code}{state}")
