"""The folium map, offline: local Leaflet/jQuery from installed packages, a Natural Earth basemap,
and the data layers (bases, movements, events) as GeoJSON handed to ``osint-map.js``.

Assets are served by Streamlit itself through "asset-only" components (a component declared on a
folder serves its files at ``/component/<name>/...``), so no request leaves the machine. URLs are
relative to the map iframe (``/component/streamlit_folium.st_folium/index.html``), which keeps them
working behind a ``server.baseUrlPath``.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import folium
import streamlit.components.v1 as components
import xstatic.pkg.jquery as xs_jquery
import xstatic.pkg.leaflet as xs_leaflet
from branca.element import MacroElement
from folium.elements import JSCSSMixin
from folium.template import Template

ASSET_DIR = Path(__file__).resolve().parent / "assets"
BASEMAP_DIR = Path(__file__).resolve().parent.parent / "geodata" / "data" / "basemap"
BASEMAP_FILE = "countries-50m.geojson"

# Asset-only components: nothing is rendered from them, they only serve files.
_leaflet = components.declare_component("leaflet", path=xs_leaflet.BASE_DIR)
_jquery = components.declare_component("jquery", path=xs_jquery.BASE_DIR)
_app_assets = components.declare_component("osint_assets", path=str(ASSET_DIR))
_basemap = components.declare_component("basemap", path=str(BASEMAP_DIR))


def _url(component: Any, file: str) -> str:
    return f"../{component.name}/{file}"


def local_js() -> list[tuple[str, str]]:
    return [
        ("leaflet", _url(_leaflet, "leaflet.js")),
        ("jquery", _url(_jquery, "jquery.min.js")),
        ("osint_map", _url(_app_assets, "osint-map.js")),
    ]


def local_css() -> list[tuple[str, str]]:
    return [("leaflet_css", _url(_leaflet, "leaflet.css")), ("osint_map_css", _url(_app_assets, "osint-map.css"))]


def basemap_url() -> str:
    return _url(_basemap, BASEMAP_FILE)


def asset_files() -> list[Path]:
    """The files behind the local URLs (tests check they exist)."""
    return [
        Path(xs_leaflet.BASE_DIR) / "leaflet.js", Path(xs_leaflet.BASE_DIR) / "leaflet.css",
        Path(xs_jquery.BASE_DIR) / "jquery.min.js", ASSET_DIR / "osint-map.js", ASSET_DIR / "osint-map.css",
        BASEMAP_DIR / BASEMAP_FILE,
    ]


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


class Basemap(MacroElement):
    """Natural Earth country polygons, fetched once by the iframe from the app's own server."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        window.OSINT.basemap({{ this._parent.get_name() }}, {{ this.url|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, url: str):
        super().__init__()
        self._name = "Basemap"
        self.url = url


class Caption(MacroElement):
    """Text written on the map (the date range shown), updated in place on every rerun."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        window.OSINT.caption({{ this._parent._parent.get_name() }}, {{ this.text|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, text: str):
        super().__init__()
        self._name = "Caption"
        self.text = text


class DataLayer(MacroElement):
    """One GeoJSON FeatureCollection drawn by ``window.OSINT.<factory>``.

    Article text travels inside the JSON (Jinja ``tojson`` escapes ``<``, ``>``, ``&`` and quotes)
    and is put on the page with ``textContent`` by osint-map.js: it is never parsed as HTML or JS.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = window.OSINT.{{ this.factory }}({{ this.data|tojson }});
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    FACTORIES = frozenset({"eventLayer", "movementLayer", "baseLayer", "mentionLayer"})

    def __init__(self, factory: str, data: dict[str, Any]):
        super().__init__()
        if factory not in self.FACTORIES:
            raise ValueError(f"unknown layer factory {factory!r}")
        self._name = "DataLayer"
        self.factory = factory
        self.data = data


def base_map(center: tuple[float, float] = (35.0, 38.0), zoom: int = 6, online_tiles: bool = False) -> folium.Map:
    """The map that does not change with filters (so st_folium never remounts it)."""
    m = folium.Map(location=list(center), zoom_start=zoom, tiles=None, control_scale=True, min_zoom=2, max_zoom=14,
                   world_copy_jump=True)
    m.default_js = local_js()
    m.default_css = local_css()
    Basemap(basemap_url()).add_to(m)
    if online_tiles:
        folium.TileLayer("OpenStreetMap", name="OpenStreetMap (online)", overlay=False, control=True).add_to(m)
    return m


def feature_group(name: str, factory: str, data: dict[str, Any]) -> folium.FeatureGroup:
    fg = folium.FeatureGroup(name=name)
    DataLayer(factory, data).add_to(fg)
    return fg


def data_layers(events_fc: dict[str, Any], bases_fc: dict[str, Any], show: set[str], caption: str = "",
                mentions_fc: dict[str, Any] | None = None) -> list[folium.FeatureGroup]:
    """The filtered data as feature groups, in drawing order (bases on top), and the caption."""
    groups = []
    if "mentions" in show and mentions_fc is not None:
        groups.append(feature_group("Place mentions", "mentionLayer", mentions_fc))
    if caption:
        fg = folium.FeatureGroup(name="Caption", control=False)
        Caption(caption).add_to(fg)
        groups.append(fg)
    if "movements" in show:
        groups.append(feature_group("Movements", "movementLayer", events_fc))
    if "events" in show:
        groups.append(feature_group("Events", "eventLayer", events_fc))
    if "bases" in show:
        groups.append(feature_group("Bases", "baseLayer", bases_fc))
    return groups


def _data_uri(path: Path, mime: str) -> str:
    return f"data:{mime};base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def standalone_html(events_fc: dict[str, Any], bases_fc: dict[str, Any], title: str,
                    center: tuple[float, float] = (35.0, 38.0), zoom: int = 6) -> bytes:
    """The current view as one self-contained HTML file: every asset inlined as a data: URI, so it opens
    from a USB stick in a room with no network (a briefing copy)."""
    leaflet, jquery = Path(xs_leaflet.BASE_DIR), Path(xs_jquery.BASE_DIR)
    m = folium.Map(location=list(center), zoom_start=zoom, tiles=None, control_scale=True, world_copy_jump=True)
    m.default_js = [("leaflet", _data_uri(leaflet / "leaflet.js", "text/javascript")),
                    ("jquery", _data_uri(jquery / "jquery.min.js", "text/javascript")),
                    ("osint_map", _data_uri(ASSET_DIR / "osint-map.js", "text/javascript"))]
    m.default_css = [("leaflet_css", _data_uri(leaflet / "leaflet.css", "text/css")),
                     ("osint_map_css", _data_uri(ASSET_DIR / "osint-map.css", "text/css"))]
    Basemap(_data_uri(BASEMAP_DIR / BASEMAP_FILE, "application/json")).add_to(m)
    for fg in data_layers(events_fc, bases_fc, {"bases", "movements", "events"}):
        fg.add_to(m)
    folium.LayerControl(collapsed=False).add_to(m)
    m.get_root().title = title
    return m.get_root().render().encode("utf-8")
