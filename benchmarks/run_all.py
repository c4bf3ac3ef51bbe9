"""Every figure of the speed issue from one run: build and scale, serve start, example queries, throughput.

usage: python benchmarks/run_all.py CORPUS [--quick] > section.md

Runs the other benchmarks one after another on this machine, each as its own
process (so none inherits another's memory), and prints one Markdown section for
``benchmarks/RESULTS.md``: the machine and its load before the run, then each
benchmark's table under its command line. The 1× store that the query
benchmarks read is built here with ``orgkg build --store``. ``--quick`` runs the
same on small scales and short loads, to try the script itself (minutes, not
half an hour); its figures are not the ones to report.
"""
from __future__ import annotations

import argparse
import datetime
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FULL = {"build_scale": ["--scales", "1,10,50", "--plain-scales", "1,10", "--jobs", "1,2"],
        "serve_start": ["--scales", "1,10,50", "--runs", "3"],
        "example_queries": ["--runs", "20"],
        "sparql_load": ["--seconds", "30", "--clients", "1,16"]}
QUICK = {"build_scale": ["--scales", "1", "--plain-scales", "1", "--jobs", "2", "--no-stress"],
         "serve_start": ["--scales", "1", "--runs", "1"],
         "example_queries": ["--runs", "2"],
         "sparql_load": ["--seconds", "3", "--clients", "1"]}


def machine() -> str:
    """Cores, memory, CPU model, Python and the load average, in one line."""
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor() or platform.machine())
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"{os.cpu_count()} cores ({model}), {memory:.0f} GB, Linux {platform.release()}, "
            f"Python {platform.python_version()}; load average before the run: {load}")


def bench(name: str, args: list[str]) -> str:
    """One benchmark's Markdown, headed by its command line and its wall time."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, str(HERE / f"{name}.py"), *args], capture_output=True, text=True,
                          cwd=HERE)
    took = time.perf_counter() - start
    shown = " ".join(a if not a.startswith("/") else Path(a).name for a in args)
    body = done.stdout.strip() if done.returncode == 0 else f"failed (exit {done.returncode}):\n\n    " + \
        "\n    ".join(done.stderr.strip().splitlines()[-5:])
    return f"### `{name}.py {shown}` ({took / 60:.1f} min)\n\n{body}\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    plan = QUICK if args.quick else FULL
    corpus = str(args.corpus.resolve())
    print(f"## One run of every benchmark ({datetime.datetime.now():%Y-%m-%d %H:%M})\n")
    print(f"Machine: {machine()}. Command: `python benchmarks/run_all.py {args.corpus.name}"
          f"{' --quick' if args.quick else ''}`.\n", flush=True)
    print(bench("build_scale", [corpus, *plan["build_scale"]]), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        graph, store = Path(tmp) / "graph.ttl", Path(tmp) / "store"
        subprocess.run([sys.executable, "-m", "orgkg", "build", corpus, "-o", str(graph), "--store", str(store),
                        "--quiet"], check=True)
        print(bench("serve_start", [str(graph), *plan["serve_start"]]), flush=True)
        print(bench("example_queries", [str(store), *plan["example_queries"]]), flush=True)
        print(bench("sparql_load", [str(store), *plan["sparql_load"]]), flush=True)


if __name__ == "__main__":
    main()
