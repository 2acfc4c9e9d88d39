"""The vocabulary as the app shows it: labels and colours of event types, statuses and date precisions.

Read from ``geodata.vocabulary`` at call time (never copied here), so a test that swaps the module's
``VOCABULARY``/``EVENT_TYPES`` sees its types reach the sidebar, the table and the timeline. A type the
vocabulary does not know (imported events) keeps its raw name and is drawn grey, as on the map.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from geodata import vocabulary as v

UNKNOWN_COLOR = "#aaaaaa"  # the map's colour for a type the vocabulary does not know (osint-core.js)


def event_types() -> tuple[str, ...]:
    return v.EVENT_TYPES


def type_label(name: str) -> str:
    t = v.VOCABULARY.event_type(name)
    return t.label if t else str(name)


def type_color(name: str) -> str:
    t = v.VOCABULARY.event_type(name)
    return t.color if t else UNKNOWN_COLOR


def type_scale(present: Iterable[str] = ()) -> tuple[list[str], list[str]]:
    """The timeline's colour scale: every type in display order, then any unknown type in the data."""
    names = list(event_types())
    names += sorted({str(t) for t in present} - set(names))
    return names, [type_color(t) for t in names]


def status_label(name: str) -> str:
    s = next((s for s in v.VOCABULARY.event_statuses if s.name == name), None)
    return s.label if s else str(name)


def precision_label(name: str | None) -> str:
    p = next((p for p in v.VOCABULARY.date_precisions if p.name == name), None)
    return p.label if p else (str(name) if name else "undated")


# The events table as the analyst reads it: (column, header); values of the vocabulary's columns as labels.
TABLE_COLUMNS = (
    ("date", "Date"), ("date_end", "Until"), ("date_precision", "Precision"), ("type", "Type"), ("status", "Status"),
    ("place", "Place"), ("origin", "From"), ("destination", "To"), ("actors", "Actors"), ("quote", "Quote"),
    ("source", "Source"), ("title", "Title"), ("published", "Published"), ("n_sources", "Sources"),
    ("confidence", "Confidence"), ("review", "Review"),
)
_LABELLED = {"type": type_label, "status": status_label, "date_precision": precision_label}


def table_view(frame: pd.DataFrame, columns: Iterable[str] | None = None) -> pd.DataFrame:
    """``frame``'s columns (all of TABLE_COLUMNS by default) with human headers and the vocabulary's labels."""
    headers = dict(TABLE_COLUMNS)
    cols = [c for c, _ in TABLE_COLUMNS] if columns is None else list(columns)
    out = frame[cols].copy()
    for col, label in _LABELLED.items():
        if col in out:
            out[col] = out[col].map(label)
    return out.rename(columns={c: headers.get(c, c) for c in cols})
