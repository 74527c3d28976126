"""Feeds and pages from a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import pytest

from briefing.ingest.feeds import fragment_text, read_feed
from briefing.ingest.web import FetchError, Limits, article_id, fetch, fetch_article
from tests.deliver.servers import HTTPServer

LIMITS = Limits(timeout=3.0, max_bytes=200_000)

PAGE_IT = """<!DOCTYPE html><html lang="it"><head><meta charset="utf-8">
<title>L'Italia sostiene nuove sanzioni contro la Russia</title>
<meta property="og:site_name" content="Il Corriere di Prova">
<meta name="date" content="2025-12-06">
</head><body>
<nav><a href="/">Home</a> | <a href="/esteri">Esteri</a></nav>
<article><h1>L'Italia sostiene nuove sanzioni contro la Russia</h1>
<p>Roma, 6 dicembre 2025. Il ministro degli Esteri Antonio Tajani ha dichiarato che l'Italia
sostiene il ventesimo pacchetto di sanzioni dell'Unione europea contro la Russia.</p>
<p>Tajani ha aggiunto che le sanzioni devono colpire la flotta ombra che trasporta il petrolio
russo. L'Ungheria continua a chiedere esenzioni per le forniture di energia.</p>
<p>I ministri degli Esteri dell'Unione si riuniranno il 15 dicembre a Bruxelles.</p>
</article>
<footer>© 2025 Il Corriere di Prova. Tutti i diritti riservati.</footer>
</body></html>"""

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>Новости дипломатии</title><link>{base}/</link><language>ru-RU</language>
<description>test</description>
<item><title>Лавров: Москва не примет войска НАТО на Украине</title>
<link>{base}/ru/lavrov</link><guid>{base}/ru/lavrov</guid>
<pubDate>Wed, 03 Dec 2025 09:00:00 +0300</pubDate>
<description>&lt;p&gt;Министр иностранных дел России Сергей Лавров заявил, что Москва не примет
размещение войск НАТО на Украине.&lt;/p&gt;&lt;p&gt;По его словам, новые санкции ЕС не изменят
позицию Кремля, а встреча министров ОБСЕ пройдёт 4 декабря в Вене.&lt;/p&gt;</description>
</item>
<item><title>L'Italia sostiene nuove sanzioni</title><link>{base}/it/sanzioni.html</link>
<pubDate>Sat, 06 Dec 2025 10:00:00 +0100</pubDate>
<description>Breve: Tajani sostiene le sanzioni.</description></item>
<item><title>Missing page</title><link>{base}/gone</link>
<description>Only this summary survives.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="uk">
<title>Дипломатичний огляд</title><id>urn:test</id><updated>2025-12-05T08:00:00Z</updated>
<entry><title>Сибіга зустрінеться з міністрами НАТО</title>
<id>urn:test:1</id><link href="{base}/uk/sybiha"/>
<updated>2025-12-05T08:00:00Z</updated>
<content type="html">{content}</content></entry>
</feed>"""

UK_PARAGRAPH = (
    "&lt;p&gt;Міністр закордонних справ України Андрій Сибіга 3 грудня зустрінеться в Брюсселі "
    "з міністрами країн НАТО. Він попросить партнерів про додаткові системи ППО та нові "
    "санкції проти Росії.&lt;/p&gt;"
)


@pytest.fixture
def web():
    server = HTTPServer().start()
    yield server
    server.stop()


def test_rss_entries_with_full_pages_summaries_and_one_failing_page(web):
    web.add("/it/sanzioni.html", PAGE_IT)
    url = web.add("/rss.xml", RSS.format(base=web.base), "application/rss+xml")
    items = read_feed(url, LIMITS)
    by_url = {a.url: (a, loc) for a, loc in items.articles}
    assert set(by_url) == {web.url("/ru/lavrov"), web.url("/it/sanzioni.html"), web.url("/gone")}

    ru, _ = by_url[web.url("/ru/lavrov")]
    # The page does not exist, but the summary is long enough to stand as the text.
    assert ru.language == "ru" and ru.outlet == "Новости дипломатии"
    assert ru.published.isoformat() == "2025-12-03" and ru.published_basis == "metadata"
    assert "Лавров" in ru.text and "<p>" not in ru.text
    assert ru.text.count("\n\n") == 1  # one paragraph per <p>

    it, _ = by_url[web.url("/it/sanzioni.html")]
    assert "ventesimo pacchetto di sanzioni" in it.text  # fetched from the page
    assert "Tutti i diritti riservati" not in it.text and "Home" not in it.text
    assert it.title == "L'Italia sostiene nuove sanzioni" and it.text_extracted

    gone, _ = by_url[web.url("/gone")]
    assert gone.text == "Only this summary survives."
    assert any("/gone" in w and "404" in w for w in items.warnings)


