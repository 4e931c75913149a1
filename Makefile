# The two commands a newcomer needs: `make run` and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: run test install install-dev browser lint format migrate serve clean production

$(VENV)/.installed: pyproject.toml
	@set -e; python=$$(scripts/find-python); \
	  [ -x $(PY) ] || "$$python" -m venv $(VENV); \
	  $(PY) -m pip install --quiet --upgrade pip; \
	  $(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

install: $(VENV)/.installed

# Installs, migrates (which loads the exercise content), and serves on SQLite.
run: install
	DEBUG=true $(PY) manage.py migrate --noinput
	DEBUG=true $(PY) manage.py collectstatic --noinput --verbosity 0
	DEBUG=true $(PY) manage.py runserver 127.0.0.1:$(PORT)

# Chromium comes from the system's packages: Playwright's own browser download is not used.
browser:
	@command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "Browser tests need Chromium: sudo apt-get install chromium (or set CHROMIUM=/path)"; exit 1; \
	  fi; }

# The whole suite on the database in DATABASE_URL (default: SQLite), in parallel.
test: install browser
	SECRET_KEY=$${SECRET_KEY:-insecure-key-for-tests-only} $(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) -m pytest -n $${PYTEST_WORKERS:-auto} $(PYTEST_ARGS)

# nginx, gunicorn, Redis and the task worker as docker-compose.yml runs them, without Docker,
# and the checks CI runs against them (needs PostgreSQL in DATABASE_URL; see .ci/production).
production: install
	bash .ci/production

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 .pytest_cache
