"""The online fallback with the real geopy Nominatim client against a Nominatim-shaped server on loopback."""

from __future__ import annotations

import time

import pytest
from conftest import FakeNominatim
from geopy.geocoders import Nominatim

from geodata.gazetteer.online import USER_AGENT, FallbackGeocoder, OnlineFallback
from geodata.geocoder import OfflineGazetteer


def online(domain, tmp_path, delay=0.3):
    geo = Nominatim(user_agent=USER_AGENT, domain=domain, scheme="http", timeout=3)
    return OnlineFallback(geo, cache_path=tmp_path / "cache.json", min_delay_seconds=delay)


def test_online_only_for_offline_misses_and_cached(server, tmp_path, gaz):
    chain = FallbackGeocoder(OfflineGazetteer(gaz), online(server, tmp_path))
    assert chain.geocode("Khmeimim").raw["kind"] == "air_base"  # offline: no request
    assert FakeNominatim.hits == []
    loc = chain.geocode("Xyzzy Hamlet")
    assert loc is not None and abs(loc.latitude - 34.9) < 1e-6
    assert FakeNominatim.hits[0][1] == USER_AGENT
    again = FallbackGeocoder(OfflineGazetteer(gaz), online(server, tmp_path))  # new process: disk cache
    assert again.geocode("Xyzzy Hamlet").longitude == pytest.approx(35.9)
    assert len(FakeNominatim.hits) == 1
    assert chain.geocode("Nowhere at all") is None and chain.misses == ["Nowhere at all"]


def test_rate_limited(server, tmp_path):
    fb = online(server, tmp_path, delay=0.4)
    t0 = time.monotonic()
    fb.geocode("Place One")
    fb.geocode("Place Two")
    fb.geocode("Place Three")
    assert time.monotonic() - t0 >= 0.8
    assert fb.requests == 3


def test_network_down_is_a_reported_miss(tmp_path, gaz):
    dead = online("127.0.0.1:9", tmp_path)  # discard port: connection refused
    chain = FallbackGeocoder(OfflineGazetteer(gaz), dead)
    assert chain.geocode("Xyzzy Hamlet") is None
    assert "unavailable" in dead.last_error and chain.misses == ["Xyzzy Hamlet"]
    assert not (tmp_path / "cache.json").exists()  # a failure is not cached


def test_off_by_default(gaz):
    chain = FallbackGeocoder(OfflineGazetteer(gaz))
    assert chain.geocode("Xyzzy Hamlet") is None and chain.misses == ["Xyzzy Hamlet"]
