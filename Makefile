# backcare — `make run` starts the app, `make test` passes the whole suite. Both set up everything.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
AXE := .cache/axe/node_modules/axe-core/axe.min.js
AXE_VERSION := 4.14.1

.PHONY: run test lint bench system-deps clean

$(STAMP): pyproject.toml
	@echo "Setting up $(VENV): installing backcare and its libraries (a minute or two, once)..."
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,lint]"
	touch $(STAMP)
	@echo "Set up. Starting..."

run: $(STAMP)
	$(BIN)/backcare serve

# axe-core (npm) is injected into pages by the accessibility tests.
$(AXE):
	npm install --silent --no-audit --no-fund --prefix .cache/axe axe-core@$(AXE_VERSION)

system-deps:
	@scripts/system-deps.sh

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

test: $(STAMP) system-deps $(AXE) lint
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) .cache .pytest_cache .mypy_cache .ruff_cache
