VENV ?= .venv
PY := $(VENV)/bin/python
DB ?= eventwire.duckdb

.PHONY: run test lint bench accuracy clean

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

run: $(VENV)/.installed
	$(VENV)/bin/eventwire code examples/ --date 2025-11-04 --db $(DB) --format table

test: $(VENV)/.installed
	$(VENV)/bin/pytest -q

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check src tests tools benchmarks

bench: $(VENV)/.installed
	$(PY) benchmarks/throughput.py

accuracy: $(VENV)/.installed
	$(PY) tools/accuracy_report.py

.PHONY: gazetteer
gazetteer: $(VENV)/.installed
	$(PY) tools/build_gazetteer.py

.PHONY: typer
typer: $(VENV)/.installed
	$(PY) tools/train_typer.py

# Retrain the context classifier from training/context/*.tsv (team-written sentences).
.PHONY: context
context: $(VENV)/.installed
	$(PY) tools/train_context.py

clean:
	rm -rf $(VENV) $(DB)
