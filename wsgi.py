"""The WSGI entry point for gunicorn, waitress or any other server; it starts no scheduler."""

from mediaplan.app import create_app

app = create_app()
