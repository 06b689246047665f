# The two commands of the README: `make run` (embedded demo) and `make test` (whole suite).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin

# The suite runs on real PostgreSQL and Redis (127.0.0.1); override to point elsewhere.
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/escc
TEST_REDIS_URL ?= redis://127.0.0.1:6379/1
# pytest-xdist processes: one per core halves the suite's time; PYTEST_WORKERS=0 runs in this process.
PYTEST_WORKERS ?= 2

.PHONY: install run test lint format messages services clean bench bench-digests

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py runserver 127.0.0.1:8000

services:
	scripts/system-deps
	scripts/services-up

test: install services
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) CELERY_TASK_ALWAYS_EAGER=true \
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Refresh the Estonian catalogue after changing UI strings, then translate and run again.
messages: install
	$(BIN)/python manage.py makemessages --locale et --no-obsolete --ignore '.venv/*' --ignore 'var/*'
	$(BIN)/python manage.py compilemessages --locale et --ignore '.venv/*'

# Not a test: the main pages on the cluster-scale dataset (its own database, escc_bench_pages), then the
# digest run; BENCH_ARGS="--scale 10 --load" (or --no-digests).
bench: install services
	$(BIN)/python scripts/bench-pages $(BENCH_ARGS)

# Not a test: a 20,000-person weekly digest planned and sent through a real worker and SMTP server (its own database, escc_bench).
bench-digests: install services
	$(BIN)/python scripts/bench-digests $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var db.sqlite3
