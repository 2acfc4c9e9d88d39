"""The folium map, offline: local Leaflet/jQuery from installed packages, a Natural Earth basemap,
and the data layers (bases, movements, events) handed to the map's scripts (``assets/osint-*.js``, which
read every type, status, kind and precision, with its label and colour, from the vocabulary the data carries).

Assets are served by Streamlit itself through "asset-only" components (a component declared on a
folder serves its files at ``/component/<name>/...``), so no request leaves the machine. URLs are
relative to the map iframe (``/component/streamlit_folium.st_folium/index.html``), which keeps them
working behind a ``server.baseUrlPath``.
"""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Any

import folium
import numpy as np
import streamlit.components.v1 as components
import xstatic.pkg.jquery as xs_jquery
import xstatic.pkg.leaflet as xs_leaflet
from folium.elements import JSCSSMixin

from dashboard.mapelements import (  # noqa: F401  (the elements, re-exported where the map is built)
    Basemap,
    Caption,
    DataLayer,
    EventsLayer,
    Labels,
    Legend,
    Snapshot,
    View,
    pack_mask,
)
from geodata import vocabulary
from geodata.fsio import atomic_write
from geodata.settings import Settings

ASSET_DIR = Path(__file__).resolve().parent / "assets"
BASEMAP_DIR = Path(__file__).resolve().parent.parent / "geodata" / "data" / "basemap"
BASEMAP_FILE = "countries-50m.geojson"
LABELS_FILE = "labels-50m.json"  # names, rivers and lakes drawn by osint-labels.js (scripts/derive_basemap_labels.py)

# Asset-only components: nothing is rendered from them, they only serve files.
_leaflet = components.declare_component("leaflet", path=xs_leaflet.BASE_DIR)
_jquery = components.declare_component("jquery", path=xs_jquery.BASE_DIR)
_app_assets = components.declare_component("osint_assets", path=str(ASSET_DIR))
# The events as the map draws them, written once per corpus under a content hash and fetched once by the
# iframe: a date change then sends only a bit mask, never the data again.
MAPDATA_DIR = Settings.from_env().cache / "mapdata"
MAPDATA_DIR.mkdir(parents=True, exist_ok=True)
_mapdata = components.declare_component("osint_mapdata", path=str(MAPDATA_DIR))
_when_drawn = components.declare_component("when_map_drawn", path=str(ASSET_DIR / "when-drawn"))
KEEP_FILES = 200  # other corpora's files kept besides the one just published


def _url(component: Any, file: str) -> str:
    return f"../{component.name}/{file}"


# The map's own scripts, in load order (osint-core.js first: the namespace and what the others share).
OSINT_JS = ("osint-core.js", "osint-data.js", "osint-canvas.js", "osint-pointer.js", "osint-bases.js",
            "osint-basemap.js", "osint-labels.js", "osint-legend.js", "osint-view.js", "osint-snapshot.js")


def local_js() -> list[tuple[str, str]]:
    """Every script the map loads, in order, from the app's own server (``standalone_html`` inlines the same list)."""
    return [
        ("leaflet", _url(_leaflet, "leaflet.js")),
        ("jquery", _url(_jquery, "jquery.min.js")),
        *((f.removesuffix(".js").replace("-", "_"), _url(_app_assets, f)) for f in OSINT_JS),
    ]


def local_css() -> list[tuple[str, str]]:
    return [("leaflet_css", _url(_leaflet, "leaflet.css")), ("osint_map_css", _url(_app_assets, "osint-map.css"))]


BASEMAP_SCALE = 1000  # the basemap's coordinates are rounded to 0.001 degrees (scripts/derive_natural_earth.py)


def compact_basemap(path: Path = BASEMAP_DIR / BASEMAP_FILE) -> bytes:
    """The basemap GeoJSON as the map draws it, in less than half the bytes and a tenth of the parsing:
    ``{"scale", "names", "shapes"}``, each shape a list of polygons, each polygon a list of rings, each ring
    one flat list of integer steps (longitude, latitude in 1/scale degrees, the first from 0). Lossless for
    coordinates rounded to 1/scale degrees."""
    geo = json.loads(path.read_bytes())
    names, shapes = [], []
    for feature in geo["features"]:
        g = feature["geometry"]
        polygons = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
        shape = []
        for polygon in polygons:
            rings = []
            for ring in polygon:
                flat, px, py = [], 0, 0
                for lon, lat in ring:
                    x, y = round(lon * BASEMAP_SCALE), round(lat * BASEMAP_SCALE)
                    flat += (x - px, y - py)
                    px, py = x, y
                rings.append(flat)
            shape.append(rings)
        names.append((feature.get("properties") or {}).get("name", ""))
        shapes.append(shape)
    return _dumps({"scale": BASEMAP_SCALE, "names": names, "shapes": shapes})


