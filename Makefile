# Bijzonder Jeugdwerk: the menu. `make help` lists it.
# Everything runs from .venv, made on first use. Settings come from the environment
# (see .env.example); on a laptop DJANGO_ENV defaults to "local".

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
HOST ?= 127.0.0.1
export DJANGO_ENV ?= local
export PORT HOST

STATIC_SOURCES := $(shell find static -type f 2>/dev/null)

.DEFAULT_GOAL := help
.PHONY: help run dev test test-fast lint audit bench superuser staff-device migrate content \
        static clean ci lock

help: ## Show this menu
	@echo "Bijzonder Jeugdwerk — make targets:"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | awk -F'\t' '{printf "  make %-13s %s\n", $$1, $$2}'

# Installs come from the lock files (exact versions with hashes, compiled from
# pyproject.toml by `make lock`), so a laptop, CI and a deploy get what CI tested.
PIP_INSTALL := $(PY) -m pip install --quiet --disable-pip-version-check

$(VENV)/.installed: requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=python3.11)")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@echo "Installing the site into $(VENV) from requirements.lock ..."
	@$(PIP_INSTALL) --upgrade pip
	@$(PIP_INSTALL) --require-hashes -r requirements.lock
	@$(PIP_INSTALL) --no-deps -e .
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.lock
	@echo "Installing the test tools into $(VENV) from requirements-dev.lock ..."
	@$(PIP_INSTALL) --require-hashes -r requirements-dev.lock
	@touch $@

UV_COMPILE = $(VENV)/bin/uv pip compile pyproject.toml --quiet --generate-hashes --universal \
	--python-version 3.11

lock: $(VENV)/.installed-dev ## Recompile requirements.lock and requirements-dev.lock from pyproject.toml
	@$(UV_COMPILE) --upgrade -o requirements.lock
	@$(UV_COMPILE) --upgrade --extra dev -o requirements-dev.lock
	@echo "Lock files refreshed: review 'git diff requirements*.lock', then 'make test'."

staticfiles/staticfiles.json: $(VENV)/.installed $(STATIC_SOURCES)
	@$(PY) manage.py collectstatic --noinput --verbosity 0

migrate: $(VENV)/.installed ## Apply database migrations
	@$(PY) manage.py migrate --noinput

content: migrate ## Load the seed content (idempotent: never overwrites an editor's change)
	@$(PY) manage.py load_content

static: staticfiles/staticfiles.json ## Collect static files (hashed and compressed)

run: content static ## Serve the site with gunicorn on http://127.0.0.1:8000 (PORT=...)
	@echo ""
	@echo "  Site:   http://$(HOST):$(PORT)/"
	@echo "  Admin:  http://$(HOST):$(PORT)/$$($(PY) -c 'import os; os.environ.setdefault("DJANGO_SETTINGS_MODULE","site_config.settings"); import django; django.setup(); from django.conf import settings; print(settings.ADMIN_PATH)')"
	@echo "  Staff account: run 'make superuser' in another terminal (you choose the password)."
	@echo "  Stop with Ctrl-C."
	@echo ""
	@exec $(VENV)/bin/gunicorn -c site_config/gunicorn.conf.py

dev: content ## Run Django's development server with DEBUG on (auto-reload)
	@DEBUG=1 exec $(PY) manage.py runserver $(HOST):$(PORT)

superuser: migrate ## Create an administrator account (asks for name and password)
	@$(PY) manage.py createsuperuser

test: export DJANGO_ENV = test
test: $(VENV)/.installed-dev ## Run checks, lint and the whole test suite (DATABASE_URL picks the database)
	@$(PY) manage.py check --fail-level WARNING
	@$(PY) manage.py makemigrations --check --dry-run
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/ruff format --check .
	@$(VENV)/bin/pytest

lint: $(VENV)/.installed-dev ## Lint and format-check the code, audit the dependencies
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/ruff format --check .
	@$(MAKE) --no-print-directory audit

audit: $(VENV)/.installed-dev ## Check installed packages for known vulnerabilities (pip-audit)
	@$(VENV)/bin/pip-audit --progress-spinner off --skip-editable --strict

bench: $(VENV)/.installed-dev ## Load the site as production runs it (PostgreSQL, Redis, wrk); writes docs/performance.md
	@$(PY) tests/bench/bench.py

ci: ## Run what CI runs (.ci/run): tests on SQLite and PostgreSQL with the browser tests
	@.ci/run

clean: ## Remove the virtualenv, collected static files and caches (keeps var/ and its database)
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache *.egg-info
