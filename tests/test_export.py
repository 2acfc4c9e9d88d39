from geodata.export import events_frame, events_geojson, installations_geojson


def test_geojson_is_rfc7946_lon_lat(seeds_result):
    fc = events_geojson(seeds_result.events)
    assert fc["type"] == "FeatureCollection" and fc["features"]
    for f in fc["features"]:
        geom = f["geometry"]
        pts = [geom["coordinates"]] if geom["type"] == "Point" else geom["coordinates"]
        for lon, lat in pts:
            assert -180 <= lon <= 180 and -90 <= lat <= 90
    hmeimim = [f for f in fc["features"] if f["properties"]["place"] == "Hmeimim Air Base"][0]
    lon, lat = hmeimim["geometry"]["coordinates"]
    assert abs(lat - 35.40) < 0.1 and abs(lon - 35.95) < 0.1
    assert any(f["geometry"]["type"] == "LineString" for f in fc["features"])


def test_map_dataset_carries_the_vocabulary_and_keeps_unknown_types(seeds_result):
    from dataclasses import replace

    from geodata.export import map_dataset
    from geodata.vocabulary import EVENT_TYPES, VOCABULARY

    odd = replace(seeds_result.events[0], type="blockade")  # e.g. imported from another run's vocabulary
    draw, _ = map_dataset([*seeds_result.events, odd])
    assert draw["vocabulary"] == VOCABULARY.as_dict()
    assert draw["types"][: len(EVENT_TYPES)] == list(EVENT_TYPES) and draw["types"][draw["t"][-1]] == "blockade"
    assert draw["t"][0] == EVENT_TYPES.index(seeds_result.events[0].type)  # never silently another type


def test_frame_has_one_row_per_event(seeds_result):
    df = events_frame(seeds_result.events)
    assert len(df) == len(seeds_result.events)
    assert {"date", "type", "place", "quote", "source"} <= set(df.columns)


def test_installations_have_a_status(seeds_result):
    from geodata.vocabulary import BASE_STATUSES, INITIAL_BASE_STATUS

    names = {i.place.name for i in seeds_result.installations}
    assert {"Hmeimim Air Base", "Tartus naval facility"} <= names  # the seeds' two bases, at least
    fc = installations_geojson(seeds_result.installations, None)
    assert len(fc["features"]) == len(seeds_result.installations)
    statuses = {f["properties"]["status"] for f in fc["features"]}
    assert statuses <= set(BASE_STATUSES)
    late = installations_geojson(seeds_result.installations, max(e.date for e in seeds_result.events if e.date))
    hmeimim = next(f for f in late["features"] if f["properties"]["name"] == "Hmeimim Air Base")
    assert hmeimim["properties"]["status"] != INITIAL_BASE_STATUS  # the seeds report on it


def test_csv_and_geojson_exports_carry_citations(seeds_result):
    import csv
    import io
    import json

    from geodata.export import export_csv, export_geojson

    rows = list(csv.DictReader(io.StringIO(export_csv(seeds_result.events).decode("utf-8"))))
    assert len(rows) == len(seeds_result.events)
    assert all(r["quote"] and r["source"] for r in rows)
    assert rows[0]["date"].count("-") == 2
    fc = json.loads(export_geojson(seeds_result.events))
    assert fc["type"] == "FeatureCollection"
    assert all(f["properties"]["sources"] for f in fc["features"])


def test_a_country_level_end_is_drawn_at_its_border_and_says_so(seeds_result):
    from dataclasses import replace

    from geodata.borders import border_point
    from geodata.export import map_dataset
    from geodata.gazetteer import haversine_km
    from geodata.models import Place

    base = next(i.place for i in seeds_result.installations if i.place.name == "Hmeimim Air Base")
    russia = Place(id="cc:RU", name="Russia", lat=61.7, lon=97.7, kind="country", country_code="RU")  # mid-Siberia
    leg = replace(seeds_result.events[0], id="ev-x", type="air_transport", origin=base, destination=russia, place=russia)
    draw, _ = map_dataset([leg])
    name, lon, lat, kind, precision, extent = draw["places"][draw["d"][0]]
    assert name == "Russia (country-level)" and kind == "country" and precision == "country" and extent > 0
    assert haversine_km(lat, lon, base.lat, base.lon) < 1500  # Russia's border nearest Syria, not 4,000 km away
    assert (lat, lon) == tuple(round(v, 5) for v in border_point("RU", base.lat, base.lon))
    start = draw["places"][draw["o"][0]]
    assert start[0] == "Hmeimim Air Base" and start[4] == "point"
    assert draw["places"][draw["p"][0]][:3] == ["Russia", 97.7, 61.7]  # the event's own place: the country as data


def test_inferred_ends_reach_the_map(seeds_result):
    from dataclasses import replace

    from geodata.export import map_dataset

    moves = [e for e in seeds_result.events if e.origin is not None and e.destination is not None][:2]
    assert len(moves) == 2
    told, read = replace(moves[0], inferred=()), replace(moves[1], inferred=("origin",))
    draw, _ = map_dataset([told, read, replace(moves[1], id="x", inferred=("origin", "destination"))])
    assert draw["inf"] == [0, 1, 3]  # drawn dotted by the map when every movement on a route has one