COMPACT_BASEMAP_VERSION = 1  # bump when compact_basemap's output changes
_basemap_names: dict[tuple[int, int], str] = {}  # the GeoJSON's (size, mtime) -> its compact file's name


def basemap_url() -> str:
    """Where the map fetches the basemap: its compact form, written where the map's data is under a hash of
    the GeoJSON (which stays the one source), so a warm start only hashes the file."""
    path = BASEMAP_DIR / BASEMAP_FILE
    stat = path.stat()
    name = _basemap_names.get((stat.st_size, stat.st_mtime_ns))
    if name is None:
        digest = hashlib.sha1(path.read_bytes() + bytes([COMPACT_BASEMAP_VERSION])).hexdigest()[:20]
        name = _basemap_names[(stat.st_size, stat.st_mtime_ns)] = f"basemap-{digest}.json"
    target = MAPDATA_DIR / name
    if target.exists():
        target.touch()  # keep it young: publish() prunes by age
    else:
        atomic_write(target, compact_basemap())
    return _url(_mapdata, name)


def labels_url() -> str:
    """Where the map fetches its labels, rivers and lakes: the committed file, written once where the map's
    data is under a hash of its content (like the basemap)."""
    return _write_once((BASEMAP_DIR / LABELS_FILE).read_bytes(), "labels")


