# plan-assistant — the two set-up commands are `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_OUT := demo-output

.PHONY: demo test lint typecheck unit eval bench corpus clean install

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# torch first and pinned: the CPU build on this machine's disk, not a multi-GB CUDA build
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 $(BIN)/plan-assistant demo --out $(DEMO_OUT)

# `make test FAST=1` skips the tests marked slow (worker processes, real model, Chromium,
# schemathesis); CI runs them all. Every test has a time limit (pytest-timeout, pyproject).
test: $(STAMP)
	@start=$$(date +%s); status=0; \
	$(MAKE) --no-print-directory lint typecheck unit FAST="$(FAST)" || status=$$?; \
	echo "make test: $$(( $$(date +%s) - start )) s$(if $(FAST), (FAST=1: slow tests skipped),)"; \
	exit $$status

lint: $(STAMP)
	$(BIN)/ruff check assistant api tui evals tests scripts
	$(BIN)/ruff format --check assistant api tui evals tests scripts
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy assistant api tui

unit: $(STAMP)
	HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 $(BIN)/pytest -q $(if $(FAST),-m "not slow")

eval: $(STAMP)
	HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 $(BIN)/python -m evals

bench: $(STAMP)
	HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 $(BIN)/python -m evals.bench
	HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 $(BIN)/python -m api.bench
	HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 $(BIN)/python -m api.bench --concurrency 4
	HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 $(BIN)/python -m evals.hostile
	HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 $(BIN)/python -m evals.hostile_server

corpus: $(STAMP)
	$(BIN)/python scripts/build_demo_corpus.py

clean:
	rm -rf $(DEMO_OUT) .pytest_cache .mypy_cache .ruff_cache
