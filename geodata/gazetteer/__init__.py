"""Offline gazetteer: layered sources, a cached name index and a geopy Geocoder on top."""

from geodata.gazetteer.index import Gazetteer, haversine_km, load_gazetteer, prior_score

__all__ = ["Gazetteer", "haversine_km", "load_gazetteer", "prior_score"]
