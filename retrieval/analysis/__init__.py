"""Text analysis: normalisation, tokens, stopwords, spelling, stemming, equivalences."""

from retrieval.analysis.analyzer import Analyzer, plain_terms
from retrieval.analysis.normalize import fold_for_matching, normalize_text
from retrieval.analysis.synonyms import read_synonyms

__all__ = ["Analyzer", "fold_for_matching", "normalize_text", "plain_terms", "read_synonyms"]
