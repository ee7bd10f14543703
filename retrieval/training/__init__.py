"""Fitting the answer model on real question–answer data (``python -m retrieval train``).

Needs the dev extra (scikit-learn, LightGBM); the bot and the terminal only read the
fitted ``retrieval/answering/model.json``.
"""
