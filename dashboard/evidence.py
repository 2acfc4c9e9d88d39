"""Evidence of an event as safe HTML: its sentence with the places and dates the machine read marked.

Every piece of article text goes through ``html.escape`` here; the only markup is our own ``<mark>``.
"""

from __future__ import annotations

import html

from geodata.models import DateRef, Event, Mention


def highlight(text: str, start: int, end: int, mentions: list[Mention], dates: list[DateRef]) -> str:
    """``text[start:end]`` as escaped HTML, place mentions and date expressions wrapped in ``<mark>``."""
    marks: list[tuple[int, int, str, str]] = []
    for m in mentions:
        if start <= m.start and m.end <= end:
            marks.append((m.start, m.end, "place", f"{m.place.name} ({m.place.kind.replace('_', ' ')})"))
    for d in dates:
        if start <= d.start and d.end <= end:
            span = d.date.isoformat() if d.date == d.date_end else f"{d.date.isoformat()} – {d.date_end.isoformat()}"
            marks.append((d.start, d.end, "date", f"{span} ({d.precision})"))
    marks.sort()
    out, pos = [], start
    for s, e, kind, title in marks:
        if s < pos:
            continue  # overlapping marks: keep the first
        out.append(html.escape(text[pos:s]))
        out.append(f'<mark class="ev-{kind}" title="{html.escape(title, quote=True)}">{html.escape(text[s:e])}</mark>')
        pos = e
    out.append(html.escape(text[pos:end]))
    return "".join(out)


def sources_html(ev: Event) -> str:
    """One line per reporting article (escaped)."""
    lines = []
    for s in ev.sources:
        label = f"{s.source} — {s.title} ({s.published or 'undated'})"
        link = f' <a href="{html.escape(s.url, quote=True)}" target="_blank" rel="noopener">link</a>' \
            if s.url.startswith(("http://", "https://")) else ""
        lines.append(f"<li>{html.escape(label)}{link}</li>")
    return "<ul>" + "".join(lines) + "</ul>"


def article_html(text: str, mentions: list[Mention], dates: list[DateRef], excluded: tuple[tuple[int, int], ...]) -> str:
    """A whole article as escaped HTML: places and dates marked, site furniture greyed out, line breaks kept."""
    out, pos = [], 0
    for s, e in sorted(excluded):
        if s < pos:
            continue
        out.append(highlight(text, pos, s, mentions, dates))
        out.append(f'<span class="ev-furniture" title="not read for events">{html.escape(text[s:e])}</span>')
        pos = e
    out.append(highlight(text, pos, len(text), mentions, dates))
    return "".join(out).replace("\n", "<br>")
