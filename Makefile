# The two commands: `make run` and `make test` (and `make serve` for the last build).
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
CORPUS  ?= data/sample
GRAPH   ?= build/graph.ttl
STORE   ?= build/store
HOST    ?= 127.0.0.1
PORT    ?= 5000

# The graph is rebuilt only when the corpus, the code or its tables changed, or another corpus is asked for.
CODE         := $(shell find orgkg graph data ontology -type f \( -name '*.py' -o -name '*.tsv' -o -name '*.ttl' \) -not -path '*/sample/*')
CORPUS_FILES := $(shell find $(CORPUS) -type f -name '*.txt' 2>/dev/null)
CORPUS_STAMP := $(GRAPH).corpus
$(shell mkdir -p $(dir $(GRAPH)) && (echo '$(abspath $(CORPUS))' | cmp -s - $(CORPUS_STAMP) || echo '$(abspath $(CORPUS))' > $(CORPUS_STAMP)))

.PHONY: run serve test build clean

$(BIN)/orgkg: pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

$(GRAPH): $(BIN)/orgkg $(CORPUS_STAMP) $(CORPUS_FILES) $(CODE)
	$(BIN)/orgkg build $(CORPUS) -o $(GRAPH) --store $(STORE)

build: $(GRAPH)

run: $(GRAPH)
	$(BIN)/orgkg serve $(STORE) --host $(HOST) --port $(PORT)

serve: $(BIN)/orgkg
	$(BIN)/orgkg serve $(STORE) --host $(HOST) --port $(PORT)

test: $(BIN)/orgkg
	$(BIN)/python -m pytest $(PYTEST_ARGS) tests

clean:
	rm -rf build
