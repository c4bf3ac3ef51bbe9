"""32 clients for 60 s against a real `orgkg serve`, mixing cheap queries with hostile ones.

The load itself is ``benchmarks/mixed_load.py`` (its figures on the full corpus are in
``benchmarks/RESULTS.md``); here it runs on the sample graph and its verdict is checked.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def test_hostile_mixed_load_gets_only_intended_errors_and_the_server_recovers(graph_file):
    run = subprocess.run([sys.executable, "mixed_load.py", str(graph_file), "--clients", "32", "--seconds", "60",
                          "--timeout", "3", "--json"], cwd=BENCHMARKS, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    result = json.loads(run.stdout)
    assert result["unexpected"] == {}, result["statuses"]
    assert {"cheap", "time-limit", "stack", "huge-answer", "huge-body"} <= set(result["statuses"])
    assert result["statuses"]["cheap"].get("200", 0) > 0 and result["statuses"]["time-limit"].get("503", 0) > 0
    assert result["largest_body"] < 17 << 20  # the byte cap held
    assert result["memory_peak_mb"] < 2048, result  # bounded: workers are stopped, answers capped
    assert result["server_alive"] and result["after"] == [200, 200]
