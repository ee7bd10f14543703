"""Citebot on Telegram: a thin shell over the retrieval library's answers."""
