"""The app's single error handler: JSON for the endpoint and ``.json`` paths, ``error.html`` otherwise."""
from __future__ import annotations

from flask import Flask, current_app, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, SecurityError

from orgkg.graph.analysis import NotInGraph
from orgkg.graph.store import (
    AnswerFormatError, Busy, OrgkgError, QueryRefused, QuerySyntaxError, QueryTimeout, QueryTooComplex, UpstreamError,
)

from .i18n import MESSAGES, t

#: The HTTP status of each error the graph side raises on purpose; any other (QueryCrashed …) is a 500.
STATUS = {QuerySyntaxError: 400, QueryTooComplex: 400, QueryRefused: 403, NotInGraph: 404, AnswerFormatError: 422,
          Busy: 429, UpstreamError: 502, QueryTimeout: 503}
JSON_PREFIXES = ("/sparql", "/search.json")


def wants_json() -> bool:
    """Machine clients get errors in JSON: the endpoint, and paths ending in ``.json``."""
    return request.path.startswith(JSON_PREFIXES) or request.path.endswith(".json")


def handle(error: Exception):
    """Answer ``error`` with its status; unexpected errors are logged and become a 500."""
    if isinstance(error, SecurityError):  # an untrusted Host: said without repeating it
        status, name, message = 400, error.name, "this server does not answer to that Host name"
    elif isinstance(error, HTTPException):
        status, name, message = error.code or 500, error.name, error.description
    elif isinstance(error, OrgkgError):
        status = next((code for kind, code in STATUS.items() if isinstance(error, kind)), 500)
        name, message = type(error).__name__, str(error)
        if status == 500:
            current_app.logger.error("%s on %s: %s", name, request.path, message)
    else:
        current_app.logger.exception("unhandled error on %s", request.path)
        status, name, message = 500, "Internal Server Error", "unexpected error; see the server log"
    if wants_json():
        response = jsonify(error=status, name=name, message=message)
    else:
        key = f"status_{status}"  # the status said in the page's language; the server's own words below it
        title = t(key) if key in MESSAGES else t("error")
        response = current_app.make_response(render_template("error.html", status=status, title=title, name=name,
                                                              message=message))
    response.status_code = status
    if isinstance(error, HTTPException):
        response.headers.update({k: v for k, v in error.get_headers() if k.lower() == "allow"})
    return response


def init_app(app: Flask) -> None:
    """Register :func:`handle` for every exception."""
    app.register_error_handler(Exception, handle)
