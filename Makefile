# Everything runs in .venv, created and filled on first use from pyproject.toml.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: ask chat bot test lint typecheck eval train bench clean

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(INSTALLED)

## ask: answer one question from the corpus in the terminal: make ask Q="…"
ask: $(INSTALLED)
	@$(BIN)/python -m bot ask "$$Q"

## chat: an interactive question-and-answer session in the terminal
chat: $(INSTALLED)
	@$(BIN)/python -m bot chat

## bot: run the Telegram bot (needs TELEGRAM_BOT_TOKEN in .env)
bot: $(INSTALLED)
	$(BIN)/python -m bot run

## test: lint, type-check and run the tests (what CI runs)
test: lint typecheck $(INSTALLED)
	$(BIN)/python -m pytest

lint: $(INSTALLED)
	$(BIN)/ruff check .

typecheck: $(INSTALLED)
	$(BIN)/mypy

## eval: score the answers on the shared question set
eval: $(INSTALLED)
	$(BIN)/python -m retrieval eval ../shared/eval/dev.jsonl

## train: fit the answer model on ../shared/squad, write retrieval/answering/model.json (~6 min)
train: $(INSTALLED)
	$(BIN)/python -m retrieval train

clean:
	rm -rf $(VENV) .cache .mypy_cache .ruff_cache .pytest_cache

## bench: engines at 10k/100k/1M passages against the scaling goals (~15 min; not a test)
bench: $(INSTALLED)
	$(BIN)/python -m bench.run
