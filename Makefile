# Cranes Club. `make run` serves the site; `make test` runs the test suite. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
DEMO ?= 1

.PHONY: help run superuser test lint lock format serve static css backup restore load connections bench instructions lighthouse clean

# `make help` lists the targets with a `##` comment, in this order.
help:
	@awk -F':.*## ' '/^[a-z-]+:.*## / {printf "  make %-13s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

# System tools a target needs: named, never installed here (.ci/run and docs/development.md install them).
need = @command -v $(1) >/dev/null || { echo "$(1) is needed: apt-get install $(2)"; exit 1; }

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; set PYTHON=python3.x")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.requirements: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.requirements-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt -r requirements-dev.txt
	@touch $@ $(VENV)/.requirements

# Runtime front-end packages (Bootstrap's Sass, and sass and PurgeCSS that build the stylesheet) for run and
# serve; the dev set adds axe-core and Lighthouse.
node_modules/.installed: package.json package-lock.json
	npm ci --omit=dev --no-audit --no-fund
	@touch $@

node_modules/.installed-dev: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@ node_modules/.installed

run: export DJANGO_DEBUG ?= 1
run: $(VENV)/.requirements node_modules/.installed css  ## serve the site with debug on, SQLite and the task workers
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_catalogue
	@if [ "$(DEMO)" != "0" ]; then $(BIN)/python manage.py load_demo_screenings; fi
	@echo
	@echo "  Cranes Club is running at http://$(HOST):$(PORT)/ with its task workers beside it (Ctrl-C stops all)."
	@echo "  Make a curator account:  make superuser   (in another terminal)"
	@echo "  then log in at http://$(HOST):$(PORT)/admin/"
	@echo
	HOST=$(HOST) PORT=$(PORT) PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/honcho --procfile Procfile.dev start

# The development site's settings, as `make run` has them: debug on, the same database and key. With a DATABASE_URL
# other than SQLite it is a deployed site: its own settings apply (DJANGO_SECRET_KEY and the rest), never debug.
superuser: export DJANGO_DEBUG ?= $(if $(filter-out sqlite:%,$(DATABASE_URL)),0,1)
superuser: $(VENV)/.requirements  ## make a curator account (superuser) on the development site
	$(BIN)/python manage.py migrate --no-input -v 0
	$(BIN)/python manage.py createsuperuser

# Browser tests run when Chromium is installed (apt-get install chromium) and are skipped otherwise.
test: $(VENV)/.requirements-dev node_modules/.installed-dev css  ## run the whole test suite
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(VENV)/.requirements-dev  ## ruff, import contracts, makemigrations --check, bandit
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	DJANGO_DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/bandit -ll -q -r . -x ./.venv,./node_modules

# Compile the pinned, hashed requirements*.txt from the direct dependencies in requirements*.in.
LOCK := $(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links
lock: $(VENV)/.requirements-dev  ## compile requirements*.txt (hashed) from requirements*.in
	$(LOCK) --output-file requirements.txt requirements.in
	$(LOCK) --output-file requirements-dev.txt requirements-dev.in

# The stylesheet, build/static/css/site.css (build output, not in git): Bootstrap's Sass modules the site uses
# and styles/_club.scss, compiled, then PurgeCSS drops every selector that no template or Python file (ours,
# crispy-forms' and allauth's) names. Built every time: a template edit can change what is kept; it takes seconds.
CSS_PACKAGES = $(shell $(BIN)/python -c 'import os, allauth, crispy_bootstrap5, crispy_forms as c; print(*(os.path.dirname(m.__file__) for m in (allauth, crispy_bootstrap5, c)))')
css: $(VENV)/.requirements node_modules/.installed  ## build the stylesheet from styles/ (run, test and static do)
	node_modules/.bin/sass --no-source-map --style=compressed --load-path=node_modules --quiet-deps \
	  styles/site.scss build/full/site.css
	PYTHON_PACKAGES="$(CSS_PACKAGES)" node_modules/.bin/purgecss --config styles/purgecss.config.cjs

static: $(VENV)/.requirements node_modules/.installed css  ## collect the static files
	$(BIN)/python manage.py collectstatic --no-input -v 0

# Production-like: debug off, gunicorn, WhiteNoise. Needs DJANGO_SECRET_KEY and MFA_ENCRYPTION_KEY (and usually
# DATABASE_URL, REDIS_URL).
# gunicorn and the task workers together (Procfile); Ctrl-C stops them all.
serve: static  ## production-like: migrate, load the catalogue, gunicorn and the workers
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_catalogue
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/honcho --procfile Procfile start

backup: $(VENV)/.requirements  ## write a backup folder (DEST=backups)
	$(BIN)/python manage.py backup --dest $(or $(DEST),backups)

restore: $(VENV)/.requirements  ## restore BACKUP=backups/cranesclub-...
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=backups/cranesclub-YYYYMMDD-HHMMSS"; exit 2; }
	$(BIN)/python manage.py restore "$(BACKUP)" --yes
	$(BIN)/python manage.py migrate --no-input

# 64 connections for 60 s against gunicorn, on SQLite and on PostgreSQL + Redis (needs wrk).
load: $(VENV)/.requirements node_modules/.installed css  ## 64 connections for 60 s on SQLite, then PostgreSQL + Redis
	$(call need,wrk,wrk)
	$(BIN)/python benchmarks/load.py

# PostgreSQL connections one gunicorn server holds under load and idle, pool off and on (needs wrk).
connections: $(VENV)/.requirements node_modules/.installed  ## PostgreSQL connections a server holds, pool off and on
	$(call need,wrk,wrk)
	$(BIN)/python benchmarks/connections.py

# Requests per second against a bare Django view of the same size, cache on and off (needs wrk); then
# cancelling a screening with 500 RSVPs: the admin's request, and the worker sending the emails.
bench: $(VENV)/.requirements-dev node_modules/.installed css  ## requests a second against a bare Django view
	$(call need,wrk,wrk)
	$(BIN)/python benchmarks/bench.py
	$(BIN)/python benchmarks/notices.py

# Instructions per request for the same pages and the bare view, counted by callgrind (needs valgrind).
instructions: $(VENV)/.requirements node_modules/.installed css  ## instructions a request, counted by callgrind
	$(call need,valgrind,valgrind)
	$(BIN)/python benchmarks/instructions.py

# Lighthouse (mobile) on the main public pages (benchmarks/lighthouse.py lists them), gunicorn with debug off;
# fails when a page misses the budget (LCP 1.0 s, 25 KB, 100 in every category). LIGHTHOUSE_PAGES="/ /faq/" measures
# those pages only.
lighthouse: $(VENV)/.requirements-dev node_modules/.installed-dev css  ## Lighthouse (mobile) on the main pages
	$(if $(CHROME_PATH),,$(call need,chromium,chromium))
	CHROME_PATH=$${CHROME_PATH:-$$(command -v chromium)} $(BIN)/python benchmarks/lighthouse.py $(LIGHTHOUSE_PAGES)

format: $(VENV)/.requirements-dev  ## fix what ruff can
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:  ## remove .venv, node_modules and built files
	rm -rf $(VENV) node_modules staticfiles build .pytest_cache
