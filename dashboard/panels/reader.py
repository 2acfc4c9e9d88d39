"""The article reader: one article's text with the places and dates the machine read marked."""

from __future__ import annotations

import streamlit as st

from dashboard import review
from dashboard.evidence import article_html
from dashboard.panels.context import Page
from dashboard.state import plural


def show(page: Page) -> None:
    with st.expander("Article reader: what the machine read"):
        names = {f"{r.article.published or 'undated'} · {r.article.title}": r for r in page.result.articles}
        if not names:
            return
        pick = names[st.selectbox("Article", list(names), key="reader")]
        a = pick.article
        st.caption(f"{a.source} · published {a.published or 'undated'} ({a.published_from or 'no date found'})"
                   + (f" · {a.notes}" if a.notes else "") + f" · {plural(len(pick.mentions), 'place')}, "
                   f"{plural(len(pick.dates), 'date')}, {plural(len(pick.events), 'event')}")
        st.markdown(review.MARK_CSS + '<div class="ev-article">'
                    + article_html(a.text, pick.mentions, pick.dates, a.excluded) + "</div>", unsafe_allow_html=True)
