# The project's vocabulary: make run, make test, make lint, make data, make bench.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# The official files are read from a local mirror when one is present, else downloaded.
MIRROR ?= $(or $(PATHWAYS_DATA_MIRROR),$(wildcard ../shared/data))
PG_URL ?= postgres://postgres@127.0.0.1:5432/test

.PHONY: run test chromium lint typecheck pytest pytest-postgres data migrate bench messages clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

# The site as visitors see it: DEBUG off, so the site's own error pages (DJANGO_DEBUG=1 to
# debug), with a secret key made once and kept in var/.
run: data
	$(BIN)/pathways collectstatic --noinput --verbosity 0
	@mkdir -p var && test -s var/secret_key || $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > var/secret_key
	@echo "Serving on http://127.0.0.1:$(PORT)/"
	DJANGO_DEBUG=$${DJANGO_DEBUG:-0} DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-$$(cat var/secret_key)} \
	  $(BIN)/pathways runserver 127.0.0.1:$(PORT)

migrate: $(BIN)/.installed
	$(BIN)/pathways migrate --noinput --verbosity 0

data: migrate
	$(BIN)/pathways data load $(if $(MIRROR),--mirror $(MIRROR))
	$(BIN)/pathways programs demo  # demonstration programs of study, labelled as such

test: lint typecheck chromium pytest $(if $(CI),pytest-postgres)

# Browser tests drive Debian's Chromium; install it when the machine lacks it.
chromium:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

lint: $(BIN)/.installed
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

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
