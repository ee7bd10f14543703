"""HTML pages, JSON and JSON Lines records, sidecars, and how a corpus directory
is walked and fingerprinted."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

from retrieval.ingest import read_corpus
from retrieval.models import CorpusLoad, Document

BODY = (
    "Kabul airport resumed international flights on Friday after months of repair work.\n"
    "Officials said the first flight, from Dubai, landed with 180 passengers aboard.\n"
)
HTML_PAGE = """<!doctype html>
<html><head>
<title>Kabul airport reopens | Khaama Press</title>
<meta property="og:site_name" content="Khaama Press">
<meta property="article:published_time" content="2023-03-03T09:30:00+04:30">
<link rel="canonical" href="https://example.com/kabul-airport">
<script>var tracking = "Breaking: do not index me";</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<article>
  <h1>Kabul airport reopens to international flights</h1>
  <div class="share-buttons"><a>Share on Facebook</a><a>Tweet</a></div>
  <p>Kabul airport resumed <a href="/f">international&nbsp;flights</a> on <em>Friday</em>
     after months of repair work.</p>
  <div>Officials said the first flight, from Dubai, landed on time.<br><br>
    It carried 180 passengers.</div>
  <figure><img src="a.jpg"><figcaption>Photo: the runway</figcaption></figure>
  <aside class="related"><h3>Related</h3><a>Snow closes Salang pass</a></aside>
