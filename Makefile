# Two commands on a fresh machine with Python 3.11: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench screenshots clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

DEMO_DB := .demo/desa-demo.sqlite3

run: $(STAMP)
	$(BIN)/desa-app forms check
	test -f $(DEMO_DB) || $(BIN)/desa-app demo --out $(DEMO_DB)
	$(BIN)/desa-app run --db $(DEMO_DB)

lint: $(STAMP)
	$(BIN)/ruff check desa_app tests bench
	$(BIN)/mypy desa_app/core desa_app/gui desa_app/cli

test: $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m desa_app.gui.screenshots docs/screenshots

bench: $(STAMP)
	$(BIN)/python bench/engine_bench.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
