"""Articles in every encoding scrapers save: declared by the page, marked, or guessed."""

from __future__ import annotations

from pathlib import Path

from retrieval.ingest import read_corpus

RUSSIAN_PAGE = """<!doctype html>
<html><head><meta charset="windows-1251">
<title>Россия и ШОС</title></head><body>
<article><h1>Россия предлагает вернуть Афганистан в ШОС</h1>
<p>Секретарь Совета безопасности России заявил, что большинство государств ШОС поддерживают
возобновление отношений с Афганистаном.</p>
<p>Встреча прошла в Кабуле в ноябре, сообщает агентство.</p>
</article></body></html>
"""


def test_an_html_page_in_windows_1251_is_read_from_its_meta_charset(tmp_path: Path) -> None:
    (tmp_path / "ru.html").write_bytes(RUSSIAN_PAGE.encode("cp1251"))
    (document,) = read_corpus(tmp_path).documents
    assert document.title == "Россия предлагает вернуть Афганистан в ШОС"
    assert "большинство государств ШОС" in document.text


def test_an_xml_declaration_names_the_encoding(tmp_path: Path) -> None:
    page = RUSSIAN_PAGE.replace('<meta charset="windows-1251">', "")
    page = '<?xml version="1.0" encoding="windows-1251"?>\n' + page
    (tmp_path / "ru.html").write_bytes(page.encode("cp1251"))
    (document,) = read_corpus(tmp_path).documents
    assert "Встреча прошла в Кабуле" in document.text


def test_a_utf16_file_with_its_byte_order_mark_is_text_not_binary(tmp_path: Path) -> None:
    story = (
        "Ferry service resumes on the lake\n"
        "The ferry between the two harbours resumed service on Tuesday, the operator said.\n"
    )
    (tmp_path / "ferry.txt").write_bytes(story.encode("utf-16"))
    (document,) = read_corpus(tmp_path).documents
    assert "ferry between the two harbours" in document.text
