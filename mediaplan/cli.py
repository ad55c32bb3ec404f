"""The `mediaplan` console script: Flask's CLI with Mediaplan's commands."""

import gc
import os

import click
from flask.cli import FlaskGroup, with_appcontext


def _create_app():
    from mediaplan.app import create_app

    return create_app()


@click.group(
    cls=FlaskGroup,
    create_app=_create_app,
    add_version_option=False,
    load_dotenv=False,
    set_debug_flag=False,
)
def main():
    """Mediaplan: the media plan against violent extremism."""


@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=None, help="Defaults to $PORT, else 5000.")
@click.option("--threads", type=int, default=8, show_default=True)
@with_appcontext
def serve_command(host: str, port: int | None, threads: int):
    """Serve the application with waitress, a production WSGI server, and run the background
    services (the scheduler unless MEDIAPLAN_SCHEDULER=off) beside it."""
    import waitress
    from flask import current_app

    from mediaplan.registries import registry

    port = port or int(os.environ.get("PORT") or 5000)
    app = current_app._get_current_object()
    if not os.environ.get("MEDIAPLAN_BASE_URL"):
        # Links in e-mails then lead to this server, wherever it was told to listen.
        app.config["BASE_URL"] = served_url(host, port)
    # The address first: a port in use must stop us before anything runs in the background.
    try:
        _check_address(host, port)
    except OSError as error:
        raise click.ClickException(
            f"Cannot serve on {host}:{port} ({error.strerror or error}). Stop the program "
            "using it, or choose another port with --port or PORT."
        ) from error
    server = waitress.create_server(
        app,
        host=host,
        port=port,
        threads=threads,
        ident="mediaplan",
        # Behind trusted proxies the app reads their X-Forwarded-* headers (ProxyFix, with
        # TRUSTED_PROXIES); waitress would otherwise drop them, and every request would seem
        # to come from the proxy, sharing one address's login limit.
        clear_untrusted_proxy_headers=not int(app.config["TRUSTED_PROXIES"]),
    )
    stops = []
    for start in registry(app).background_services.values():
        stop = start(app)
        if stop is not None:
            stops.append(stop)
    click.echo(f"Mediaplan at http://{host}:{port}/ (Ctrl+C stops it)")
    _freeze_startup_objects()
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        for stop in stops:
            stop()


def served_url(host: str, port: int) -> str:
    """The address of a server listening on ``host`` and ``port``, as a browser on the same
    machine reaches it: a wildcard address stands for the loopback one."""
    host = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(host, host)  # noqa: S104
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def _check_address(host: str, port: int) -> None:
    """Bind the address as waitress will, and let it go: an OSError says why it cannot serve
    there (waitress itself leaves its socket open when binding fails)."""
    import socket

    family, kind, _proto, _name, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[
        0
    ]
    with socket.socket(family, kind) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(address)


def _freeze_startup_objects() -> None:
    """Keep what start-up made (modules, mappers, templates, locale data: some 120,000
    objects, none of them garbage) out of the garbage collector's passes, which then look only
    at what requests allocate: a page view spends half as long in the collector."""
    gc.collect()
    gc.freeze()
