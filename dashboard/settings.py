"""Online sources, opt-in (a settings panel in the sidebar): map tiles from OpenStreetMap or satellite
imagery, and the online geocoder (Nominatim) for names the offline gazetteer misses. All off by default;
the app says whether anything leaves the machine."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlparse

import streamlit as st

from geodata.gazetteer import Gazetteer
from geodata.settings import Settings

if TYPE_CHECKING:  # geopy is imported only when a look-up or the online geocoder is used
    from geodata.gazetteer.online import FallbackGeocoder, OnlineFallback

BACKGROUNDS = {None: "Offline basemap (Natural Earth)", "osm": "OpenStreetMap tiles (online)",
               "satellite": "Satellite imagery, Esri (online)"}


@dataclass
class Online:
    tiles: str | None  # None, "osm" or "satellite"
    geocoder: FallbackGeocoder | None  # offline first, then online; None when the online geocoder is off

    @property
    def offline(self) -> bool:
        return self.tiles is None and self.geocoder is None

    def status(self) -> str:
        if self.offline:
            return "Offline: local basemap and gazetteer; no request leaves this machine."
        parts = []
        if self.tiles:
            parts.append(f"map tiles from {'OpenStreetMap' if self.tiles == 'osm' else 'Esri World Imagery'}")
        if self.geocoder:
            parts.append(f"online geocoder ({server(self.geocoder.online)}) for names the gazetteer misses")
        return "Online sources on: " + "; ".join(parts) + "."


def server(online: OnlineFallback | None) -> str:
    geo = online.geocoder if online else None
    return urlparse(getattr(geo, "api", "") or "").netloc or "nominatim"


@st.cache_resource
def _online_fallback(config: Settings) -> OnlineFallback:
    from geodata.gazetteer.online import OnlineFallback

    return OnlineFallback.from_settings(config)


def online_fallback() -> OnlineFallback:
    """One per server process (and configuration): every session shares its rate limit (at most one
    request a second, as Nominatim asks) and its cache."""
    return _online_fallback(Settings.from_env())


def panel(gazetteer: Callable[[], Gazetteer]) -> Online:
    """``gazetteer`` is called only when needed (a look-up, the online geocoder): the first map never waits for it."""
    with st.expander("Settings: online sources"):
        tiles = st.radio("Map background", list(BACKGROUNDS), format_func=BACKGROUNDS.get, key="background")
        use_geocoder = st.toggle("Online geocoder for places the offline gazetteer does not know", value=False,
                                 key="online_geocoder")
        geocoder = None
        if use_geocoder:
            from geodata.gazetteer.online import FallbackGeocoder
            from geodata.geocoder import OfflineGazetteer

            geocoder = FallbackGeocoder(OfflineGazetteer(gazetteer()), online_fallback())
        online = Online(tiles, geocoder)
        st.caption(online.status())
        query = st.text_input("Look up a place", key="lookup", placeholder="e.g. Khmeimim, Qardaha, Port Sudan")
        if query.strip():
            lookup(query.strip(), gazetteer(), online)
    return online


def lookup(query: str, gaz: Gazetteer, online: Online) -> None:
    from geodata.geocoder import OfflineGazetteer

    place = OfflineGazetteer(gaz).place(query)
    if place is not None:
        st.success(f"{place.name} ({place.kind.replace('_', ' ')}, {place.country_code or '—'}): "
                   f"{place.lat:.4f}, {place.lon:.4f} · offline gazetteer ({place.source})")
        return
    if online.geocoder is None:
        st.warning(f"{query!r} is not in the offline gazetteer. Turn on the online geocoder to ask "
                   f"{server(online_fallback())}.")
        return
    loc = online.geocoder.geocode(query)
    if loc is None:
        st.error(f"{query!r}: not found offline or online. {online.geocoder.online.last_error or ''}")
    else:
        st.success(f"{loc.address}: {loc.latitude:.4f}, {loc.longitude:.4f} · online ({server(online.geocoder.online)}), "
                   "kept in the local cache so a rebuild places it offline")
