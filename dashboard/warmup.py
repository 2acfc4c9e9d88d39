"""The page's heavy imports, done once per server in the background while the browser is still loading
Streamlit's own page (about half a second in which the server is idle), so a new session's first run does
not pay for them before it can send the map.

Importing folium compiles its hundred-odd Jinja templates and pulls in pandas: about 0.6 s on one core,
paid by the first run of the first session after ``streamlit run``. ``dashboard/app.py`` starts the
warm-up from its ``st.App`` lifespan; ``dashboard/page.py`` calls :func:`wait` before its own imports, so
the two threads never import the same modules at once (two threads importing one package graph
concurrently can see half-initialised modules).

On a first start (no gazetteer index in the cache) it first starts ``geodata.prepare`` in a child process, which
builds the index and extracts the corpus while the browser loads the page and the imports run; the page's
loading (``dashboard/loading.py``) waits for it with :func:`wait_prepared`, showing its progress.

Only modules that never declare a Streamlit component are warmed: a component declared outside a script
run is not registered with the server, and its files would then 404 (``streamlit_folium`` and the
``dashboard`` modules declare theirs when imported). ``geodata`` never imports Streamlit at all.
This module itself imports nothing heavy.
"""

from __future__ import annotations

import importlib
import threading
import time

MODULES = (
    "numpy", "pandas", "jinja2", "branca.element", "folium", "folium.plugins",
    "xstatic.pkg.leaflet", "xstatic.pkg.jquery",
    "geodata.models", "geodata.export", "geodata.corpus", "geodata.narrative", "geodata.pipeline",
)
WAIT_S = 30.0  # the page goes on after this even if the warm-up has not finished (it cannot hang a session)

_lock = threading.Lock()
_thread: threading.Thread | None = None
_done = threading.Event()
_started = threading.Event()  # the first-start preparation is started (or found not needed)
_preparation = None  # geodata.prepare.Preparation of a first start, if one runs
report: dict[str, object] = {}  # seconds taken, and any module that failed to import (the page will say why)


def _prepare() -> None:
    """A first start: the gazetteer build and the corpus's extraction in a child process, started at once."""
    global _preparation
    try:
        from geodata import prepare
        from geodata.settings import Settings

        if prepare.needed(Settings.from_env()):
            _preparation = prepare.Preparation.start()
    except Exception as exc:  # the page then builds the index itself, with its own progress bar
        report["prepare"] = f"{type(exc).__name__}: {exc}"
    finally:
        _started.set()


def _run() -> None:
    t0 = time.perf_counter()
    failed = []
    _prepare()
    try:
        for name in MODULES:
            try:
                importlib.import_module(name)
            except Exception as exc:  # the page's own import raises it again, where the analyst sees it
                failed.append(f"{name}: {type(exc).__name__}")
    finally:
        report.update(seconds=round(time.perf_counter() - t0, 3), failed=failed)
        _done.set()


def start() -> bool:
    """Start the warm-up (once per process); False if it had already started."""
    global _thread
    with _lock:
        if _thread is not None:
            return False
        _thread = threading.Thread(target=_run, name="dashboard-warmup", daemon=True)
        _thread.start()
        return True


def wait_prepared(progress=None) -> bool:
    """Until a first start's preparation (if one was started) has ended, telling ``progress(fraction, message)``
    how it goes; True if it built what it had to (the gazetteer index and the corpus are then in the cache)."""
    if _thread is None or not _started.wait(WAIT_S) or _preparation is None:
        return False
    return _preparation.wait(progress)


def wait(timeout: float = WAIT_S) -> bool:
    """Block until the warm-up has finished; True at once if it was never started (AppTest, a bare
    ``streamlit run dashboard/page.py``)."""
    if _thread is None:
        return True
    return _done.wait(timeout)
