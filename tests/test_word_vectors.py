"""Word vectors for paraphrase: wordllama's table, kept per word, compared per sentence."""

from __future__ import annotations

import numpy as np
import pytest

from retrieval.answering.semantic import (
    WordVectors,
    closeness_around,
    closest_by_sentence,
    meaning_by_sentence,
    word_vectors,
)


def test_a_word_means_the_same_whichever_batch_it_was_learnt_in() -> None:
    vectors = word_vectors()
    alone = vectors.of(["ratified"])[0].copy()
    # Thousands of new words make the store grow past its first allocation.
    many = [f"ratified{number}" for number in range(5000)]
    batch = vectors.of([*many, "ratified", "treaty"])
    assert np.array_equal(batch[len(many)], alone)
    assert np.array_equal(vectors.of(["ratified"])[0], alone)


def test_a_full_store_starts_anew_and_still_knows_the_words_asked_for() -> None:
    vectors = WordVectors(kept_words=4)
    treaty = vectors.of(["treaty", "summit", "railway"])[0].copy()
    # Two new words overfill the store; "treaty", known before, is asked for beside them.
    batch = vectors.of(["treaty", "corridor", "ministers"])
    assert np.array_equal(batch[0], treaty)
    assert np.array_equal(vectors.of(["summit"])[0], word_vectors().of(["summit"])[0])


def test_vectors_are_of_unit_length() -> None:
    lengths = np.linalg.norm(word_vectors().of(["summit", "kilometres", "Tashkent"]), axis=1)
    assert np.allclose(lengths, 1.0, atol=1e-5)


def test_a_paraphrase_is_closer_than_an_unrelated_word() -> None:
    founded, established, banana = word_vectors().of(["founded", "established", "banana"])
    assert founded @ established > founded @ banana


def test_each_sentence_gets_each_question_words_nearest_cosine() -> None:
    vectors = word_vectors()
    question = vectors.of(["founded", "railway"])
    sentences = [["established", "treaty"], [], ["train", "line", "banana"]]
    words = vectors.of([word for sentence in sentences for word in sentence])
    closest = closest_by_sentence(question, words, ends=[2, 2, 5])
    expected = [
        (question @ vectors.of(sentence).T).max(axis=1).tolist() if sentence else [0.0, 0.0]
        for sentence in sentences
    ]
    assert np.allclose(closest, expected, atol=1e-6)
    assert closest[1].tolist() == [0.0, 0.0]


def test_every_word_read_as_one_token_is_the_token_the_tokenizer_gives() -> None:
    vectors = word_vectors()
    whole_words = {
        token[1:]: row
        for token, row in vectors._tokenizer.get_vocab().items()
        if token.startswith("\u2581") and len(token) > 1
    }
    words = list(whole_words)
    tokenized = vectors._tokenizer.encode_batch_fast(words, add_special_tokens=False)
    assert [encoding.ids for encoding in tokenized] == [[whole_words[word]] for word in words]
    assert vectors._token_ids(words) == [[whole_words[word]] for word in words]


def test_a_word_gets_the_tokens_the_tokenizer_gives_whether_or_not_it_is_asked() -> None:
    """One-token words are looked up, the others tokenized; one with no tokens gets the
    unknown token."""
    vectors = word_vectors()
    words = ["summit", "kilometres", "ratification", "Tashkent", "xqzv", ""]
    tokenized = vectors._tokenizer.encode_batch_fast(words, add_special_tokens=False)
    assert vectors._token_ids(words) == [encoding.ids or [0] for encoding in tokenized]


def test_a_passage_part_about_what_is_asked_is_closer_in_meaning_than_one_about_else() -> None:
    vectors = word_vectors()
    question = vectors.of(["day", "game", "played"]).sum(axis=0)
    sentences = [["concert", "tickets"], ["sold"], [], [], ["match", "held"], ["february"]]
    words = vectors.of([word for sentence in sentences for word in sentence])
    meanings = meaning_by_sentence(question, words, ends=[2, 3, 3, 3, 5, 6])
    assert meanings[4] > meanings[0]


def test_a_sentence_means_what_its_words_and_its_neighbours_mean_together() -> None:
    vectors = word_vectors()
    question = vectors.of(["railway", "length"]).sum(axis=0)
    sentences = [["railway", "opened"], [], ["kilometres", "long"], ["banana"]]
    words = vectors.of([word for sentence in sentences for word in sentence])
    meanings = meaning_by_sentence(question, words, ends=[2, 2, 4, 5])
    together = words[:4].sum(axis=0)
    expected = float(together @ question / np.linalg.norm(together) / np.linalg.norm(question))
    assert meanings[1] == pytest.approx(expected, abs=1e-5)


def test_a_question_word_counts_as_close_as_its_nearest_word_in_or_beside_a_sentence() -> None:
    closest = np.array([[1.0, 0.2], [0.1, -0.3], [0.0, 0.6], [0.9, 0.0]], np.float32)
    shares = np.array([0.75, 0.25], np.float32)
    around = closeness_around(closest, shares)
    assert around == pytest.approx([0.75 + 0.05, 0.75 + 0.15, 0.675 + 0.15, 0.675 + 0.15])
