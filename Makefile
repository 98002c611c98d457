# One command each on a fresh clone: `make build` and `make test` create .venv and install what they need.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
NODE_STAMP := tests/browser/node_modules/.installed-stamp

.PHONY: install build serve test deploy clean chromium eval bench audit
export NO_MKDOCS_2_WARNING := 1

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

build: $(STAMP)
	$(BIN)/mkdocs build --strict

serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty

deploy: $(STAMP)
	$(BIN)/mkdocs gh-deploy --strict --force

# Browser tests drive Debian's Chromium; nothing downloads a browser from elsewhere.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

# axe-core for the accessibility tests, from the npm registry at the version package-lock.json pins.
$(NODE_STAMP): tests/browser/package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq nodejs npm >/dev/null; }
	npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

test: $(STAMP) chromium $(NODE_STAMP)
	$(BIN)/python -m pytest

# Accuracy and speed on evaluation data (a script, not a test): entities on CoNLL-2003, topics on a labeled set.
eval: $(STAMP)
	@for script in scripts/eval_*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

# What a reader would trip over on a digest of the mixed real corpus at hand (a script that prints; not a test).
audit: $(STAMP)
	$(BIN)/python scripts/audit.py $(AUDIT_ARGS)

# Speed, memory and size at 1,000, 5,000 and 10,000 synthetic articles, beside plain MkDocs (prints a table).
bench: $(STAMP) chromium
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)

clean:
	rm -rf site out .cache .pytest_cache .hypothesis
	find . -name __pycache__ -type d -prune -not -path './$(VENV)/*' -exec rm -rf {} +
