"""Serve the app with waitress, a production WSGI server: ``orgkg serve`` ends up here."""
from __future__ import annotations

import logging
import signal
import sys
import threading

import waitress
from flask import Flask

log = logging.getLogger("orgkg.web")


def serve(app: Flask, host: str = "127.0.0.1", port: int = 5000, threads: int = 8) -> None:
    """Serve ``app`` until interrupted.

    Waitress's threads share the one loaded catalogue, where a pre-forking server
    would hold a copy per process. Connections idle for 20 s are dropped and up
    to 1000 may be open, so a crowd of slow or half-open clients does not lock
    others out.

    :param host: interface to bind; the default keeps the endpoint private to this machine.
    :param port: TCP port.
    :raises OSError: when the address cannot be bound (the port is taken).
    """
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    server = waitress.create_server(app, host=host, port=port, threads=threads, ident="orgkg", channel_timeout=20,
                                    connection_limit=1000, cleanup_interval=5)
    log.info("orgkg serving on http://%s:%d/ (SPARQL endpoint http://%s:%d/sparql)", host, port, host, port)
    def stop(*_):
        app.extensions["orgkg"].close()  # running queries end now, or the exit would wait for them
        sys.exit(0)  # waitress ends its loop and closes its sockets

    if threading.current_thread() is threading.main_thread():  # Ctrl-C and `kill` alike
        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
    try:
        server.run()
    finally:
        app.extensions["orgkg"].close()
