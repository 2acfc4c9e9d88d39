"""One vocabulary: a type added to geodata/data/vocabulary.toml reaches the map's dataset (its legend and
dots), the bases layer, the timeline's colour scale and the table's labels, and no file of the product
spells an event type's name out instead of reading it from there."""

from __future__ import annotations

import dataclasses
import re
import tomllib
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT

from geodata import vocabulary

BLOCKADE = {"name": "blockade", "label": "Blockade", "color": "#123456", "movement": False, "trigger_rank": 11,
            "triggers": ["blockad\\w*"], "base_effect": {"place": "contested"}}


@pytest.fixture()
def with_blockade(monkeypatch):
    """The vocabulary file's tables plus one event type, put where the product reads the vocabulary."""
    data = tomllib.loads(vocabulary.PATH.read_text(encoding="utf-8"))
    data["event_type"].append(BLOCKADE)
    vocab = vocabulary.parse(data)
    types = tuple(t.name for t in vocab.event_types)
    import geodata.export as export

    monkeypatch.setattr(vocabulary, "VOCABULARY", vocab)
    monkeypatch.setattr(vocabulary, "EVENT_TYPES", types)
    monkeypatch.setattr(export, "VOCABULARY", vocab)  # map_dataset's copy of the names (imported from vocabulary)
    monkeypatch.setattr(export, "EVENT_TYPES", types)
    return vocab


def test_a_new_type_reaches_the_maps_legend_data_and_the_bases_layer(with_blockade, seeds_result):
    from dashboard import mapview
    from geodata.export import installations_geojson, map_dataset

    ev = next(e for e in seeds_result.events if e.place is not None)
    draw, _ = map_dataset([dataclasses.replace(ev, type="blockade"), *seeds_result.events[:3]])
    legend = {t["name"]: t for t in draw["vocabulary"]["types"]}  # what osint-legend.js lists, in this order
    assert legend["blockade"] == {"name": "blockade", "label": "Blockade", "color": "#123456", "movement": False}
    assert [t["name"] for t in draw["vocabulary"]["types"]][-1] == "blockade"
    assert draw["types"][draw["t"][0]] == "blockade"  # the dot's type code, coloured from the vocabulary
    statuses = draw["vocabulary"]["base_statuses"]
    assert [s["name"] for s in statuses if s["initial"]] == [vocabulary.INITIAL_BASE_STATUS]  # listed with the rest
    bases = installations_geojson(seeds_result.installations, None)
    [layer] = [fg for fg in mapview.data_layers({"draw": "d.json", "details": [], "chunk": 1}, None, bases, {"bases"})]
    [data_layer] = layer._children.values()
    assert data_layer.data["vocabulary"] == draw["vocabulary"]  # the bases layer carries the same vocabulary


def test_a_new_type_reaches_the_timelines_colour_scale_and_the_labels(with_blockade):
    from dashboard import charts
    from dashboard import vocab as labels

    counts = pd.DataFrame({"date": pd.to_datetime(["2024-12-01", "2024-12-02", "2024-12-02"]),
                           "type": ["blockade", "attack", "imported_kind"], "events": [2, 1, 1]})
    chart = charts.timeline(counts, date(2024, 12, 1), date(2024, 12, 2)).to_dict()
    color = next(layer["encoding"]["color"] for layer in chart["layer"] if "color" in layer.get("encoding", {}))
    scale = dict(zip(color["scale"]["domain"], color["scale"]["range"], strict=True))
    assert scale["blockade"] == "#123456"
    assert scale["attack"] == with_blockade.event_type("attack").color
    assert scale["imported_kind"] == labels.UNKNOWN_COLOR  # a type the vocabulary does not know: grey, its name
    assert '"Blockade"' in color["legend"]["labelExpr"]
    assert labels.type_label("blockade") == "Blockade" and "blockade" in labels.event_types()
    frame = pd.DataFrame({"type": ["blockade"], "date_precision": ["as_of"], "status": ["reported"]})
    view = labels.table_view(frame, ["type", "date_precision", "status"])
    assert list(view.columns) == ["Type", "Precision", "Status"]
    assert view.iloc[0].tolist() == ["Blockade", vocabulary.VOCABULARY.date_precisions[-1].label, "reported"]


def test_the_browser_legend_lists_a_new_type_from_the_dataset(with_blockade, seeds_result, tmp_path):
    """The standalone map (the same scripts as the app's) draws its legend from the dataset's vocabulary."""
    harness = pytest.importorskip("harness")
    if not Path(harness.CHROMIUM).exists():
        pytest.skip(f"{harness.CHROMIUM} not installed")
    from dashboard import mapview
    from geodata.export import installations_geojson, map_dataset

    ev = next(e for e in seeds_result.events if e.place is not None)
    html = mapview.standalone_html(*map_dataset([dataclasses.replace(ev, type="blockade")]), None,
                                   installations_geojson(seeds_result.installations, None), title="t")
    path = tmp_path / "map.html"
    path.write_bytes(html)
    with harness.offline_page() as page:
        page.goto(path.as_uri())
        row = page.locator(".osint-legend-row[data-type='blockade']")
        row.wait_for(timeout=30_000)
        assert row.inner_text() == "Blockade"
        assert page.locator(".osint-legend-row[data-status]").count() == len(vocabulary.BASE_STATUSES)
        assert page.locator(".osint-legend-row[data-status]").last.inner_text() == "no report yet"
        assert page.external_requests == [] and page.page_errors == []


# ---- no second copy of the names -------------------------------------------------------------------------
NAMES = [t["name"] for t in tomllib.loads(vocabulary.PATH.read_text(encoding="utf-8"))["event_type"]]
_ALT = "|".join(map(re.escape, NAMES))
_QUOTED = re.compile(r"""(["'])(""" + _ALT + r""")\1""")  # "withdrawal", 'attack'
_JS_KEY = re.compile(r"(?:^|[{,\s])(" + _ALT + r")\s*:(?!:)")  # { withdrawal: ... }


def _spelled_out(folder: str) -> list[str]:
    hits = []
    for path in sorted((ROOT / folder).rglob("*")):
        rel = path.relative_to(ROOT).as_posix()
        if path.suffix not in (".py", ".js") or rel == "geodata/vocabulary.py" or rel.startswith("geodata/data/"):
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            found = {m.group(2) for m in _QUOTED.finditer(line)}
            if path.suffix == ".js":
                found |= {m.group(1) for m in _JS_KEY.finditer(line)}
            hits += [f"{rel}:{n}: {name}" for name in sorted(found)]
    return hits


def test_the_dashboard_names_no_event_type():
    assert len(NAMES) >= 10
    assert _spelled_out("dashboard") == []


def test_geodata_names_no_event_type_outside_the_vocabulary():
    assert _spelled_out("geodata") == []
