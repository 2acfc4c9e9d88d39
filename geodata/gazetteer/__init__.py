"""Offline gazetteer: layered sources, a cached name index and a geopy Geocoder on top."""

__all__ = ["Gazetteer", "haversine_km", "load_gazetteer", "prior_score"]


def __getattr__(name: str):
    # the index is imported when first asked for, so a process that only needs ``bulk`` or ``sources`` (a build's
    # helper, started first thing by ``geodata.prepare``) does not wait for it
    if name in __all__:
        from geodata.gazetteer import index

        return getattr(index, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
