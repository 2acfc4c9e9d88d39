"""geodata.settings: the one reader of GEODATA_* (tests give it an environment of their own)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT

from geodata.settings import DEFAULT_CORPUS, Settings


def test_from_env_reads_every_variable(tmp_path):
    s = Settings.from_env({"GEODATA_CORPUS": str(tmp_path), "GEODATA_GEONAMES": "cities500", "GEODATA_ROI": "sy, tr,,IQ",
                           "GEODATA_CACHE": str(tmp_path / "c"), "GEODATA_EVENTS": "ev.jsonl",
                           "GEODATA_NOMINATIM": " http://127.0.0.1:9 "})
    assert s == Settings(corpus=tmp_path, geonames="cities500", roi=("SY", "TR", "IQ"), cache=tmp_path / "c",
                         events_file=Path("ev.jsonl"), nominatim="http://127.0.0.1:9")


def test_defaults_and_a_bad_value():
    s = Settings.from_env({"XDG_CACHE_HOME": "/x"})
    assert s.corpus == DEFAULT_CORPUS and s.roi == () and s.events_file is None and s.cache == Path("/x/geodata")
    with pytest.raises(ValueError, match="GEODATA_GEONAMES"):
        Settings.from_env({"GEODATA_GEONAMES": "cities42"})


def test_only_the_settings_module_reads_the_environment():
    readers = []
    for folder in ("geodata", "dashboard"):
        for f in sorted((ROOT / folder).rglob("*.py")):
            text = f.read_text(encoding="utf-8")
            if f.name != "settings.py" or f.parent.name != "geodata":
                if re.search(r"GEODATA_", text):
                    readers.append(str(f.relative_to(ROOT)))
    assert readers == []
