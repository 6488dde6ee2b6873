# recoupe: two commands on a fresh machine, `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
RECOUPE := $(VENV)/bin/recoupe
STAMP := $(VENV)/.installed
OUT := out

.PHONY: setup run test test-fast browser bench clean

setup: $(STAMP)

# Reinstall when the dependency list changes; the stamp makes `make run` cheap afterwards.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: setup
	@mkdir -p $(OUT)
	$(RECOUPE) analyze examples/russian-troops-desertion.txt
	$(RECOUPE) analyze examples/russian-troops-desertion.txt --format json -o $(OUT)/russian-troops-desertion.json
	$(RECOUPE) analyze examples/russian-troops-desertion.txt --format html -o $(OUT)/russian-troops-desertion.html
	$(RECOUPE) analyze examples --format html -o $(OUT)/examples --no-progress
	$(RECOUPE) analyze examples --format jsonl -o $(OUT)/examples.jsonl --no-progress
	@echo "Reports written to $(OUT)/: open $(OUT)/russian-troops-desertion.html in a browser."

# Debian's Chromium for the end-to-end browser tests (Playwright drives it; it never
# downloads a browser of its own).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium is missing: browser tests will be skipped (apt-get install chromium)"; fi; }

test: setup browser
	$(PY) -m pytest -q

# Everything but the browser and the slow tests, for a quick loop while developing.
test-fast: setup
	$(PY) -m pytest -q -m "not browser and not slow"

bench: setup
	$(PY) bench/bench_speed.py
	$(PY) bench/bench_entities.py --limit 300

clean:
	rm -rf $(OUT) .pytest_cache test-output
