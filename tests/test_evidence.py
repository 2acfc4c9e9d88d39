from dashboard.evidence import highlight, sources_html
from geodata.corpus import make_article, mark_boilerplate
from geodata.pipeline import process_article


def test_highlight_marks_places_and_dates_and_escapes_everything_else(gaz):
    text = 'Published 2024-12-09. <script>alert(1)</script> On Sunday the frigate left "Tartus" & ${x} `y`.'
    art, _ = make_article("h.txt", text, {"published": "2024-12-09"})
    r = process_article(mark_boilerplate([art])[0], gaz)
    html = highlight(text, 0, len(text), r.mentions, r.dates)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<mark class="ev-place"' in html and ">Tartus</mark>" in html
    assert '<mark class="ev-date" title="2024-12-08 (day)">Sunday</mark>' in html
    assert "&amp;" in html and "&quot;" in html


def test_sources_html_escapes_and_only_links_http(seeds_result):
    ev = seeds_result.events[0]
    src = ev.sources[0]
    hostile = type(src)(**{**src.__dict__, "title": "<img src=x onerror=alert(1)>", "url": "javascript:alert(1)"})
    ev2 = type(ev)(**{**ev.__dict__, "sources": [hostile]})
    out = sources_html(ev2)
    assert "<img" not in out and "&lt;img" in out and "javascript:" not in out


def test_article_html_greys_furniture_and_keeps_text_as_text(seeds_result):
    from dashboard.evidence import article_html

    r = next(r for r in seeds_result.articles if r.article.file.startswith("000_"))
    out = article_html(r.article.text, r.mentions, r.dates, r.article.excluded)
    assert '<span class="ev-furniture"' in out and "Dear readers" in out
    from geodata.corpus import is_excluded

    read = [m for m in r.mentions if not is_excluded(r.article, m.start, m.end)]
    assert 0 < len(read) < len(r.mentions) and out.count('<mark class="ev-place"') == len(read)
    hostile = article_html("<b>x</b>\nDamascus", [], [], ())
    assert hostile == "&lt;b&gt;x&lt;/b&gt;<br>Damascus"
