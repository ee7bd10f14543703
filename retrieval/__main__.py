from retrieval.cli import main, run_command

if __name__ == "__main__":  # not when a worker process imports it
    run_command(lambda: main(prog="python -m retrieval"))
