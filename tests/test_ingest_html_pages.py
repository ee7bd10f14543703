"""News pages as sites really mark them up: the article is found whatever its
wrapper's class names say, and the page's own headline, date and outlet are read.

Each page here is long enough for trafilatura's heuristics (real articles are);
shorter pages fall back to the scraped-text rules (``test_ingest_formats``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from retrieval.ingest import read_corpus
from retrieval.models import Document

PARAGRAPHS = [
    "Kabul airport resumed international flights on Friday after months of repair work "
    "on the runway and the terminal, the civil aviation authority said in a statement.",
    "Officials said the first flight, from Dubai, landed on time with 180 passengers on "
    "board, and that two more airlines had asked for permission to fly to the capital.",
    "The authority expects twelve flights a week by the end of the month, a spokesman told "
    "reporters at the airport, adding that cargo flights would follow in the spring.",
]
ARTICLE = "\n".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
HEADLINE = "Kabul airport reopens to international flights"


def page(body: str, head: str = "") -> str:
    return f"""<!doctype html><html><head><title>{HEADLINE} | Khaama Press</title>{head}
</head><body>{body}</body></html>"""


def read(tmp_path: Path, markup: str, name: str = "page.html") -> Document:
    (tmp_path / name).write_text(markup, encoding="utf-8")
    (document,) = read_corpus(tmp_path).documents
    return document


def holds_the_whole_article(document: Document) -> bool:
    return all(paragraph in document.text for paragraph in PARAGRAPHS)


def test_an_article_inside_a_sidebar_classed_wrapper_is_kept(tmp_path: Path) -> None:
    markup = page(f"""<div class="content-with-sidebar-wrp"><div class="l-sidebar-fixed
        l-article-body-segment"><h1>{HEADLINE}</h1>{ARTICLE}</div>
        <div class="sidebar"><a href="/a">Most read</a></div></div>""")
    assert holds_the_whole_article(read(tmp_path, markup))


def test_class_names_with_ad_modal_or_advertising_do_not_hide_the_article(
    tmp_path: Path,
) -> None:
    markup = page(f"""<div class="Page-ad-margins modal-enabled"><div class="non-ad-column">
        <article class="post category-advertising"><h1>{HEADLINE}</h1>{ARTICLE}</article>
        </div></div>""")
    assert holds_the_whole_article(read(tmp_path, markup))


def test_a_page_wrapped_in_one_form_keeps_its_article(tmp_path: Path) -> None:
    markup = page(f'<form action="/search"><main><h1>{HEADLINE}</h1>{ARTICLE}</main></form>')
    assert holds_the_whole_article(read(tmp_path, markup))


def test_of_two_main_elements_the_one_with_the_article_is_read(tmp_path: Path) -> None:
    markup = page(f"""<main class="top"><a href="/">Home</a></main>
        <main><h1>{HEADLINE}</h1>{ARTICLE}</main>""")
    assert holds_the_whole_article(read(tmp_path, markup))


def test_a_you_may_like_block_is_not_the_article(tmp_path: Path) -> None:
    teasers = "".join(
        f'<article class="card"><a href="/s{n}">Story number {n} about something else</a>'
        "</article>" for n in range(8)
    )
    markup = page(f"""<article><h1>{HEADLINE}</h1>{ARTICLE}</article>
        <section class="you-may-like"><h2>You may like</h2>{teasers}</section>""")
    document = read(tmp_path, markup)
    assert holds_the_whole_article(document)
    assert "Story number" not in document.text


def test_the_headline_is_the_articles_not_the_logos_h1(tmp_path: Path) -> None:
    markup = page(f"""<header><a class="logo" href="/"><h1>Khaama Press</h1></a></header>
        <article><h1>{HEADLINE}</h1>{ARTICLE}</article>""")
    assert read(tmp_path, markup).title == HEADLINE


def test_a_date_only_in_json_ld_is_the_published_date(tmp_path: Path) -> None:
    json_ld = """<script type="application/ld+json">{"@context": "https://schema.org",
        "@type": "NewsArticle", "datePublished": "2021-05-07T08:00:00Z"}</script>"""
    markup = page(f"<article><h1>{HEADLINE}</h1>{ARTICLE}</article>", head=json_ld)
    assert read(tmp_path, markup).published == date(2021, 5, 7)


def test_a_date_only_in_the_url_is_the_published_date(tmp_path: Path) -> None:
    canonical = '<link rel="canonical" href="https://example.com/2022/11/05/kabul-airport">'
    document = read(tmp_path, page(f"<article><h1>{HEADLINE}</h1>{ARTICLE}</article>",
                                   head=canonical))
    assert document.published == date(2022, 11, 5)
    assert document.url == "https://example.com/2022/11/05/kabul-airport"


def test_a_published_time_is_the_day_the_page_shows_not_the_utc_day(tmp_path: Path) -> None:
    stamp = '<meta property="article:published_time" content="2023-03-03T01:00:00+04:30">'
    document = read(tmp_path, page(f"<article><h1>{HEADLINE}</h1>{ARTICLE}</article>",
                                   head=stamp))
    assert document.published == date(2023, 3, 3)


def test_the_site_name_is_the_outlet(tmp_path: Path) -> None:
    site = '<meta property="og:site_name" content="Khaama Press">'
    document = read(tmp_path, page(f"<article><h1>{HEADLINE}</h1>{ARTICLE}</article>",
                                   head=site))
    assert document.source == "Khaama Press"


def test_a_russian_page_in_windows_1251_is_read_like_a_utf8_one(tmp_path: Path) -> None:
    paragraphs = [
        "Аэропорт Кабула в пятницу возобновил международные рейсы после нескольких месяцев "
        "ремонта взлётной полосы и терминала, сообщило управление гражданской авиации.",
        "Первый рейс из Дубая приземлился вовремя, на борту было 180 пассажиров, а ещё две "
        "авиакомпании попросили разрешения летать в столицу Афганистана.",
    ]
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    markup = (
        '<!doctype html><html><head><meta charset="windows-1251"><title>Аэропорт Кабула'
        f"</title></head><body><article><h1>Аэропорт Кабула открылся</h1>{body}</article>"
        "</body></html>"
    )
    (tmp_path / "ru.html").write_bytes(markup.encode("cp1251"))
    (document,) = read_corpus(tmp_path).documents
    assert all(paragraph in document.text for paragraph in paragraphs)
    assert document.title == "Аэропорт Кабула открылся"
