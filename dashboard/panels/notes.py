"""Problems in sight: files of the corpus folder that were skipped (not UTF-8, binary, empty, too big) are
announced at the top of the page with what to do; the full list, with every warning, is in "Corpus notes"."""

from __future__ import annotations

import streamlit as st

from dashboard.panels.context import Page
from dashboard.state import plural

NOTES = "Corpus notes"


def skipped_warning(page: Page) -> None:
    """A warning at the top of the page when files were skipped: how many, and what to do."""
    errors = page.result.errors
    if not errors:
        return
    n = len({e.file for e in errors})
    st.warning(f"{plural(n, 'file')} in the corpus folder could not be read and {'is' if n == 1 else 'are'} left out "
               "of the map (not UTF-8 text, binary, empty, too big, or a bad manifest line). Save articles as UTF-8 "
               "text under 2 MB, fix or remove the others, and they are read on the next run. "
               f"Which files and why: *{NOTES}* at the bottom of the page.", icon="⚠️")


def show(page: Page) -> None:
    result = page.result
    if not (result.errors or result.warnings):
        return
    with st.expander(f"{NOTES}: {plural(len(result.errors), 'error')}, {plural(len(result.warnings), 'warning')}"):
        for err in result.errors:
            st.error(f"{err.file}: {err.error}")
        for w in result.warnings:
            st.warning(w)
