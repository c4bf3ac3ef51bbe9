"""The orgkg command line, run as a user runs it: build, export, query, stats, validate, evaluate, errors."""
from __future__ import annotations

import json
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sample"


SHARED = ROOT.parent / "shared"


def orgkg(*args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "orgkg", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd or ROOT)


@pytest.fixture(scope="module")
def sample_ttl(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("cli") / "sample.ttl"
    done = orgkg("build", SAMPLE, "-o", out)
    assert done.returncode == 0, done.stderr
    return out


def test_query_takes_the_ontologys_prefixes_undeclared(sample_ttl):
    done = orgkg("query", "SELECT (COUNT(*) AS ?n) WHERE { ?r a ok:Region }", "-g", sample_ttl, "--format", "csv")
    assert done.returncode == 0 and done.stdout.split() == ["n", "7"]


def test_build_reports_what_it_wrote(sample_ttl, tmp_path):
    done = orgkg("build", SAMPLE, "-o", tmp_path / "g.ttl")
    assert done.returncode == 0
    assert "3 ok:Article" in done.stderr and "triples" in done.stderr
    assert orgkg("build", SAMPLE, "-o", tmp_path / "q.ttl", "--quiet").stderr == ""


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld", "trig"])
def test_export_formats_round_trip(sample_ttl, tmp_path, fmt):
    out = tmp_path / f"g.{fmt}"
    assert orgkg("export", sample_ttl, "--format", fmt, "-o", out).returncode == 0
    back = orgkg("stats", out)
    assert back.returncode == 0
    assert back.stdout.splitlines()[:2] == orgkg("stats", sample_ttl).stdout.splitlines()[:2]


def test_export_builds_a_corpus_to_stdout():
    done = orgkg("export", SAMPLE, "--format", "nt")
    assert done.returncode == 0
    assert "<https://w3id.org/orgkg/ontology#Article>" in done.stdout


QUERY = """PREFIX ok: <https://w3id.org/orgkg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?name ?code WHERE { ?r a ok:Region ; rdfs:label ?name ; ok:adminCode ?code ; ok:level "province" }"""


def test_query_table_csv_json(sample_ttl):
    table = orgkg("query", QUERY, "-g", sample_ttl)
    assert table.returncode == 0, table.stderr
    assert table.stdout.splitlines()[0].split() == ["name", "|", "code"]
    assert "湖南省 | 430000" in table.stdout
    csv_out = orgkg("query", QUERY, "-g", sample_ttl, "--format", "csv").stdout
    assert "湖南省,430000" in csv_out.splitlines()
    data = json.loads(orgkg("query", QUERY, "-g", sample_ttl, "--format", "json").stdout)
    assert {"name": "湖南省", "code": "430000"} in [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


def test_query_from_file_and_ask_and_construct(sample_ttl, tmp_path):
    rq = tmp_path / "q.rq"
    rq.write_text("ASK { ?s ?p ?o }", encoding="utf-8")
    assert orgkg("query", f"@{rq}", "-g", sample_ttl).stdout == "true\n"
    construct = orgkg("query", "CONSTRUCT { ?s a ?t } WHERE { ?s a ?t } LIMIT 2", "-g", sample_ttl)
    assert " a " in construct.stdout or "rdf-syntax-ns#type" in construct.stdout


def test_stats_counts_classes_and_properties_under_a_header(sample_ttl):
    lines = orgkg("stats", sample_ttl).stdout.splitlines()
    assert lines[0] == "kind\tname\tcount" and lines[1].startswith("triples\tall\t")
    assert "class\tok:Article\t3" in lines
    assert any(l.startswith("property\tok:about\t3") for l in lines)


def test_stats_of_a_corpus_and_a_store_agree_with_the_graph_file(sample_ttl, tmp_path):
    from_file = orgkg("stats", sample_ttl).stdout
    assert orgkg("stats", SAMPLE).stdout == from_file
    assert orgkg("build", SAMPLE, "-o", tmp_path / "g.ttl", "--store", tmp_path / "store", "-q").returncode == 0
    assert orgkg("stats", tmp_path / "store").stdout == from_file
    rows = json.loads(orgkg("stats", sample_ttl, "--json").stdout)
    assert {"kind": "class", "name": "ok:Article", "count": 3} in rows


def test_stats_into_a_pipe_that_closes_early_is_quiet(sample_ttl):
    done = subprocess.run(f"{sys.executable} -m orgkg stats {sample_ttl} | head -1", shell=True, capture_output=True,
                          text=True, cwd=ROOT)
    assert done.stdout == "kind\tname\tcount\n" and done.stderr == ""


def test_validate_accepts_a_built_graph(sample_ttl):
    done = orgkg("validate", sample_ttl)
    assert done.returncode == 0, done.stdout
    assert "conforms" in done.stderr
    assert "checking" in done.stderr.splitlines()[0] and "checked in" in done.stderr  # says what it does meanwhile


def test_validate_rejects_a_broken_graph(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("""@prefix ok: <https://w3id.org/orgkg/ontology#> .
<https://w3id.org/orgkg/id/article/x> a ok:Article .
<https://w3id.org/orgkg/id/region/x> a ok:Region ; ok:level "planet" .""", encoding="utf-8")
    done = orgkg("validate", bad)
    assert done.returncode == 1
    assert "SHACL violation" in done.stderr
    assert "article/x" in done.stdout and "region/x" in done.stdout


@pytest.mark.parametrize("args, message", [
    pytest.param(["build", "no/such/corpus.txt"], "no such file or folder", id="missing-corpus"),
    pytest.param(["build", "{empty}"], "empty corpus", id="empty-corpus"),
    pytest.param(["build", "{noarticle}"], "no recognisable article", id="no-article"),
    pytest.param(["build", SAMPLE, "-o", "/nonexistent-dir/g.ttl"], "does not exist", id="missing-output-folder"),
    pytest.param(["query", "SELEKT * WHERE {}", "-g", "{graph}"], "bad SPARQL query", id="bad-sparql"),
    pytest.param(["query", "ASK {}", "-g", "none.ttl"], "no such graph file", id="missing-graph"),
    pytest.param(["query", "ASK {}", "--endpoint", "http://127.0.0.1:9/sparql"], "unreachable", id="endpoint-down"),
    pytest.param(["stats", "{notrdf}"], "cannot load the graph", id="not-rdf"),
    pytest.param(["evaluate", "{empty_dir}", "-g", "{graph}"], "not a folder of gold JSON", id="no-gold"),
    pytest.param(["build", SAMPLE, "--pipeline", "regions,nonsense"], "unknown extractor 'nonsense'", id="bad-pipeline"),
    pytest.param(["build", SAMPLE, "--jobs", "0"], "not a positive number of jobs", id="bad-jobs"),
    pytest.param(["serve", "none.ttl"], "no such graph file", id="serve-missing-graph"),
    pytest.param(["serve", "{notrdf}"], "cannot load the graph", id="serve-bad-graph"),
    pytest.param(["serve", "--endpoint", "http://127.0.0.1:9/query"], "unreachable", id="serve-endpoint-down"),
])
def test_errors_are_one_line_and_exit_1(args, message, tmp_path, sample_ttl):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "noarticle.txt").write_text("一个标题\n", encoding="utf-8")
    (tmp_path / "notrdf.ttl").write_text("this is not turtle", encoding="utf-8")
    (tmp_path / "empty_dir").mkdir()
    names = {"empty": tmp_path / "empty.txt", "noarticle": tmp_path / "noarticle.txt", "graph": sample_ttl,
             "notrdf": tmp_path / "notrdf.ttl", "empty_dir": tmp_path / "empty_dir"}
    args = [str(names.get(str(a).strip("{}"), a)) for a in args]
    done = orgkg(*args)
    assert done.returncode == 1
    assert message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_serve_on_a_taken_port_is_one_line(tmp_path):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        done = orgkg("serve", SAMPLE, "--port", taken.getsockname()[1], "-o", tmp_path / "graph.ttl")
    assert done.returncode == 1
    assert "cannot listen on 127.0.0.1" in done.stderr and "Traceback" not in done.stderr


def test_serving_a_corpus_builds_it_once_writes_the_graph_and_serves_that_file(tmp_path):
    from servers import free_port, stop, wait_until_up

    port, out = free_port(), tmp_path / "served.ttl"
    server = subprocess.Popen([sys.executable, "-m", "orgkg", "serve", str(SAMPLE), "--port", str(port), "-o", str(out)],
                              cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/", server)
        assert out.is_file() and orgkg("stats", out).stdout.splitlines()[1].startswith("triples\tall\t")
        query = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "format": "json"})
        answer = json.loads(urllib.request.urlopen(f"http://127.0.0.1:{port}/sparql?{query}", timeout=30).read())
        served = int(answer["results"]["bindings"][0]["n"]["value"])
        assert f"triples\tall\t{served}" == orgkg("stats", out).stdout.splitlines()[1]
    finally:
        stop(server)


def test_unwritable_output_folder_is_one_line(tmp_path):
    done = orgkg("build", SAMPLE, "-o", "/proc/orgkg-graph.ttl")  # not writable, even for root
    assert done.returncode == 1 and "cannot write" in done.stderr


def test_output_that_is_a_folder_keeps_everything(tmp_path):
    """Writing over a folder fails at the rename: nothing is lost and no temporary file is left."""
    (tmp_path / "g.ttl").mkdir()
    (tmp_path / "g.ttl" / "keep").write_text("x", encoding="utf-8")
    done = orgkg("build", SAMPLE, "-o", tmp_path / "g.ttl", "--no-cache")
    assert done.returncode == 1 and "cannot write" in done.stderr
    assert (tmp_path / "g.ttl" / "keep").read_text(encoding="utf-8") == "x"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.ttl"]


# Floors that catch regressions on the nine dev articles (version-2 gold), a little under the scores
# measured when they were set (2026-12-02, after the third set of blind-annotation rounds: regions 0.939,
# programmes 0.933, initiatives 0.855, measures 0.903, figures 0.992, figure subject 0.930). They are not
# targets: raise them as scores rise.
DEV_FLOORS = {"regions": 0.92, "programmes": 0.91, "initiatives": 0.83, "measures": 0.88, "figures": 0.98}
FIGURE_SUBJECT_FLOOR = 0.91


def test_full_corpus_validates_and_stays_above_the_dev_floors(corpus_graph_file):
    assert orgkg("validate", corpus_graph_file).returncode == 0
    gold = SHARED / "gold" / "dev"
    if not gold.is_dir():
        pytest.skip("the shared gold set is not beside this checkout")
    floors = [f"--min-f1={row}={floor}" for row, floor in DEV_FLOORS.items()]
    done = orgkg("evaluate", gold, "-g", corpus_graph_file, *floors, "--json")
    assert done.returncode == 0, done.stdout
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["figure subject"] >= FIGURE_SUBJECT_FLOOR
    assert report["article subject region"] == 1.0


def test_progress_bar_on_a_terminal_only(tmp_path):
    import os
    import pty

    leader, follower = pty.openpty()
    done = subprocess.run([sys.executable, "-m", "orgkg", "build", str(SAMPLE), "-o", str(tmp_path / "g.ttl")],
                          stderr=follower, stdout=subprocess.DEVNULL, cwd=ROOT)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert done.returncode == 0
    assert "extracting [" in shown.decode() and "3/3" in shown.decode()
    assert "extracting" not in orgkg("build", SAMPLE, "-o", tmp_path / "h.ttl").stderr


def test_a_persisted_store_answers_like_the_graph_file_and_is_served(tmp_path):
    from servers import free_port, stop, wait_until_up

    graph, store = tmp_path / "g.ttl", tmp_path / "store"
    assert orgkg("build", SAMPLE, "-o", graph, "--store", store, "-q", "--no-cache").returncode == 0
    from_file, from_store = orgkg("query", QUERY, "-g", graph), orgkg("query", QUERY, "-g", store)
    assert from_store.returncode == 0 and from_store.stdout == from_file.stdout
    assert orgkg("build", SAMPLE, "-o", graph, "--store", store, "-q", "--no-cache").returncode == 0  # replaced
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.ttl", "store"]
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "orgkg", "serve", str(store), "--port", str(port)], cwd=tmp_path,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/id/region/430200", server)
        assert not (tmp_path / "build").exists()  # a store is served as it is, never rebuilt
    finally:
        stop(server)


