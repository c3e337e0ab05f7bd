# marsad: the two set-up commands are `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lock bench clean

$(STAMP): pyproject.toml requirements.lock
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c requirements.lock -e ".[all]"
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/marsad demo

test: setup
	$(BIN)/python -m pytest

# Re-pin the lock file from what pyproject.toml asks for (run after changing dependencies).
lock:
	rm -rf .lockvenv && $(PY) -m venv .lockvenv
	.lockvenv/bin/pip install -q --upgrade pip
	.lockvenv/bin/pip install -q ".[all]"
	.lockvenv/bin/pip freeze --exclude-editable | grep -v '^marsad' > requirements.lock
	rm -rf .lockvenv

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
