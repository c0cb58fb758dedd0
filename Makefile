# Omgevingsvisie-portaal Assen. `make help` lists the targets.
SHELL := /bin/bash
VENV := .venv
PYTHON := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# The PostGIS test run; trust auth on these machines, password 'postgres' where make test set it up.
POSTGIS_URL ?= postgis://postgres:postgres@127.0.0.1:5432/assen
# GDAL, GEOS and PROJ for GeoDjango, SpatiaLite for the embedded database; python3-venv for Debian's
# Python, whose sqlite3 can load extensions (the pyenv Python first on PATH here cannot).
RUN_PACKAGES := python3-venv gdal-bin libgdal32 libgeos-c1v5 libproj25 libsqlite3-mod-spatialite
# LibreOffice: the real spreadsheet that proves the exports cannot run formulas.
TEST_PACKAGES := chromium libreoffice-calc-nogui


.PHONY: help setup content run dev load bench bench-import test lint format check-content superuser clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-15s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml
	./scripts/install-system-packages.sh $(RUN_PACKAGES)
	test -x $(PYTHON) || /usr/bin/python3 -m venv $(VENV)
	$(PYTHON) -m pip install -q --upgrade pip
	$(PYTHON) -m pip install -q -e ".[test]"
	touch $@

setup: $(VENV)/.installed ## Install system packages and the virtualenv

# The Assen content on the embedded database; the loaders leave what editors changed alone.
content: setup
	$(PYTHON) manage.py migrate --no-input
	$(PYTHON) manage.py load_gebieden
	$(PYTHON) manage.py load_content
	$(PYTHON) manage.py load_opgaven
	$(PYTHON) manage.py load_kaarten
	$(PYTHON) manage.py load_herzieningen

run: export DJANGO_SETTINGS_MODULE = assen.settings.local
run: content ## Set up, load the Assen content and serve it as in production on HOST:PORT
	$(PYTHON) manage.py collectstatic --no-input -v 0
	@echo "== Het portaal: http://$(HOST):$(PORT)/  (CMS: http://$(HOST):$(PORT)/cms/, make superuser) =="
	GUNICORN_BIND=$(HOST):$(PORT) $(VENV)/bin/gunicorn assen.wsgi -c gunicorn.conf.py

dev: content ## Like run, but Django's development server with DEBUG on and code reloading
	$(PYTHON) manage.py runserver $(HOST):$(PORT)

load: content ## 64 connections for 60 s over a mix of pages, with slow clients: prints the figures
	$(PYTHON) manage.py collectstatic --no-input -v 0 --settings assen.settings.local
	$(PYTHON) scripts/load.py

# The benchmark's own database (SpatiaLite in .bench.sqlite3 unless DATABASE_URL says otherwise).
SCALES ?= 1,10,100
RUNS ?= 10
bench: setup ## Page figures at 1x, 10x and 100x the content, and cached against static throughput
	$(PYTHON) scripts/bench.py --scales $(SCALES) --runs $(RUNS)

# N generated features (20000 unless N=... is given) into the database of `make run`, rolled back.
bench-import: content ## Import generated points and squares, print features per second
	$(PYTHON) scripts/bench_import.py $(N)

test: setup ## Lint, check migrations and run the whole suite on SpatiaLite and on PostGIS
	./scripts/install-system-packages.sh $(TEST_PACKAGES)
	./scripts/ensure-postgis.sh
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	DJANGO_SETTINGS_MODULE=assen.settings.test $(PYTHON) manage.py makemigrations --check --dry-run
	$(PYTHON) manage.py check_content
	@echo "== pytest on SpatiaLite =="
	DATABASE_URL=spatialite:///$(CURDIR)/.test-spatialite.sqlite3 $(VENV)/bin/pytest
	@echo "== pytest on PostGIS =="
	DATABASE_URL=$(POSTGIS_URL) $(VENV)/bin/pytest
	@echo "== make bench at 1x: a smoke test, its figures are not judged here =="
	$(PYTHON) scripts/bench.py --scales 1 --runs 2 --seconds 1

lint: setup ## ruff lint and format check, and the one-way rule between the apps
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check . && $(VENV)/bin/lint-imports

format: setup ## Format the code with ruff
	$(VENV)/bin/ruff check --fix . && $(VENV)/bin/ruff format .

check-content: setup ## Compare the content fixtures word for word with the seeds
	$(PYTHON) manage.py check_content

superuser: setup ## Create the first CMS user (asks for name and password)
	$(PYTHON) manage.py migrate --no-input
	$(PYTHON) manage.py createsuperuser

clean: ## Remove the virtualenv, the local database and the cache
	rm -rf $(VENV) db.sqlite3 .test-spatialite.sqlite3 .bench.sqlite3 staticfiles .cache