</article>
<footer>Copyright 2023 Khaama Press. All rights reserved.</footer>
</body></html>
"""


def load(tmp_path: Path) -> CorpusLoad:
    return read_corpus(tmp_path)


def only_document(tmp_path: Path) -> Document:
    (document,) = read_corpus(tmp_path).documents
    return document


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


def test_html_body_is_the_article_text_only(tmp_path: Path) -> None:
    write(tmp_path, "page.html", HTML_PAGE)
    assert only_document(tmp_path).text == (
        "Kabul airport resumed international flights on Friday after months of repair work."
        "\n\nOfficials said the first flight, from Dubai, landed on time."
        "\n\nIt carried 180 passengers."
    )


def test_html_metadata_comes_from_meta_tags_and_h1(tmp_path: Path) -> None:
    write(tmp_path, "page.html", HTML_PAGE)
    document = only_document(tmp_path)
    assert document.title == "Kabul airport reopens to international flights"
    assert document.source == "Khaama Press"
    assert document.published == date(2023, 3, 3)
    assert document.url == "https://example.com/kabul-airport"


def test_html_title_tag_loses_the_site_name_when_there_is_no_h1(tmp_path: Path) -> None:
    page = HTML_PAGE.replace("<h1>Kabul airport reopens to international flights</h1>", "")
    write(tmp_path, "page.html", page)
    assert only_document(tmp_path).title == "Kabul airport reopens"


def test_html_time_element_gives_the_date_when_meta_has_none(tmp_path: Path) -> None:
    page = HTML_PAGE.replace("article:published_time", "article:section").replace(
        "<h1>", '<time datetime="2023-03-02">2 March</time><h1>'
    )
    write(tmp_path, "page.html", page)
    assert only_document(tmp_path).published == date(2023, 3, 2)


def test_json_object_is_one_document_named_after_its_file(tmp_path: Path) -> None:
    record = {
        "title": "Kabul airport reopens",
        "text": BODY,
        "url": "https://example.com/a",
        "source": "Khaama Press",
        "published": "March 3, 2023",
    }
    write(tmp_path, "a.json", json.dumps(record))
    document = only_document(tmp_path)
    assert (document.doc_id, document.title, document.source) == (
        "a.json",
        "Kabul airport reopens",
        "Khaama Press",
    )
    assert (document.published, document.url) == (date(2023, 3, 3), "https://example.com/a")
    assert document.text == BODY.strip().replace("\n", "\n\n")


def test_json_list_items_are_numbered_from_one(tmp_path: Path) -> None:
    records = [{"title": f"Story {n}", "text": BODY} for n in (1, 2)]
    write(tmp_path, "batch.json", json.dumps(records))
    assert [d.doc_id for d in load(tmp_path).documents] == ["batch.json#1", "batch.json#2"]


def test_jsonl_rows_are_named_by_line_number_and_a_bad_row_is_skipped(tmp_path: Path) -> None:
    rows = [
        json.dumps({"title": "First", "text": BODY, "published": "2023-03-03"}),
        "",
        "{not json",
        json.dumps({"title": "Fourth", "text": BODY}),
        json.dumps({"title": "No text"}),
    ]
    write(tmp_path, "feed.jsonl", "\n".join(rows) + "\n")
    result = load(tmp_path)
    assert [d.doc_id for d in result.documents] == ["feed.jsonl#1", "feed.jsonl#4"]
    assert result.documents[0].published == date(2023, 3, 3)
    assert [s.path for s in result.skipped] == ["feed.jsonl#3", "feed.jsonl#5"]


def test_sidecar_overrides_fields_and_is_not_an_article(tmp_path: Path) -> None:
    write(tmp_path, "story.txt", "Kabul airport reopens\n" + BODY)
    write(
        tmp_path,
        "story.meta.json",
        json.dumps({"source": "Pajhwok", "published": "2023-03-04", "url": "https://p.af/1"}),
    )
    result = load(tmp_path)
    (document,) = result.documents
    assert (document.source, document.published, document.url) == (
        "Pajhwok",
        date(2023, 3, 4),
        "https://p.af/1",
    )
    assert document.title == "Kabul airport reopens"
    assert result.skipped == []


def test_sidecar_bytes_are_folded_into_the_article_hash(tmp_path: Path) -> None:
    article = write(tmp_path, "story.txt", "Kabul airport reopens\n" + BODY)
    sidecar = write(tmp_path, "story.meta.json", '{"source": "Pajhwok"}')
    hashes = load(tmp_path).file_hashes
    assert list(hashes) == ["story.txt"]
    expected = hashlib.sha256(article.read_bytes() + sidecar.read_bytes()).hexdigest()
    assert hashes["story.txt"] == expected


def test_invalid_sidecar_is_reported_and_the_article_still_served(tmp_path: Path) -> None:
    write(tmp_path, "story.txt", "Kabul airport reopens\n" + BODY)
    write(tmp_path, "story.meta.json", '{"source": "Pajhwok", "published": "soon"}')
    result = load(tmp_path)
    assert result.documents[0].source is None
    assert [s.path for s in result.skipped] == ["story.meta.json"]


def test_subdirectories_are_read_and_ids_are_posix_relative_paths(tmp_path: Path) -> None:
    write(tmp_path, "2023/march/story.txt", "Kabul airport reopens\n" + BODY)
    document = only_document(tmp_path)
    assert document.doc_id == document.path == "2023/march/story.txt"


def test_hidden_files_and_folders_are_ignored(tmp_path: Path) -> None:
    write(tmp_path, "story.txt", "Kabul airport reopens\n" + BODY)
    write(tmp_path, ".draft.txt", "Hidden draft headline\n" + BODY)
    write(tmp_path, ".git/notes.txt", "Hidden folder headline\n" + BODY)
    result = load(tmp_path)
    assert [d.doc_id for d in result.documents] == ["story.txt"]
    assert list(result.file_hashes) == ["story.txt"]


def test_other_extensions_are_skipped_as_not_articles(tmp_path: Path) -> None:
    write(tmp_path, "story.txt", "Kabul airport reopens\n" + BODY)
    write(tmp_path, "notes.csv", "a,b\n")
    result = load(tmp_path)
    assert [(s.path, s.reason) for s in result.skipped] == [("notes.csv", "not an article format")]
    assert "notes.csv" in result.file_hashes
