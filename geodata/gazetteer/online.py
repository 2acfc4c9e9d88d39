"""Opt-in online fallback: ask an online geopy geocoder (Nominatim by default) for names the offline
gazetteer does not know.

Off unless the user turns it on. Requests are rate limited (geopy ``RateLimiter``, at most one per
second by default, as Nominatim's usage policy asks), time out, carry a real user agent, and are
cached on disk (atomic JSON writes), so a name is asked for once. When the network is down or the
service fails, ``geocode`` returns ``None`` and ``last_error`` says why; nothing raises.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from geodata import __version__
from geodata.fsio import atomic_write
from geodata.settings import Settings

USER_AGENT = f"osint-map/{__version__} (offline-first news map; online lookups only when enabled)"


CACHE_FILE = "online-geocode-cache.json"


def nominatim(timeout: float = 5.0, server: str = "") -> Nominatim:
    """The Nominatim client: the public OpenStreetMap service, or ``server`` (``Settings.nominatim``:
    ``https://nominatim.example.org`` or ``http://127.0.0.1:8080``, a self-hosted instance)."""
    server = server.strip()
    if not server:
        return Nominatim(user_agent=USER_AGENT, timeout=timeout)
    url = urlparse(server if "://" in server else f"https://{server}")
    return Nominatim(user_agent=USER_AGENT, timeout=timeout, domain=url.netloc, scheme=url.scheme or "https")


def _key(query: str) -> str:
    return " ".join(query.split()).lower()


def _location_to_json(loc: Location) -> dict[str, Any]:
    raw = loc.raw if isinstance(loc.raw, dict) else {}
    keep = {k: raw[k] for k in ("osm_type", "osm_id", "class", "type", "display_name", "importance") if k in raw}
    return {"address": loc.address, "lat": loc.latitude, "lon": loc.longitude, "raw": keep}


class OnlineFallback:
    """A cached, rate-limited online geocoder for offline misses."""

    def __init__(self, geocoder: Geocoder | None = None, *, cache_path: Path | None = None,
                 min_delay_seconds: float = 1.0, timeout: float = 5.0):
        self.geocoder = geocoder or nominatim(timeout)
        self._geocode = RateLimiter(self.geocoder.geocode, min_delay_seconds=min_delay_seconds, max_retries=0,
                                    swallow_exceptions=False)
        self.timeout = timeout
        self.cache_path = cache_path or Settings().cache / CACHE_FILE
        self._lock = threading.Lock()
        self._cache: dict[str, dict[str, Any] | None] = self._read_cache()
        self.last_error: str | None = None
        self.requests = 0

    @classmethod
    def from_settings(cls, settings: Settings, **kwargs) -> OnlineFallback:
        """The server and the answers' cache the settings name (``nominatim``, ``cache``)."""
        timeout = kwargs.pop("timeout", 5.0)
        return cls(nominatim(timeout, settings.nominatim), cache_path=settings.cache / CACHE_FILE, timeout=timeout, **kwargs)

    def _read_cache(self) -> dict[str, dict[str, Any] | None]:
        try:
            data = json.loads(self.cache_path.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def _write_cache(self) -> None:
        try:
            atomic_write(self.cache_path, json.dumps(self._cache, ensure_ascii=False, indent=0, sort_keys=True).encode())
        except OSError as exc:
            self.last_error = f"could not write the online geocode cache: {exc}"

    def cached(self, query: str) -> Location | None:
        """An answer fetched earlier, without any request (what a rebuild uses: it never goes online)."""
        hit = self._cache.get(_key(query))
        return None if hit is None else Location(hit["address"], (hit["lat"], hit["lon"], 0.0), hit["raw"])

    def geocode(self, query: str) -> Location | None:
        """The online answer for ``query`` (cached), or None with ``last_error`` set on failure."""
        key = _key(query)
        if not key:
            return None
        with self._lock:
            if key in self._cache:
                hit = self._cache[key]
                return None if hit is None else Location(hit["address"], (hit["lat"], hit["lon"], 0.0), hit["raw"])
        try:
            self.requests += 1
            loc = self._geocode(query, exactly_one=True, timeout=self.timeout)
        except (GeopyError, OSError, ValueError) as exc:
            self.last_error = f"online geocoder unavailable ({type(exc).__name__}: {exc}); {query!r} left unresolved"
            return None  # not cached: try again when the network is back
        self.last_error = None
        with self._lock:
            self._cache[key] = _location_to_json(loc) if loc is not None else None
            self._write_cache()
        return loc


class FallbackGeocoder(Geocoder):
    """geopy geocoder: the offline gazetteer first, the online fallback only for its misses (if enabled)."""

    def __init__(self, offline: Geocoder, online: OnlineFallback | None = None):
        super().__init__(user_agent=USER_AGENT)
        self.offline = offline
        self.online = online
        self.misses: list[str] = []  # names neither source resolved, for the analyst to see

    def geocode(self, query: str, *, exactly_one: bool = True, timeout: float | None = None):
        loc = self.offline.geocode(query, exactly_one=exactly_one)
        if loc is not None or self.online is None:
            if loc is None:
                self.misses.append(query)
            return loc
        online = self.online.geocode(query)
        if online is None:
            self.misses.append(query)
            return None
        return online if exactly_one else [online]