def test_known_entries_are_not_fetched_again(web):
    web.add("/it/sanzioni.html", PAGE_IT)
    url = web.add("/rss.xml", RSS.format(base=web.base), "application/rss+xml")
    known = {web.url("/it/sanzioni.html"), web.url("/gone")}
    items = read_feed(url, LIMITS, known=known.__contains__)
    assert items.skipped_known == 2
    assert [a.url for a, _ in items.articles] == [web.url("/ru/lavrov")]


def test_atom_with_full_content_needs_no_page(web):
    content = UK_PARAGRAPH * 3
    url = web.add("/atom.xml", ATOM.format(base=web.base, content=content), "application/atom+xml")
    [(art, loc)] = read_feed(url, LIMITS).articles
    assert loc == web.url("/uk/sybiha")
    assert art.language == "uk" and "Сибіга" in art.text
    assert art.published.isoformat() == "2025-12-05"


def test_feed_failures_are_one_line_errors(web):
    with pytest.raises(FetchError, match="404"):
        read_feed(web.url("/nothing.xml"), LIMITS)
    web.add("/page.html", PAGE_IT)
    with pytest.raises(FetchError, match="not a"):
        read_feed(web.url("/page.html"), LIMITS)
    with pytest.raises(FetchError, match="cannot connect"):
        read_feed("http://127.0.0.1:9/feed.xml", LIMITS)
    with pytest.raises(FetchError, match="http"):
        read_feed("file:///etc/passwd", LIMITS)


def test_size_cap_and_total_timeout(web):
    web.add("/big.html", "<html><body>" + "x" * 300_000 + "</body></html>")
    with pytest.raises(FetchError, match="limit"):
        fetch(web.url("/big.html"), LIMITS)
    web.slow.add("/slow.html")
    with pytest.raises(FetchError, match="timed out"):
        fetch(web.url("/slow.html"), Limits(timeout=0.5, max_bytes=200_000))


def test_redirects_followed_to_http_only(web):
    target = web.add("/it/sanzioni.html", PAGE_IT)
    web.redirects["/old"] = target
    assert fetch(web.url("/old"), LIMITS).url == target
    web.redirects["/ftp"] = "ftp://127.0.0.1/feed.xml"
    with pytest.raises(FetchError, match="non-http"):
        fetch(web.url("/ftp"), LIMITS)


def test_article_page_metadata_and_id(web):
    url = web.add("/it/sanzioni.html", PAGE_IT)
    a = fetch_article(url, LIMITS)
    assert a.id == "127.0.0.1-sanzioni" == article_id(url)
    assert a.published is not None and a.published.isoformat() == "2025-12-06"
    assert a.outlet == "Il Corriere di Prova"
    assert a.text.startswith("Roma, 6 dicembre 2025.") or "Roma, 6 dicembre 2025." in a.text


def test_page_charset_wrongly_declared_or_legacy(web):
    body = PAGE_IT.replace('<meta charset="utf-8">', "").replace("2025.", "2025. Perché è così.")
    url = web.add("/utf8-as-latin1.html", body.encode("utf-8"), "text/html; charset=ISO-8859-1")
    assert "Perché è così." in fetch_article(url, LIMITS).text
    ro = (
        "<html><body><article><p>Ministrul de externe a declarat că România susține "
        "sancțiunile împotriva Rusiei și ajutorul pentru Ucraina.</p>" * 3
    ) + "</article></body></html>"
    url = web.add("/ro.html", ro.encode("iso-8859-16"), "text/html; charset=iso-8859-16")
    assert "România susține" in fetch_article(url, LIMITS).text


def test_fragment_text_paragraphs_and_scripts():
    html = "<p>Eins.</p><script>alert(1)</script><p>Zwei <b>drei</b>.</p>"
    assert fragment_text(html) == "Eins.\n\nZwei drei."
    assert fragment_text("plain summary") == "plain summary"
