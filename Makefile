# Everything runs in .venv, created and filled on first use from pyproject.toml.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Two stamps: answering needs the runtime dependencies only; tests, training and the
# benchmark need the dev extra on top.
INSTALLED := $(VENV)/.installed
DEV_INSTALLED := $(VENV)/.dev-installed

.PHONY: ask chat bot test lint typecheck eval train held-out bench clean

$(INSTALLED): pyproject.toml
	@echo "Setting up .venv with Citebot's runtime dependencies (first run only, about half a minute)…"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --progress-bar on --upgrade pip
	$(BIN)/python -m pip install --progress-bar on -e .
	touch $(INSTALLED)

$(DEV_INSTALLED): $(INSTALLED)
	$(BIN)/python -m pip install --progress-bar on -e '.[dev]'
	touch $(DEV_INSTALLED)

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
test: lint typecheck $(DEV_INSTALLED)
	$(BIN)/python -m pytest

lint: $(DEV_INSTALLED)
	$(BIN)/ruff check .

typecheck: $(DEV_INSTALLED)
	$(BIN)/mypy

## eval: score the answers on the shared question set
eval: $(INSTALLED)
	$(BIN)/python -m retrieval eval ../shared/eval/dev.jsonl

## train: fit the answer model on ../shared/squad, write retrieval/answering/model.json (~15 min, 5 GB of memory)
train: $(DEV_INSTALLED)
	$(BIN)/python -m retrieval train

## held-out: the whole answer path on train-v2.0's articles, each half fitted without, asked of the half and of each article alone, with dev's questions as off-topic ones (~30 min)
held-out: $(DEV_INSTALLED)
	$(BIN)/python -m retrieval held-out

clean:
	rm -rf $(VENV) .cache .mypy_cache .ruff_cache .pytest_cache

## bench: engines and peers (bm25s, tantivy) at 10k/100k/1M passages, two corpora, against the goals (~12 min; not a test)
bench: $(DEV_INSTALLED)
	$(BIN)/python -m bench.run
	$(BIN)/python -m bench.reading
