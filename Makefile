# Two commands set everything up on a fresh machine: `make run` and `make test`.
# Python >= 3.12 is required; .python-version selects 3.12.1 under pyenv.
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
# The first interpreter that is really >= 3.12 (a pyenv shim may exist but not run).
PYTHON ?= $(shell for p in python3.12 python3.13 python3; do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { command -v $$p; break; }; done)

.PHONY: run test lint messages setup clean bench maintainer mutations fuzz

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@test -n "$(PYTHON)" || { echo "Python 3.12 or newer is required (see README)."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# A local, development copy of the site: DEBUG is asked for explicitly here, never by default.
DEV := DJANGO_DEBUG=true $(PY) manage.py

setup: $(VENV)/.installed
	$(DEV) compilemessages --ignore=.venv -v 0
	$(DEV) migrate --no-input -v 0
	$(DEV) load_directory
	$(DEV) load_content

run: setup
	$(DEV) runserver 127.0.0.1:$(PORT)

# A back-office account on this local copy, with the same settings as `make run`; it prints the account's
# one-time set-up link. NAME and a role: COUNTRIES=TH,KH (their facts) and/or CONTENT=1 (pages and
# articles), or COORDINATOR=1. PASSWORD_FILE=… instead of typing the password.
ifneq ($(filter maintainer,$(MAKECMDGOALS)),)
ifeq ($(NAME),)
$(error Say who: make maintainer NAME=ana COUNTRIES=TH [CONTENT=1], or make maintainer NAME=ana COORDINATOR=1)
endif
endif
MAINTAINER_OPTIONS = $(if $(COUNTRIES),--countries '$(COUNTRIES)') $(if $(CONTENT),--content) \
	$(if $(COORDINATOR),--coordinator) $(if $(PASSWORD_FILE),--password-file '$(PASSWORD_FILE)')

maintainer: setup
	$(DEV) create_maintainer '$(NAME)' $(strip $(MAINTAINER_OPTIONS)) --site http://127.0.0.1:$(PORT)

test: $(VENV)/.installed
	DJANGO_TESTING=true $(PY) manage.py compilemessages --ignore=.venv -v 0
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	DJANGO_TESTING=true $(VENV)/bin/mypy directory guide api lib
	# The suite over every core; each process loads the directory once (tests/conftest.py).
	$(VENV)/bin/pytest -n auto --dist worksteal

# Each of the site's promises broken once on a copy of the tree: the tests that pin it must go red (.ci/run too).
mutations: $(VENV)/.installed
	DJANGO_TESTING=true $(PY) manage.py compilemessages --ignore=.venv -v 0
	$(PY) .ci/mutations.py

# 50,000 generated requests at the API (schemathesis, checked against the OpenAPI description) and the public
# pages, over the shipped directory: prints the requests and the 5xx (target: 0); about seven minutes.
fuzz: $(VENV)/.installed
	DJANGO_TESTING=true $(PY) manage.py compilemessages --ignore=.venv -v 0
	$(PY) bench/fuzz.py

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# For developers with GNU gettext: refresh the catalogues after changing strings.
messages: $(VENV)/.installed
	$(DEV) makemessages --no-location --ignore=.venv --ignore=tests --ignore=bench -e html,txt,py,svg,webmanifest --all

clean:
	rm -rf $(VENV) db.sqlite3 test-artifacts

# The production setup measured on this machine (needs nginx, wrk, PostgreSQL and npm): see docs/performance.md.
bench: $(VENV)/.installed
	DJANGO_DEBUG=true $(PY) manage.py compilemessages --ignore=.venv -v 0
	$(PY) bench/run.py
