from bot.cli import main
from retrieval.cli import run_command

run_command(main)
