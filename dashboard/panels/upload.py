"""Add articles to the corpus from the browser (validated and written by ``geodata.corpus.add_article``)."""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard.panels.context import Page
from geodata.corpus import ArticleError, add_article


def show(page: Page) -> None:
    with st.expander("Add articles"), st.form("upload", clear_on_submit=True):
        files = st.file_uploader("Article text files (.txt, UTF-8, up to 2 MB each)", type=["txt"], accept_multiple_files=True)
        u1, u2 = st.columns(2)
        title_in = u1.text_input("Title (blank: first line)")
        source_in = u2.text_input("Source (outlet)")
        url_in = u1.text_input("URL")
        dated = u2.checkbox("Publication date known", value=True)
        published_in = u2.date_input("Published", value=date.today())
        if st.form_submit_button("Add to the corpus") and files:
            bar = st.progress(0.0, text="Adding…")
            added, failed = [], []
            for n, f in enumerate(files, start=1):
                meta = {"title": title_in if len(files) == 1 else "", "source": source_in, "url": url_in,
                        "published": published_in.isoformat() if dated else ""}
                try:
                    added.append(add_article(page.corpus, f.name, f.getvalue(), meta).name)
                except (ArticleError, OSError) as exc:
                    failed.append(str(exc))
                bar.progress(n / len(files), text=f"{n}/{len(files)}: {f.name}")
            for msg in failed:
                st.error(msg)
            if added:
                st.session_state["just_added"] = added
                st.rerun()
