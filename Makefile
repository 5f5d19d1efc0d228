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

# The headline runs on real news (NEWS=path/to/news.jsonl; the shared demo corpus by default);
# the shipped sentences are a smoke test. Results go to results/*.json.
NEWS ?= ../shared/demo/corpus.jsonl

bench: $(STAMP)
	mkdir -p results
	@if [ -f "$(NEWS)" ]; then \
	  $(BIN)/detente bench --corpus $(NEWS) --documents 84 --json results/bench-news.json; \
	else echo "no news corpus at $(NEWS) (make bench NEWS=news.jsonl): shipped sentences only"; fi
	$(BIN)/detente bench --documents 100 --no-startup --memory-check 100 1000 --json results/bench-smoke.json
	$(BIN)/python benchmarks/store_bench.py --json results/store-bench.json
	$(BIN)/python benchmarks/dask_bench.py --json results/dask-bench.json

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
