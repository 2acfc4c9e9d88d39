from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def gaz():
    from geodata.gazetteer import load_gazetteer

    return load_gazetteer()


@pytest.fixture(scope="session")
def seeds_result(gaz):
    from geodata.pipeline import build

    return build(SEEDS, gaz)
