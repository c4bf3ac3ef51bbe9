"""Build speed against the segmentation floor, growth at 10× and 50×, serve start, and linear-time stress.

usage: python benchmarks/build_scale.py CORPUS [--scales 1,10,50] [--plain-scales 1,10] [--jobs 1,2] [--timeout 1800]

Every figure is a whole process, cold start included, timed with
``time.perf_counter`` around the child and its peak memory from
``resource.getrusage(RUSAGE_CHILDREN)`` of a small wrapper around each one, so the build and the floor are measured
alike in one run. The floor is a bare ``jieba.lcut`` over the same text
(dictionary load included). Scaled corpora repeat the real articles with each
copy's subject region renamed to another prefecture, so no two articles share a
title; they are written to a temporary folder and never kept. Each build runs
twice at the scales of ``--plain-scales``: the graph file alone (what the 3× target
is about) and with ``--store`` (the on-disk store and the pages' catalogue as well,
which the serve-start column then opens); at the other scales only the second.
Prints Markdown for ``benchmarks/RESULTS.md``.
"""
from __future__ import annotations

import argparse
import datetime
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

PYTHON = sys.executable
FLOOR = "import sys, jieba; jieba.setLogLevel(60); jieba.lcut(open(sys.argv[1], encoding='utf-8').read())"
# invented report-style sentences for the stress inputs
STRESS = ("全县持续深化“党建引领基层治理”行动，建成党群服务中心120个，选派第一书记35名",
          "推行“周调度、月通报”工作机制，累计培训党员干部8600人次")


# runs a command and reports the largest resident set of it and its own children, alone
PEAK = ("import resource, subprocess, sys; done = subprocess.run(sys.argv[1:]); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(done.returncode)")


def run(command: list[str], timeout: float) -> tuple[float, float, str]:
    """Wall seconds and the peak RSS (MB) of one command; ``inf`` after a time-out."""
    start = time.perf_counter()
    try:
        done = subprocess.run([PYTHON, "-c", PEAK, *command], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return float("inf"), float("nan"), "timed out"
    wall = time.perf_counter() - start
    lines = done.stderr.strip().splitlines()
    peak = int(lines[-1]) / 1024 if lines and lines[-1].isdigit() else float("nan")
    return wall, peak, "" if done.returncode == 0 else (lines[-2] if len(lines) > 1 else "failed")


def scaled(corpus: Path, factor: int, folder: Path) -> Path:
    """The corpus repeated ``factor`` times, each copy's articles renamed to other prefectures."""
    from orgkg.graph.corpus import read_corpus
    from orgkg.graph.knowledge import packaged

    if factor == 1:
        return corpus
    prefectures = sorted(r.name for r in packaged().gazetteer.regions.values() if r.level == "prefecture")
    articles = read_corpus(corpus)
    out = folder / f"corpus-{factor}x"
    out.mkdir()
    for copy in range(factor):
        for i, article in enumerate(articles):
            title, text = article.title, article.text
            new = prefectures[(i * 31 + copy * 17) % len(prefectures)]
            own = re.search(r"[\u4e00-\u9fff]{2,}?(?:省|市|州|区|县|盟)", title)
            if own and copy:
                text = text.replace(own.group(), new).replace(own.group()[:-1], new[:-1])
                title = title.replace(own.group(), new)
            (out / f"{copy:03d}-{i:03d}.txt").write_text(f"{title}（{copy + 1}）\n{text}\n", encoding="utf-8")
    return out


def floor_input(source: Path, folder: Path) -> Path:
    if source.is_file():
        return source
    joined = folder / f"{source.name}.joined.txt"
    joined.write_text("\n".join(p.read_text(encoding="utf-8") for p in sorted(source.glob("*.txt"))), encoding="utf-8")
    return joined


def first_answer(store: Path, timeout: float = 600) -> float:
    """Seconds from starting ``orgkg serve STORE`` to its first answered request."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    start = time.perf_counter()
    server = subprocess.Popen([PYTHON, "-m", "orgkg", "serve", str(store), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while time.perf_counter() - start < timeout:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D&format=json", timeout=5).read()
                return time.perf_counter() - start
            except OSError:
                time.sleep(0.02)
        return float("inf")
    finally:
        server.terminate()
        server.wait()


def stress(folder: Path, timeout: float) -> list[tuple[str, float]]:
    """Build times of a 1 MB paragraph without a full stop and of one 50 MB line."""
    rows = []
    for name, size, joiner in (("1 MB paragraph, no 。", 1 << 20, "，"), ("50 MB single line", 50 << 20, "。")):
        unit = joiner.join(STRESS) + joiner
        body = unit * (size // len(unit.encode("utf-8")) + 1)
        path = folder / f"stress-{size}.txt"
        path.write_text("某县组织工作总结\n　　" + body + "\n", encoding="utf-8")
        wall, _, error = run([PYTHON, "-m", "orgkg", "build", str(path), "-o", str(folder / "stress.ttl"), "-q",
                              "--no-cache"], timeout)
        rows.append((name, wall if not error else float("inf")))
    return rows


def _cells(measured: tuple[float, float, str], floor: float) -> str:
    wall, peak, error = measured
    note = f" ({error})" if error else ""
    return f"{wall:.2f}{note} | {wall / floor:.1f} | {peak:.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--scales", default="1,10,50")
    parser.add_argument("--plain-scales", default="1,10")
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument("--timeout", type=float, default=1800)
    parser.add_argument("--no-stress", action="store_true")
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    plain = {int(s) for s in args.plain_scales.split(",") if s}
    jobs = [int(j) for j in args.jobs.split(",")]
    print(f"Measured {datetime.date.today()} on {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, with `python benchmarks/build_scale.py {args.corpus.name} "
          f"--scales {args.scales} --plain-scales {args.plain_scales} --jobs {args.jobs}`.\n")
    print("| corpus | jieba floor (s) | jobs | build (s) | × floor | peak MB | build with `--store` (s) | × floor "
          "| peak MB | serve from store: first answer (s) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for factor in scales:
            source = scaled(args.corpus, factor, folder)
            floor, floor_mb, _ = run([PYTHON, "-c", FLOOR, str(floor_input(source, folder))], args.timeout)
            for n in jobs:
                build = [PYTHON, "-m", "orgkg", "build", str(source), "-o", str(folder / f"g-{factor}-{n}.ttl"),
                         "-q", "--no-cache", "--jobs", str(n)]
                cells = [_cells(run(build, args.timeout), floor) if factor in plain else "– | – | –"]
                store = folder / f"store-{factor}-{n}"
                stored = run([*build, "--store", str(store)], args.timeout)
                start = first_answer(store) if not stored[2] else float("nan")
                cells.append(_cells(stored, floor))
                print(f"| {factor}× | {floor:.2f} ({floor_mb:.0f} MB) | {n} | {' | '.join(cells)} | {start:.2f} |",
                      flush=True)
        if not args.no_stress:
            print("\n| stress input | build (s) |\n| --- | ---: |")
            for name, wall in stress(folder, min(args.timeout, 600)):
                print(f"| {name} | {wall:.1f} |", flush=True)


if __name__ == "__main__":
    main()
