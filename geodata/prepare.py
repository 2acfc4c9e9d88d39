"""A first start's work, done ahead in a child process: the gazetteer index built and the corpus extracted.

``python -m geodata.prepare`` builds the gazetteer index (``load_gazetteer``: in two processes on two cores) if
it is not cached for the settings the environment gives, then extracts the corpus (``pipeline.build``, which
caches it), printing its progress as lines ``fraction<TAB>message``. ``Preparation.start()`` runs it in the
background (the app does, as its server starts, so the build runs while the browser loads the page) and
``wait(progress)`` relays its progress until it ends; whoever then asks for the gazetteer or the corpus
finds them in the cache. A child process, not a thread: the build's Python work would hold the server's
GIL, and every request the server answers meanwhile would wait for it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from geodata.settings import Settings

Progress = Callable[[float, str], None]
GAZETTEER_SHARE = 0.9  # of a first start's progress bar: the gazetteer's build; the corpus's extraction after it


def needed(settings: Settings) -> bool:
    """True when the gazetteer index for ``settings`` is not in the cache (a first start on this machine, or
    changed inputs): the one case worth a child process."""
    from geodata.gazetteer.index import index_path

    return not index_path(settings).exists()


class Preparation:
    """``python -m geodata.prepare`` running in the background; ``wait`` for it."""

    def __init__(self, proc: subprocess.Popen) -> None:
        self.proc = proc
        self.latest: tuple[float, str] = (0.0, "Starting")
        self.seen = 0  # progress lines read
        self._reader = threading.Thread(target=self._read, name="geodata-prepare", daemon=True)
        self._reader.start()

    @classmethod
    def start(cls, env: dict[str, str] | None = None, build: bool = True) -> Preparation:
        """``build``: the caller found no index (``needed``), so the child starts its helper at once."""
        root = str(Path(__file__).resolve().parent.parent)  # the geodata this process imported
        env = {**os.environ, **(env or {})}
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [root, env.get("PYTHONPATH")]))
        proc = subprocess.Popen([sys.executable, "-m", "geodata.prepare", *([_BUILD] if build else [])], stdout=subprocess.PIPE,
                                stdin=subprocess.DEVNULL, env=env, text=True, bufsize=1)
        return cls(proc)

    def _read(self) -> None:
        for line in self.proc.stdout:
            fraction, _, message = line.rstrip("\n").partition("\t")
            try:
                self.latest = (float(fraction), message)
                self.seen += 1
            except ValueError:
                pass

    def done(self) -> bool:
        return self.proc.poll() is not None

    def wait(self, progress: Progress | None = None, timeout: float | None = None) -> bool:
        """Until the child ends (True if it did its work), telling ``progress`` what it reports meanwhile."""
        deadline = None if timeout is None else time.monotonic() + timeout
        told = -1
        while True:
            if progress and self.seen != told:
                told = self.seen
                progress(*self.latest)
            if self.done():
                self._reader.join(timeout=1.0)
                return self.proc.returncode == 0
            if deadline is not None and time.monotonic() > deadline:
                return False
            time.sleep(0.05)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def main(argv: list[str] | None = None) -> int:
    settings = Settings.from_env()
    args = sys.argv[1:] if argv is None else argv
    if _BUILD in args and (os.cpu_count() or 1) >= 2:  # the server found no index: it is built
        from geodata.gazetteer import bulk, sources

        bulk.Helper.start_ahead(sources.GeoNames(settings.geonames).path)  # before the build's imports
    try:
        return _prepare(settings)
    finally:
        from geodata.gazetteer import bulk

        bulk.Helper.stop_waiting()


_BUILD = "--build"  # given by Preparation.start(build=True): the index is to be built


def _prepare(settings: Settings) -> int:
    from geodata.gazetteer import load_gazetteer
    from geodata.pipeline import build

    def tell(fraction: float, message: str) -> None:
        print(f"{fraction:.4f}\t{message}", flush=True)

    gaz = load_gazetteer(settings, progress=lambda f, m: tell(GAZETTEER_SHARE * f, m))
    if not settings.events_file:  # imported events are read afresh on every start: nothing to cache ahead
        tell(GAZETTEER_SHARE, "Reading the articles")
        build(settings.corpus, settings, gaz_loader=lambda: gaz)
    tell(1.0, "Ready")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # the server that started us is gone: nobody waits for this work
        os._exit(1)
