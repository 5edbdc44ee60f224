# The project's vocabulary: make run, make test, make lint, make data, make bench.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# The official files are read from a local mirror when one is present, else downloaded.
MIRROR ?= $(or $(PATHWAYS_DATA_MIRROR),$(wildcard ../shared/data))
PG_URL ?= postgres://postgres@127.0.0.1:5432/test

.PHONY: run stack test test-fast chromium lint typecheck pytest pytest-postgres data migrate bench messages clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev,data]"
	touch $@

# The site as visitors see it, on the production server (gunicorn, deploy/gunicorn.conf.py)
# over the embedded SQLite file: DEBUG off (DJANGO_DEBUG=1 to debug), a secret key made once
# and kept in var/. The background job worker starts beside it when the project has one
# (`pathways db_worker`), and stops with it.
run: data
	$(BIN)/pathways collectstatic --noinput --verbosity 0
	@echo "Serving on http://127.0.0.1:$(PORT)/"
	@worker=; if $(BIN)/pathways help db_worker >/dev/null 2>&1; then \
	  $(BIN)/pathways db_worker & worker=$$!; fi; \
	  trap '[ -z "$$worker" ] || kill $$worker 2>/dev/null' EXIT INT TERM; \
	  GUNICORN_BIND=127.0.0.1:$(PORT) $(BIN)/gunicorn --config deploy/gunicorn.conf.py pathways.wsgi

# The state deployment's stack (nginx, gunicorn, PostgreSQL, Redis, job worker) without
# Docker, from the same config files as compose.yaml: see deploy/README.md.
stack: $(BIN)/.installed
	bash deploy/run-local-stack.sh

migrate: $(BIN)/.installed
	$(BIN)/pathways migrate --noinput --verbosity 0

data: migrate
	$(BIN)/pathways data load $(if $(MIRROR),--mirror $(MIRROR))
	$(BIN)/pathways programs demo  # demonstration programs of study, labelled as such

test: lint typecheck chromium pytest $(if $(CI),pytest-postgres)

# The edit loop: every test that needs neither the data mirror nor a browser, on the tiny
# labour market the tests build (tests/fixtures/labour_market.py). A read under
# ../shared/data fails the test that made it. CI runs `make test`.
test-fast: $(BIN)/.installed
	PATHWAYS_DATA_MIRROR=/nonexistent PATHWAYS_TESTS_WITHOUT_MIRROR=1 \
	  $(BIN)/pytest -m "not mirror and not browser" -q $(PYTEST_ARGS)

# Browser tests drive Debian's Chromium; install it when the machine lacks it.
chromium:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

lint: $(BIN)/.installed
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports  # dependencies point down: the contracts in pyproject.toml

typecheck: $(BIN)/.installed
	$(BIN)/mypy

pytest: $(BIN)/.installed
	$(BIN)/pytest

# Under CI the whole suite runs again on the PostgreSQL server (DATABASE_URL).
pytest-postgres: $(BIN)/.installed
	DATABASE_URL=$(PG_URL) $(BIN)/pytest

bench: migrate
	$(BIN)/python bench/load_time.py $(if $(MIRROR),--mirror $(MIRROR))

messages: $(BIN)/.installed
	cd src/pathways && ../../$(BIN)/pathways makemessages --locale es --no-obsolete --no-location
	cd src/pathways && ../../$(BIN)/pathways compilemessages --locale es

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
