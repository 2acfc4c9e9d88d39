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


def test_frame_has_one_row_per_event(seeds_result):
    df = events_frame(seeds_result.events)
    assert len(df) == len(seeds_result.events)
    assert {"date", "type", "place", "quote", "source"} <= set(df.columns)


def test_installations_have_a_status(seeds_result):
    fc = installations_geojson(seeds_result.installations, None)
    assert {f["properties"]["status"] for f in fc["features"]} <= {"active", "drawdown", "withdrawn", "contested", "unknown"}


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
