# Two set-up commands: `make run` and `make test` (README). Everything else is optional.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint bench chaos clients clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is required"'
	@echo "make: creating the virtual environment $(VENV) (once, and again when pyproject.toml changes)"
	@$(PYTHON) -m venv $(VENV)
	@echo "make: upgrading pip"
	@$(BIN)/python -m pip install --quiet --upgrade pip
	@echo "make: installing Migo and its dependencies into $(VENV) (a minute or two the first time)"
	@$(BIN)/python -m pip install --progress-bar on -e '.[dev]'
	@echo "make: installed"
	@touch $(STAMP)

## Serve every surface and the worker on http://127.0.0.1:8000 (embedded PostgreSQL unless DATABASE_URL is set);
## `make run PORT=8001` for another port.
PORT ?= 8000
run: $(STAMP)
	$(BIN)/migo up --port $(PORT)

## Lint, types (mypy), the architecture's import contracts (import-linter), then the whole suite on a fresh
## database of its own (DATABASE_URL, else 127.0.0.1:5432, else embedded).
test: $(STAMP)
	@scripts/ensure_chromium.sh
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/pytest

## The benchmarks (bench/run.py): pgbench's limit, transfers, links, webhooks, memory; bench/results/latest.json.
bench: $(STAMP)
	$(BIN)/python bench/run.py

## The fault drill (bench/chaos.py): kill -9s, a database restart and a failing receiver under load, on a scratch
## embedded PostgreSQL; nothing lost or doubled, the books balanced; bench/results/chaos.json.
chaos: $(STAMP)
	$(BIN)/python bench/chaos.py

## The clients generated from the three OpenAPI documents, checked in (the suite fails when they are stale):
## the Python SDK's packages (clients/python/src/migo_client/{gateway,middleware,cms}, openapi-python-client) and
## the TypeScript client's types (clients/typescript/src/generated, openapi-typescript pinned in its package.json).
clients: $(STAMP)
	$(BIN)/python scripts/generate_clients.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) .migo build *.egg-info src/*.egg-info
