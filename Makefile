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

# The demo: the March 2008 Andean crisis (examples/andean-crisis-2008) ingested into a fresh store,
# the weekly COL-ECU and COL-VEN series with their shifts, a chart of each, and the dashboard command.
# Shifts are searched by week and by day: the crisis (3-6 March) and the Rio Group summit (6-7 March)
# share a week, which only the daily search can tell apart.
DEMO := build/demo
demo: $(STAMP)
	rm -rf $(DEMO) && mkdir -p $(DEMO)
	$(BIN)/detente ingest examples/andean-crisis-2008/corpus.jsonl --db $(DEMO)/andean.duckdb
	$(BIN)/detente dyad COL ECU --by week --db $(DEMO)/andean.duckdb --plot $(DEMO)/col-ecu.png --shifts-by day
	$(BIN)/detente dyad COL VEN --by week --db $(DEMO)/andean.duckdb --plot $(DEMO)/col-ven.png --shifts-by day
	$(BIN)/detente shifts COL ECU --by week --db $(DEMO)/andean.duckdb
	$(BIN)/detente shifts COL ECU --by day --db $(DEMO)/andean.duckdb
	$(BIN)/detente shifts COL VEN --by week --db $(DEMO)/andean.duckdb
	$(BIN)/detente shifts COL VEN --by day --db $(DEMO)/andean.duckdb
	@echo "Charts: $(DEMO)/col-ecu.png $(DEMO)/col-ven.png"
	@echo "Open the dashboard on this store: $(BIN)/detente serve --db $(DEMO)/andean.duckdb"

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
