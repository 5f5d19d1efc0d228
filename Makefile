# detente — two commands: `make demo` and `make test`. Both create .venv and install
# the package with its pinned dependencies (requirements.lock) on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test install bench clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/detente actors examples/article.txt --date 2026-03-02
	$(BIN)/detente code examples/article.txt --date 2026-03-02 --format table

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	mkdir -p results
	$(BIN)/detente bench --documents 400 --memory-check 1000 10000 --json results/bench.json
	$(BIN)/python benchmarks/store_bench.py --json results/store-bench.json

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