def _dumps(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


DETAILS_CHUNK = 2_000  # events per details file: a click fetches one chunk, never the whole corpus's quotes


def _write_once(body: bytes, prefix: str) -> str:
    name = f"{prefix}-{hashlib.sha1(body).hexdigest()[:20]}.json"
    target = MAPDATA_DIR / name
    if not target.exists():
        atomic_write(target, body)
    else:
        target.touch()  # keep it young: the pruning below goes by age
    return _url(_mapdata, name)


def publish(draw: dict[str, Any], details: list[dict[str, Any]]) -> dict[str, Any]:
    """Write a dataset where the map iframe can fetch it: the draw table, and the popup details in chunks
    of DETAILS_CHUNK events. Files are named by content hash, so an unchanged corpus is fetched once and
    a changed one never hits a stale copy."""
    urls = {"draw": _write_once(_dumps(draw), "draw"), "chunk": DETAILS_CHUNK,
            "details": [_write_once(_dumps(details[i:i + DETAILS_CHUNK]), "details")
                        for i in range(0, max(1, len(details)), DETAILS_CHUNK)]}
    keep = 2 + len(urls["details"]) + KEEP_FILES
    for f in sorted(MAPDATA_DIR.glob("*.json"), key=lambda f: f.stat().st_mtime, reverse=True)[keep:]:
        f.unlink(missing_ok=True)
    return urls


def published(urls: dict[str, Any]) -> bool:
    return all((MAPDATA_DIR / u.rsplit("/", 1)[-1]).exists() for u in [urls["draw"], *urls["details"]])


def when_drawn(key: str, after_s: float = 0.0, wait_s: float = 6.0) -> bool:
    """False, then True (a rerun of the app) ``after_s`` seconds after the map on the page has drawn its
    basemap and events, or ``wait_s`` seconds after the map appeared if it has not drawn by then (a slow
    machine, a map that failed). Shows nothing."""
    return bool(_when_drawn(after_ms=int(after_s * 1000), wait_ms=int(wait_s * 1000), key=key, default=False))


def asset_files() -> list[Path]:
    """The files behind the local URLs (tests check they exist)."""
    return [*(_asset_path(url) for _, url in local_js() + local_css()), BASEMAP_DIR / BASEMAP_FILE, BASEMAP_DIR / LABELS_FILE]


def _asset_path(url: str) -> Path:
    """The file behind one of the local URLs above."""
    component, file = url.removeprefix("../").split("/", 1)
    folder = {c.name: d for c, d in ((_leaflet, xs_leaflet.BASE_DIR), (_jquery, xs_jquery.BASE_DIR),
                                     (_app_assets, ASSET_DIR))}[component]
    return Path(folder) / file


def external_links(m: folium.Map) -> list[str]:
    """Every JS/CSS link in the map tree that would leave the machine (must be empty offline)."""
    out = []

    def walk(node: Any) -> None:
        if isinstance(node, JSCSSMixin):
            for _, url in list(getattr(node, "default_js", [])) + list(getattr(node, "default_css", [])):
                if "://" in url or url.startswith("//"):
                    out.append(url)
        for child in getattr(node, "_children", {}).values():
            walk(child)

    walk(m)
    return out


ONLINE_TILES = {
    "osm": dict(tiles="OpenStreetMap", name="OpenStreetMap (online)"),
    "satellite": dict(
        tiles="https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/MapServer/tile/{z}/{y}/{x}",
        attr="Imagery: Esri, Maxar, Earthstar Geographics", name="Satellite, Esri World Imagery (online)",
    ),
}


def base_map(center: tuple[float, float] = (35.0, 38.0), zoom: int = 6, online_tiles: str | None = None,
             legend_open: bool = False, fit_window: bool = False) -> folium.Map:
    """The map that does not change with filters (so st_folium never remounts it)."""
    m = folium.Map(location=list(center), zoom_start=zoom, tiles=None, control_scale=True, min_zoom=2, max_zoom=14,
                   world_copy_jump=True)
    m.default_js = local_js()
    m.default_css = local_css()
    # over online tiles the Natural Earth layer keeps only its borders, so the tiles show through
    Basemap(basemap_url(), fill=online_tiles is None).add_to(m)
    if online_tiles != "osm":  # OpenStreetMap's tiles carry their own names
        Labels(labels_url(), water=online_tiles is None).add_to(m)
    Legend(legend_open).add_to(m)
    Snapshot().add_to(m)
    View(fit_window).add_to(m)
    if online_tiles:
        folium.TileLayer(**ONLINE_TILES[online_tiles], overlay=False, control=True, max_zoom=18).add_to(m)
    return m


def feature_group(name: str, factory: str, data: dict[str, Any]) -> folium.FeatureGroup:
    fg = folium.FeatureGroup(name=name)
    DataLayer(factory, data).add_to(fg)
    return fg


def data_layers(source: dict[str, Any], mask: np.ndarray | None, bases_fc: dict[str, Any], show: set[str],
                caption: str = "", mentions_fc: dict[str, Any] | None = None, selected: int = -1,
                dates: tuple[date, date, bool] | None = None, follow: bool = True,
                frame: str | None = None, frame_rows: list[int] | None = None) -> list[folium.FeatureGroup]:
    """The filtered data as feature groups, in drawing order (bases on top), and the caption. ``follow`` and
    ``frame``: see ``EventsLayer``."""
    groups = []
    if "mentions" in show and mentions_fc is not None:
        groups.append(feature_group("Place mentions", "mentionLayer", mentions_fc))
    if caption:
        fg = folium.FeatureGroup(name="Caption", control=False)
        Caption(caption).add_to(fg)
        groups.append(fg)
    if show & {"events", "movements"}:
        fg = folium.FeatureGroup(name="Events and movements")
        EventsLayer(source, mask, show, selected, dates, follow, frame, frame_rows).add_to(fg)
        groups.append(fg)
    if "bases" in show:  # with the vocabulary: the bases' symbols, status colours and labels (and the legend's key)
        data = {**bases_fc, "vocabulary": vocabulary.VOCABULARY.as_dict()}
        if "app6" in show:  # NATO symbols instead of the glyphs: one small SVG per kind and status, as data: URIs
            from dashboard import symbols

            data["symbols"] = symbols.icons()
        groups.append(feature_group("Bases", "baseLayer", data))
    return groups


def _data_uri(path: Path, mime: str) -> str:
    return f"data:{mime};base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def standalone_html(draw: dict[str, Any], details: list[dict[str, Any]], mask: np.ndarray | None,
                    bases_fc: dict[str, Any], title: str, center: tuple[float, float] = (35.0, 38.0),
                    zoom: int = 6, caption: str = "", app6: bool = False) -> bytes:
    """The current view as one self-contained HTML file: every asset inlined as a data: URI, so it opens
    from a USB stick in a room with no network (a briefing copy). ``app6``: the bases as NATO symbols."""
    m = folium.Map(location=list(center), zoom_start=zoom, tiles=None, control_scale=True, world_copy_jump=True)
    m.default_js = [(name, _data_uri(_asset_path(url), "text/javascript")) for name, url in local_js()]
    m.default_css = [(name, _data_uri(_asset_path(url), "text/css")) for name, url in local_css()]
    Basemap("data:application/json;base64," + base64.b64encode(compact_basemap()).decode("ascii")).add_to(m)
    Labels(_data_uri(BASEMAP_DIR / LABELS_FILE, "application/json")).add_to(m)
    Legend(True).add_to(m)
    Snapshot().add_to(m)
    View().add_to(m)
    source = {"data": draw, "details_data": details}
    # the file opens on the view it was exported with (center, zoom): it does not re-frame itself
    for fg in data_layers(source, mask, bases_fc, {"bases", "movements", "events", *(["app6"] if app6 else [])},
                          caption=caption, follow=False):
        fg.add_to(m)
    folium.LayerControl(collapsed=True).add_to(m)  # the file has no sidebar: layers from a small (folded) box
    m.get_root().title = title
    return m.get_root().render().encode("utf-8")
