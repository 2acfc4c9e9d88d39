"""Split GeoJSON polygons at the antimeridian, so that no ring jumps across the map (dev-time helper).

world-atlas' TopoJSON is spherical: a ring that crosses 180 degrees goes straight from 179.9 to -179.9, and
Antarctica's rings go round the South Pole. Drawn on a flat map (Leaflet), each such jump is a streak across
the whole world. Here every ring is unwrapped (longitudes made continuous), rings that go round a pole are
closed along it, and the result is cut into the [-180, 180] world (the part past 180 shifted back by 360).
Polygons without a jump are returned exactly as they are.

Used by ``derive_natural_earth.py`` (the basemap) and ``derive_basemap_labels.py`` (which also applies it
to the committed basemap in place)."""

from __future__ import annotations

import shapely
from shapely.geometry import Polygon, box
from shapely.geometry.polygon import orient

JUMP = 180.0  # a step of more than this in longitude is a crossing of the antimeridian, not a real edge
ROUND = 3  # decimals kept (the basemap is rounded to 0.001 degrees)


def has_jump(ring: list) -> bool:
    return any(abs(b[0] - a[0]) > JUMP for a, b in zip(ring, ring[1:], strict=False))


def unwrap(ring: list) -> list[tuple[float, float]]:
    """The ring with each jump across +-180 undone: longitudes continuous, possibly past +-180."""
    out = [(float(ring[0][0]), float(ring[0][1]))]
    shift = 0.0
    for a, b in zip(ring, ring[1:], strict=False):
        d = b[0] - a[0]
        if d > JUMP:
            shift -= 360.0
        elif d < -JUMP:
            shift += 360.0
        out.append((b[0] + shift, float(b[1])))
    return out


def _polygon(rings: list) -> shapely.Geometry:
    """One GeoJSON polygon (outer ring, holes) as a planar shapely geometry in unwrapped longitudes."""
    shells, holes = [], []
    for k, ring in enumerate(rings):
        pts = unwrap(ring)
        net = pts[-1][0] - pts[0][0]
        if abs(net) > JUMP:  # goes round a pole: close it along the pole
            pole = -90.0 if sum(y for _, y in pts) < 0 else 90.0
            k = round((-180.0 - min(x for x, _ in pts)) / 360.0)  # onto -180..180, where the others lie
            pts = [(x + 360.0 * k, y) for x, y in pts]
            a, b = pts[-1][0], pts[0][0]
            # along the pole in steps of 90 degrees: no edge of the result is longer than JUMP
            steps = [a + (b - a) * i / 4 for i in range(5)]
            pts = [*pts, *[(x, pole) for x in steps]]
            shells.append(shapely.make_valid(Polygon(pts)))
        elif k == 0:
            shells.append(shapely.make_valid(Polygon(pts)))
        else:
            holes.append(pts)
    geom = shapely.union_all(shells)
    if holes:
        lo = geom.bounds[0]
        for pts in holes:
            # a hole unwrapped from another start may lie 360 degrees off its shell
            k = round((lo - min(x for x, _ in pts)) / 360.0)
            hole = shapely.make_valid(Polygon([(x + 360.0 * k, y) for x, y in pts]))
            geom = geom.difference(hole)
    return geom


def _parts(geom: shapely.Geometry) -> list[Polygon]:
    if geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    return [p for g in getattr(geom, "geoms", []) for p in _parts(g)]


def _rounded(poly: Polygon) -> list | None:
    rings = []
    for ring in [poly.exterior, *poly.interiors]:
        pts = []
        for x, y in ring.coords:
            pt = [round(x, ROUND) + 0.0, round(y, ROUND) + 0.0]
            if not pts or pt != pts[-1]:
                pts.append(pt)
        if len(pts) >= 4:
            rings.append(pts)
        elif not rings:
            return None  # the outer ring vanished in the rounding
    return rings


def split_polygon(rings: list) -> list[list]:
    """One GeoJSON polygon's rings -> a list of polygons' rings, none crossing the antimeridian."""
    if not any(has_jump(r) for r in rings):
        return [rings]
    geom = _polygon(rings)
    out = []
    for k in (-1, 0, 1):
        piece = geom.intersection(box(-180.0 + 360.0 * k, -90.0, 180.0 + 360.0 * k, 90.0))
        for p in _parts(piece):
            if p.area < 1e-6:
                continue
            p = orient(shapely.transform(p, lambda xy, k=k: xy - [360.0 * k, 0.0]), 1.0)
            r = _rounded(p)
            if r:
                out.append(r)
    return out


def split_geometry(geometry: dict) -> dict:
    """A GeoJSON Polygon or MultiPolygon with every polygon that crosses the antimeridian cut there."""
    if geometry["type"] not in ("Polygon", "MultiPolygon"):
        return geometry
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    if not any(has_jump(r) for p in polygons for r in p):
        return geometry
    out = [q for p in polygons for q in split_polygon(p)]
    if len(out) == 1:
        return {"type": "Polygon", "coordinates": out[0]}
    return {"type": "MultiPolygon", "coordinates": out}

