"""Turning a directory of news articles into clean, citable documents.

Scraped pages carry navigation, share buttons and teasers for unrelated stories;
everything here exists so that an answer can only ever quote the article itself.
"""

from retrieval.ingest.reader import read_corpus

__all__ = ["read_corpus"]
