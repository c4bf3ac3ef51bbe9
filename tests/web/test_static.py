"""Vendored assets are served by the app, with their licences and refresh command kept beside them."""
from __future__ import annotations

from pathlib import Path

import pytest

VENDOR = Path(__file__).resolve().parents[2] / "web" / "static" / "vendor"


@pytest.mark.parametrize("path,media_type", [
    ("/static/vendor/yasgui/yasgui.min.js", "text/javascript"),
    ("/static/vendor/yasgui/yasgui.min.css", "text/css"),
    ("/static/vendor/vis-network/vis-network.min.js", "text/javascript"),
    ("/static/query.js", "text/javascript"),
    ("/static/network.js", "text/javascript"),
    ("/static/app.js", "text/javascript"),
    ("/static/favicon.svg", "image/svg+xml"),
])
def test_assets_are_served(client, path, media_type):
    response = client.get(path)
    assert response.status_code == 200 and response.mimetype == media_type
    response.close()


def test_licences_and_refresh_command_are_vendored():
    assert "MIT License" in (VENDOR / "yasgui" / "LICENSE").read_text()
    assert (VENDOR / "vis-network" / "LICENSE-MIT").is_file() and (VENDOR / "vis-network" / "LICENSE-APACHE-2.0").is_file()
    readme = (VENDOR / "README.md").read_text()
    assert "npm install --no-audit --no-fund @zazuko/yasgui@4.6.2 vis-network@10.1.5" in readme
