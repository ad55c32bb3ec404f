"""Security headers, proxy handling and safe redirect targets."""

from urllib.parse import urlsplit

from flask import Flask, Response, abort, request
from werkzeug.middleware.proxy_fix import ProxyFix

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
)


def register_security(app: Flask) -> None:
    proxies = int(app.config["TRUSTED_PROXIES"])
    if proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)
    send_hsts = bool(app.config["HTTPS"])
    app.before_request(reject_nul_characters)

    @app.after_request
    def set_security_headers(response: Response) -> Response:
        headers = response.headers
        headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        if send_hsts and request.is_secure:
            headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        return response


def reject_nul_characters() -> None:
    """Answer 400 to a web request whose query or form holds a NUL character.

    PostgreSQL cannot store NUL in text and no browser form sends one (indico's reject_nuls).
    The API checks its own input and names the field at fault in a 422.
    """
    if request.path.startswith("/api/"):
        return
    for key, values in request.values.lists():
        if "\x00" in key or any("\x00" in value for value in values):
            abort(400)


def is_safe_redirect(target: str | None) -> bool:
    """True for a path on this site; false for other hosts, schemes and browser quirks."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return False
    # Browsers treat a backslash like a slash, so "/\\evil.example" would leave the site.
    if "\\" in target or any(ord(ch) < 32 for ch in target):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc
