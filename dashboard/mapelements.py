"""The map's Leaflet elements, each a folium ``MacroElement`` whose script calls ``window.OSINT`` (the osint-*.js
files): the basemap, its labels, the legend, the PNG button, the caption, the data layers and the events canvas.

Article text reaches them only as JSON (Jinja ``tojson`` escapes ``<``, ``>``, ``&`` and quotes) and is put on the
page with ``textContent``: never parsed as HTML or JS.
"""

from __future__ import annotations

import base64
from datetime import date
from typing import Any

import numpy as np
from branca.element import MacroElement
from folium.template import Template

from geodata.export import MAP_EPOCH


def pack_mask(mask: np.ndarray | None) -> str | None:
    """A boolean mask as base64 bits (most significant bit first): 12.5 KB for 100,000 events."""
    if mask is None:
        return None
    return base64.b64encode(np.packbits(np.asarray(mask, dtype=bool)).tobytes()).decode("ascii")


class Basemap(MacroElement):
    """Natural Earth country polygons, fetched once by the iframe from the app's own server."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        window.OSINT.basemap({{ this._parent.get_name() }}, {{ this.url|tojson }}, {{ this.fill|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, url: str, fill: bool = True):
        super().__init__()
        self._name = "Basemap"
        self.url = url
        self.fill = fill


class Labels(MacroElement):
    """Names of countries, capitals, cities, seas, lakes and rivers, and the rivers and lakes themselves
    (``window.OSINT.labels`` in osint-labels.js), fetched once like the basemap."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        window.OSINT.labels({{ this._parent.get_name() }}, {{ this.url|tojson }}, {{ this.options|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, url: str, water: bool = True):
        super().__init__()
        self._name = "Labels"
        self.url = url
        self.options = {"water": water}


class Legend(MacroElement):
    """The legend control (event colours, precision, clusters, movements, base statuses) on the map itself."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        window.OSINT.legend({{ this._parent.get_name() }}, {{ this.open|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, open_: bool = False):
        super().__init__()
        self._name = "Legend"
        self.open = open_


class View(MacroElement):
    """The view a briefing room reads (``window.OSINT.view`` in osint-view.js): the map follows the data in range,
    base labels keep apart, the legend keeps off the data's centre; with ``fit_window`` (presentation mode) the map
    is sized to end at the window's bottom, so the page needs no scrolling."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        window.OSINT.view({{ this._parent.get_name() }}, {{ this.options|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, fit_window: bool = False):
        super().__init__()
        self._name = "View"
        self.options = {"fitWindow": fit_window, "minHeight": 320}


class Snapshot(MacroElement):
    """A map button that saves the map as drawn (basemap, events, routes, bases, caption, legend) as a PNG."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        window.OSINT.snapshotControl({{ this._parent.get_name() }}, {{ this.filename|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, filename: str = "osint-map"):
        super().__init__()
        self._name = "Snapshot"
        self.filename = filename


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
    and is put on the page with ``textContent`` by the map's scripts: it is never parsed as HTML or JS.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = window.OSINT.{{ this.factory }}({{ this.data|tojson }});
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    FACTORIES = frozenset({"baseLayer", "mentionLayer"})

    def __init__(self, factory: str, data: dict[str, Any]):
        super().__init__()
        if factory not in self.FACTORIES:
            raise ValueError(f"unknown layer factory {factory!r}")
        self._name = "DataLayer"
        self.factory = factory
        self.data = data


class EventsLayer(MacroElement):
    """Events and movements drawn on one canvas by ``OSINT.eventCanvas`` (clustered when they pile up).

    ``source`` is either ``{"draw": url, "details": [url, ...], "chunk": n}`` (the app: fetched once,
    memoised in the iframe; details by chunk on demand) or ``{"data": draw, "details_data": details}``
    (the standalone file). ``mask`` holds every filter but the dates; ``dates`` (``start``, ``end``,
    ``undated``) is applied by the layer itself, so when the analyst moves the date slider the map can
    redraw at once, before the app's rerun comes back. ``selected`` is the event whose popup opens. ``follow``: the
    map frames the data in range after it changes (osint-view.js); ``frame`` names what the app frames itself this
    run (a narrative step, a selected event), which the map then leaves as the app set it; ``frame_rows``: events
    whose places, as drawn, the map frames itself then (a step's event: its country-level ends at their border
    points, not at the countries' centroids).
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = window.OSINT.eventCanvas({{ this.spec|tojson }});
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, source: dict[str, Any], mask: np.ndarray | None, show: set[str], selected: int = -1,
                 dates: tuple[date, date, bool] | None = None, follow: bool = True, frame: str | None = None,
                 frame_rows: list[int] | None = None):
        super().__init__()
        self._name = "EventsLayer"
        self.spec = {"source": source, "mask": pack_mask(mask), "events": "events" in show,
                     "movements": "movements" in show, "selected": int(selected),
                     "dates": None if dates is None else {"start": (dates[0] - MAP_EPOCH).days,
                                                          "end": (dates[1] - MAP_EPOCH).days, "undated": dates[2]},
                     "watch": dates is not None, "follow": bool(follow), "frame": frame,
                     "frame_rows": [int(r) for r in frame_rows or ()]}
