import re
from html.parser import HTMLParser

from briefing.models import Article, Citation, Position
from briefing.render.html import render_html
from tests.render.sample import empty_brief, sample_brief

SECTION_TITLES = [
    "Key actors",
    "Diplomatic calendar",
    "Stated positions",
    "Sanctions options",
    "Open disagreements",
]


class Tags(HTMLParser):
    """Every start tag with its attributes, as a browser would parse the page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def parse(html: str) -> list[tuple[str, dict[str, str | None]]]:
    p = Tags()
    p.feed(html)
    return p.tags


def h2_titles(html: str) -> list[str]:
    return re.findall(r"<h2>(.*?)</h2>", html)


def test_header_and_sections_in_order():
    html = render_html(sample_brief())
    assert "<title>Test brief: Iran, NATO and the Gulf</title>" in html
    assert 'As of <time datetime="2022-01-08">Sat 8 Jan 2022</time>' in html
    assert "5 sources in 5 languages" in html
    assert h2_titles(html) == ["Overview", *SECTION_TITLES, "Sources"]


def test_empty_sections_say_so():
    html = render_html(empty_brief())
    assert h2_titles(html) == ["Overview", *SECTION_TITLES, "Sources"]
    for what in (
        "key actors",
        "dated events",
        "stated positions",
        "sanctions options",
        "open disagreements",
    ):
        assert f"No {what} were found in these sources." in html
    assert "New since the last brief" not in html


def test_every_mark_links_to_a_source_entry():
    html = render_html(sample_brief())
    tags = parse(html)
    targets = {a["href"][1:] for t, a in tags if t == "a" and "cite" in (a.get("class") or "")}
    entries = {a["id"] for t, a in tags if t == "li" and re.fullmatch(r"c\d+", a.get("id") or "")}
    assert targets and targets == entries


def test_citations_carry_lang_and_direction():
    brief = sample_brief()
    html = render_html(brief)
    # The numbered sentences of the sources list (a position's quote is another blockquote).
    quotes = [
        a for t, a in parse(html) if t == "blockquote" and "quote" not in (a.get("class") or "")
    ]
    assert len(quotes) == len({(c.source, c.start, c.end) for c in brief.citations()})
    assert all(q.get("lang") for q in quotes)
    langs = {q["lang"]: q["dir"] for q in quotes}
    assert langs == {"fa": "rtl", "ar": "rtl", "en": "ltr", "ru": "ltr", "de": "ltr"}
    fa_sentence = brief.sources[0].text.split("\n")[1]
    assert f'<blockquote lang="fa" dir="rtl" class="rtl">{fa_sentence}</blockquote>' in html


def test_source_attribution_shows_outlet_date_language():
    html = render_html(sample_brief())
    assert re.search(
        r'— <a href="#src-irna-1"><bdi>IRNA</bdi></a>, “<bdi>واکنش تهران به تحریم‌ها</bdi>”, '
        r"3 Jan 2022, Persian",
        html,
    )
    # No title: the headline is the text's first line.
    assert re.search(
        r'— <a href="#src-spa-1"><bdi>SPA</bdi></a>, “<bdi>قال وزير [^<]*</bdi>”, '
        r"4 Jan 2022 \(inferred\), Arabic",
        html,
    )
    # No outlet, no title: the article is named by its first line.
    first_line = "Лавров заявил, что Москва требует гарантий нерасширения НАТО на восток."
    assert f'— <a href="#src-tass-1"><bdi>{first_line}</bdi></a>, date unknown, Russian' in html


def test_upcoming_events_marked():
    html = render_html(sample_brief())
    assert html.count('<tr class="event upcoming">') == 2
    assert html.count('<tr class="event past">') == 1
    assert "As of Sat 8 Jan 2022: the events below start later" in html
    marker = html.index('class="as-of-row"')
    assert html.rindex('class="event past"', 0, marker) < marker < html.index("event upcoming")
    assert "also reported as Tue 11 Jan 2022" in html


def test_new_since_last_comes_first():
    html = render_html(sample_brief(new_since_last=True))
    # The overview leads, and what is new leads the overview.
    assert h2_titles(html)[:2] == ["Overview", "New since the last brief"]
    overview = html[html.index('<section id="overview"') : html.index("</section>")]
    assert re.findall(r"<h3>(.*?)</h3>", overview)[0] == "New since the last brief"
    brief = sample_brief()
    brief.new_since_last = {"events": [], "positions": []}
    html = render_html(brief)
    assert "Nothing new since the last brief." in html


def test_hostile_text_is_escaped_everywhere():
    brief = sample_brief()
    evil = (
        "Attack <script>alert(1)</script> <img src=http://127.0.0.1:9/x.png> "
        '<iframe src=file:///etc/passwd></iframe> "quoted" & done.'
    )
    art = Article(
        id="evil",
        text=evil,
        path="in/evil.txt",
        title="<script>alert('t')</script>",
        outlet='<img src="http://127.0.0.1:9/o.png">',
        url="javascript:alert(1)",
        language="en",
    )
    brief.sources.append(art)
    brief.positions.append(
        Position("nato", "<b>topic</b>", "<iframe src=x>", [Citation("evil", 0, len(evil), evil)])
    )
    html = render_html(brief)
    tags = {t for t, _ in parse(html)}
    assert not tags & {"script", "img", "iframe", "b"}
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;iframe src=file:///etc/passwd&gt;" in html
    assert "&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;" in html
    assert not any((a.get("href") or "").lower().startswith("javascript") for _, a in parse(html))
    # A browser opening the file may neither run scripts nor fetch anything.
    assert "default-src 'none'" in html


def test_html_has_no_external_references():
    html = render_html(sample_brief())
    for t, a in parse(html):
        for name in ("src", "href"):
            value = a.get(name)
            if value is not None and t != "a":
                raise AssertionError(f"{t} {name}={value}")
        if t == "a":
            href = a["href"] or ""
            assert href.startswith("#") or href.startswith("https://example.org/"), href
    assert "fonts/" not in html  # embedded-font rules are for print only


def test_print_variant_declares_project_fonts():
    html = render_html(sample_brief(), for_print=True)
    assert 'url("fonts/DejaVuSans.ttf")' in html
    assert 'url("fonts/DejaVuSans-Bold.ttf")' in html
    assert 'class="print"' in html


def test_articles_listed_cited_first_and_print_caps_the_uncited():
    from briefing.render import RenderOptions
    from briefing.render.view import PRINT_UNCITED

    brief = sample_brief()
    extra = PRINT_UNCITED + 20
    for i in range(extra):
        brief.sources.append(Article(id=f"u{i}", text="x", path=f"in/u{i}.txt", language="pl"))
    # A reader's brief lists the articles it cites and counts the others.
    screen = render_html(brief)
    assert "Articles cited (5)" in screen
    assert f"{extra} more articles were read and not cited here" in screen
    assert 'id="src-u0"' not in screen
    # In full detail every article is listed on screen, the printed list capped.
    full = RenderOptions(detail="full")
    screen = render_html(brief, opts=full)
    printed = render_html(brief, for_print=True, opts=full)
    assert "Articles cited (5)" in screen and f"Also read, not cited ({extra})" in screen
    assert screen.count('id="src-u') == extra
    assert printed.count('id="src-u') == PRINT_UNCITED
    assert "And 20 more; brief.json and brief.html list every article read." in printed
    assert "And 20 more" not in screen
