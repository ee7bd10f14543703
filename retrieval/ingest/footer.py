"""Removing the blocks of teasers for other stories that pages put around and
after an article ("Related Articles", "Trending", "Previous Article" …).

A footer label takes with it the headline-like lines right before it and the
run of teaser headlines and truncated blurbs right after it. If no real article
prose follows that run, the rest of the page is footer. Real prose is told by
shape: a paragraph straight after the label, a long paragraph, or two paragraphs
in a row (teasers alternate headline and blurb).
"""

from __future__ import annotations

from retrieval.ingest.lines import Kind, Line
from retrieval.ingest.text import is_headline_like, is_paragraph, is_truncated

LONG_PARAGRAPH_CHARS = 300


def remove_teaser_blocks(lines: list[Line]) -> list[Line]:
    kept: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.kind is not Kind.LABEL:
            kept.append(line)
            index += 1
            continue
        _drop_teaser_headlines_before(kept)
        run_end = _teaser_run_end(lines, index + 1)
        if not _article_resumes(lines, index + 1, run_end):
            break
        index = run_end
    return kept


def _drop_teaser_headlines_before(kept: list[Line]) -> None:
    while kept and kept[-1].kind is Kind.TEXT and is_headline_like(kept[-1].text):
        kept.pop()


def _is_teaser_part(line: Line) -> bool:
    if line.kind is not Kind.TEXT:
        return True
    return is_headline_like(line.text) or is_truncated(line.text)


def _teaser_run_end(lines: list[Line], start: int) -> int:
    end = start
    while end < len(lines) and _is_teaser_part(lines[end]):
        end += 1
    return end


def _article_resumes(lines: list[Line], run_start: int, run_end: int) -> bool:
    rest = [line for line in lines[run_end:] if line.kind is not Kind.META]
    if not rest:
        return False
    if run_start == run_end and _is_article_paragraph(rest[0]):
        return True
    previous_is_paragraph = False
    for line in rest:
        is_para = _is_article_paragraph(line)
        if is_para and (previous_is_paragraph or len(line.text) >= LONG_PARAGRAPH_CHARS):
            return True
        previous_is_paragraph = is_para
    return False


def _is_article_paragraph(line: Line) -> bool:
    return line.kind is Kind.TEXT and is_paragraph(line.text)
