"""Reading HTML pages: Citebot's reader beside trafilatura alone, in pages a second.

Writes news pages in the shape sites give them (a logo's ``<h1>``, navigation, a
sidebar, the article with JSON-LD metadata, a "you may like" block, a footer),
with article text from the benchmark's generator, then times, on the same pages:
trafilatura's ``bare_extraction`` alone on one core; Citebot's ``read_corpus``
(decoding, trafilatura, the line rules, metadata) on one core; and the same on
every core. ``python -m bench.reading [PAGES]``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from trafilatura import bare_extraction

from bench.corpus import ArticleWriter, Vocabulary
from retrieval.ingest import reader

PAGES = 2_000
SEED = 2024


def news_page(article: dict[str, str], number: int) -> str:
    paragraphs = "".join(f"<p>{text}</p>" for text in article["text"].split("\n\n"))
    teasers = "".join(
        f'<article class="card"><a href="/s/{number}-{n}">Another story, number {n}</a>'
        "</article>" for n in range(6)
    )
    return f"""<!doctype html><html><head><meta charset="utf-8">
<title>{article["title"]} | {article["source"]}</title>
<meta property="og:site_name" content="{article["source"]}">
<link rel="canonical" href="{article["url"]}">
<script type="application/ld+json">{{"@type": "NewsArticle",
"datePublished": "{article["published"]}T09:00:00+03:00"}}</script>
</head><body><header><a class="logo" href="/"><h1>{article["source"]}</h1></a>
<nav><a href="/">Home</a><a href="/world">World</a><a href="/sport">Sport</a></nav></header>
<div class="content-with-sidebar-wrp"><article class="post category-news">
<h1>{article["title"]}</h1><div class="share"><a>Share</a><a>Tweet</a></div>{paragraphs}
</article><aside class="sidebar"><h3>Most read</h3>{teasers}</aside></div>
<section class="you-may-like"><h2>You may like</h2>{teasers}</section>
<footer>Copyright {article["source"]}. All rights reserved.</footer></body></html>"""


def write_pages(directory: Path, pages: int) -> list[str]:
    writer = ArticleWriter(Vocabulary.english(), SEED)
    markups = []
    for number in range(pages):
        markup = news_page(writer.article(number), number)
        (directory / f"page-{number:05}.html").write_text(markup, encoding="utf-8")
        markups.append(markup)
    return markups


def pages_a_second(pages: int, seconds: float) -> float:
    return pages / seconds if seconds else float("inf")


def main(argv: list[str] | None = None) -> None:
    arguments = sys.argv[1:] if argv is None else argv
    pages = int(arguments[0]) if arguments else PAGES
    with tempfile.TemporaryDirectory() as folder:
        directory = Path(folder)
        markups = write_pages(directory, pages)
        started = time.perf_counter()
        for markup in markups:
            bare_extraction(markup, include_comments=False, include_tables=True,
                            with_metadata=True)
        alone = time.perf_counter() - started
        parallel_from = reader.PARALLEL_FROM_FILES
        reader.PARALLEL_FROM_FILES = 10**9
        started = time.perf_counter()
        reader.read_corpus(directory)
        one_core = time.perf_counter() - started
        reader.PARALLEL_FROM_FILES = parallel_from
        started = time.perf_counter()
        load = reader.read_corpus(directory)
        every_core = time.perf_counter() - started
    print(f"{pages} HTML pages, {len(load.documents)} read, {len(load.skipped)} skipped")
    print(f"  trafilatura alone, one core: {pages_a_second(pages, alone):7.0f} pages/s")
    print(f"  Citebot reader, one core:    {pages_a_second(pages, one_core):7.0f} pages/s")
    print(f"  Citebot reader, every core:  {pages_a_second(pages, every_core):7.0f} pages/s")


if __name__ == "__main__":
    main()