def test_a_folder_that_is_not_a_store_is_never_overwritten(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep", encoding="utf-8")
    done = orgkg("build", SAMPLE, "-o", tmp_path / "g.ttl", "--store", tmp_path / "mine", "-q")
    assert done.returncode == 1 and "is not an orgkg store" in done.stderr
    assert (tmp_path / "mine" / "notes.txt").read_text(encoding="utf-8") == "keep"
    done = orgkg("query", "ASK {}", "-g", tmp_path / "mine")
    assert done.returncode == 1 and "not an orgkg store" in done.stderr


def test_serve_binds_to_the_loopback_interface_unless_told_otherwise():
    from orgkg.cli import _parser

    assert _parser().parse_args(["serve", "g.ttl"]).host == "127.0.0.1"


@pytest.mark.parametrize("source", ["/dev/zero", "{fifo}"], ids=["device", "fifo"])
def test_pipes_and_devices_are_refused_at_once_in_one_line(tmp_path, source):
    import os

    fifo = tmp_path / "corpus.txt"
    os.mkfifo(fifo)
    done = subprocess.run([sys.executable, "-m", "orgkg", "build", str(fifo) if source == "{fifo}" else source,
                           "-o", str(tmp_path / "g.ttl")], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 1 and "not a regular file" in done.stderr and len(done.stderr.splitlines()) == 1


def test_a_corpus_over_the_size_limit_is_refused_before_reading(tmp_path):
    import os

    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (2 << 20))
    done = subprocess.run([sys.executable, "-m", "orgkg", "build", str(big), "-o", str(tmp_path / "g.ttl")],
                          capture_output=True, text=True, cwd=ROOT, env={**os.environ, "ORGKG_MAX_CORPUS_MB": "1"})
    assert done.returncode == 1 and "more than the 1 MB" in done.stderr


def test_an_impossible_number_is_skipped_with_a_warning_naming_its_sentence(tmp_path):
    corpus = tmp_path / "report.txt"
    corpus.write_text("某县组织工作总结\n　　全县共有党员" + "9" * 30 + "名，建成党群服务中心12个。\n", encoding="utf-8")
    done = orgkg("build", corpus, "-o", tmp_path / "g.ttl", "-q", "--no-cache")
    assert done.returncode == 0
    assert "orgkg: warning: skipped a number" in done.stderr and "建成党群服务中心" in done.stderr
    assert "ok:value \"12\"^^xsd:decimal" in (tmp_path / "g.ttl").read_text(encoding="utf-8")


def test_a_write_killed_midway_leaves_nothing_the_next_build_keeps(tmp_path):
    leftover = tmp_path / ".g.ttl.999999999.abc"  # a pid no process has
    leftover.write_text("half a graph")
    assert orgkg("build", SAMPLE, "-o", tmp_path / "g.ttl", "-q", "--no-cache").returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.ttl"]
