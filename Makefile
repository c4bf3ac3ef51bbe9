# The two commands: `make run` and `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
CORPUS  ?= data/sample
GRAPH   ?= build/graph.ttl
HOST    ?= 127.0.0.1
PORT    ?= 5000

.PHONY: run test build clean

$(BIN)/orgkg: pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

build: $(BIN)/orgkg
	mkdir -p $(dir $(GRAPH))
	$(BIN)/orgkg build $(CORPUS) -o $(GRAPH)

run: build
	$(BIN)/orgkg serve $(GRAPH) --host $(HOST) --port $(PORT)

test: $(BIN)/orgkg
	$(BIN)/python -m pytest $(PYTEST_ARGS) graph web tests

clean:
	rm -rf build
