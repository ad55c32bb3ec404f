# Mediaplan: `make run` serves the app, `make test` runs every test. Needs Python 3.11+ and pip.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
TRANSLATIONS := mediaplan/translations

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test bench lint format install translations extract-messages browser

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Mediaplan needs Python 3.11 or newer (set PYTHON=python3.x)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The editable install maps the top-level packages it finds when it runs, so a new one
# (campaigns/, feeds/, calendar_exports/) is importable by `mediaplan` only after a reinstall.
$(VENV)/.installed: pyproject.toml setup.py $(wildcard */__init__.py) | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $@

install: $(VENV)/.installed

translations: install
	$(BIN)/pybabel compile --statistics -d $(TRANSLATIONS)

run: translations
	$(BIN)/mediaplan db upgrade
	$(BIN)/mediaplan demo load --if-empty
	$(BIN)/mediaplan serve

# Browser tests drive Debian's Chromium; Playwright never downloads a browser of its own.
# They load axe-core (npm, pinned in package-lock.json) into the pages they check.
browser: node_modules/.package-lock.json
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq npm >/dev/null; }
	npm ci --no-audit --no-fund

test: translations browser
	$(BIN)/python -m pytest -q

bench: translations
	$(BIN)/python -m pytest -q tests/benchmarks -m benchmark -p no:randomly -s

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Re-extract every translatable string and merge it into the three catalogs.
extract-messages: install
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -k lazy_ngettext:1,2 --no-location --sort-output --width=100 -o $(TRANSLATIONS)/messages.pot .
	$(BIN)/pybabel update -i $(TRANSLATIONS)/messages.pot -d $(TRANSLATIONS) --no-fuzzy-matching --width=100
