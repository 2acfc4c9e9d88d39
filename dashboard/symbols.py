"""NATO symbols (APP-6 D / MIL-STD-2525 D) for the installations, an option of the bases layer (off by default): one
small SVG per (kind, status), made here by the ``milsymbol`` package (a Python port of milsymbol.js that ships its
symbols' drawings: nothing is fetched, no script is served) and handed to ``osint-bases.js`` as ``data:`` URIs.

Affiliation is *unknown* (the yellow quatrefoil frame): news does not say whose a base is, and the map makes no
claim to know. The base's status on the end date is a halo in the vocabulary's status colour around the frame (and
stays in the label), so the standard symbol itself is unchanged."""

from __future__ import annotations

import base64
import functools
import re

from geodata.vocabulary import BASE_STATUSES, INSTALLATION_KINDS, VOCABULARY

# 20-digit SIDCs: version 10 (APP-6 D / 2525 D), context 0 (reality), affiliation 1 (unknown), symbol set 20 (land
# installation), status 0 (present), no HQ/task force, no amplifier; then the entity (the function code), no modifiers.
ENTITIES = {
    "air_base": "121301",  # transportation infrastructure: airport / air base
    "airport": "121301",
    "naval_base": "121309",  # transportation infrastructure: sea port / naval base
    "port": "121309",
    "military_base": "120802",  # military infrastructure: military base
}
SIZE = 22  # milsymbol's scale (100 = its base size): a quatrefoil about 30 px across, beside the 24 px glyph badges
HALO = 16  # the status halo's width around the frame, in the symbol's own units (its frame stroke is 4)
_FIRST_PATH = re.compile(r"<path\b[^>]*>\s*</path>")


def sidc(kind: str) -> str:
    return f"1001200000{ENTITIES[kind]}0000"


def _with_halo(svg: str, colour: str) -> str:
    """The symbol with a copy of its frame (the first path) drawn under it, wide and in ``colour``."""
    frame = _FIRST_PATH.search(svg)
    if frame is None:
        return svg
    halo = re.sub(r'stroke-width="[^"]*"', f'stroke-width="{HALO}"', frame.group(0))
    halo = re.sub(r'stroke="[^"]*"', f'stroke="{colour}"', halo)
    halo = re.sub(r'fill="[^"]*"', 'fill="none"', halo).replace("<path ", '<path stroke-linejoin="round" ', 1)
    return svg[:frame.start()] + halo + svg[frame.start():]


def svg(kind: str, status: str) -> tuple[str, float, float, dict[str, float]]:
    """The SVG of one installation kind in one status, its width and height in pixels and its anchor (the frame's
    centre, where the place is)."""
    from milsymbol import Symbol  # its symbol table takes ~1.5 s to load: only when the option is turned on

    colour = next(s.stroke for s in VOCABULARY.base_statuses if s.name == status)
    sym = Symbol(sidc(kind), size=SIZE, outline_width=HALO / 2)  # the outline only widens the box: room for the halo
    if not sym.is_valid():
        raise ValueError(f"milsymbol has no symbol for {sidc(kind)} ({kind})")
    size, anchor = sym.get_size(), sym.get_anchor()
    return _with_halo(sym.as_svg(), colour), size["width"], size["height"], anchor


@functools.cache
def icons() -> dict[str, dict[str, dict[str, object]]]:
    """Every installation kind's symbol in every base status: ``{kind: {status: {"url", "size", "anchor"}}}``, the
    bases layer's ``symbols`` (made once per process)."""
    out: dict[str, dict[str, dict[str, object]]] = {}
    for kind in sorted(INSTALLATION_KINDS & ENTITIES.keys()):
        for status in BASE_STATUSES:
            text, width, height, anchor = svg(kind, status)
            out.setdefault(kind, {})[status] = {
                "url": "data:image/svg+xml;base64," + base64.b64encode(text.encode("utf-8")).decode("ascii"),
                "size": [round(width), round(height)], "anchor": [round(anchor["x"]), round(anchor["y"])]}
    return out
