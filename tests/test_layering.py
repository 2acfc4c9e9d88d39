"""The house's arrows: text → places → events → map. geodata never imports the dashboard or Streamlit, the
gazetteer imports nothing above it, and no module imports, even lazily, one that imports it back."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

# Lower layers first: a module may import its own layer's or a lower layer's modules, never a higher one's.
LAYERS = [
    {"geodata.vocabulary", "geodata.settings", "geodata.models", "geodata.fsio", "geodata.caseless", "geodata.gcpause",
     "geodata", "geodata.borders"},
    {"geodata.gazetteer"},
    {"geodata.corpus", "geodata.dates"},
    {"geodata.geoparse", "geodata.resolve", "geodata.parts", "geodata.geocoder"},
    {"geodata.events", "geodata.installations", "geodata.narrative", "geodata.curation", "geodata.names"},
    {"geodata.export", "geodata.pipeline"},
    {"geodata.cli", "geodata.__main__", "geodata.prepare"},
]


def _module(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module)
            out |= {f"{node.module}.{a.name}" for a in node.names}
    return out


def _graph(folder: str) -> dict[str, set[str]]:
    mods = {_module(p): p for p in (ROOT / folder).rglob("*.py")}
    return {m: {i for i in _imports(p) if i in mods and i != m} for m, p in mods.items()}


def _layer(module: str) -> int:
    """The layer of a module (a package's modules take the package's), -1 when it has none."""
    for n, layer in enumerate(LAYERS):
        for prefix in layer:
            if module == prefix or (prefix != "geodata" and module.startswith(prefix + ".")):
                return n
    return -1


def test_geodata_never_imports_the_dashboard_or_streamlit():
    bad = {str(p.relative_to(ROOT)): sorted(i for i in _imports(p) if i.split(".")[0] in ("dashboard", "streamlit",
                                                                                          "streamlit_folium"))
           for p in (ROOT / "geodata").rglob("*.py")}
    assert {k: v for k, v in bad.items() if v} == {}


def test_no_upward_arrow():
    graph = _graph("geodata")
    assert sorted(m for m in graph if _layer(m) < 0) == [], "a module with no layer: add it to LAYERS"
    up = sorted(f"{m} -> {i}" for m, deps in graph.items() for i in deps if _layer(i) > _layer(m))
    assert up == []


def test_no_import_cycle():
    for folder in ("geodata", "dashboard"):
        graph = _graph(folder)
        # a package's __init__ re-exporting its own modules is not a cycle of the house
        graph = {m: {i for i in deps if not m.startswith(i + ".") and not i.startswith(m + ".")} for m, deps in graph.items()}
        state: dict[str, int] = {}

        def visit(m: str, path: list[str], graph=graph, state=state) -> None:
            state[m] = 1
            for i in sorted(graph.get(m, ())):
                assert state.get(i) != 1, "import cycle: " + " -> ".join([*path, m, i])
                if i not in state:
                    visit(i, [*path, m], graph, state)
            state[m] = 2

        for m in sorted(graph):
            if m not in state:
                visit(m, [])
