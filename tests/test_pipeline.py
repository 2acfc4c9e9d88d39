"""The pipeline's corpus cache and imported events."""

from __future__ import annotations

import json
import shutil

from conftest import ROOT

from geodata import pipeline
from geodata.settings import Settings


def test_build_reuses_an_unchanged_corpus_and_rebuilds_on_any_change(tmp_path):
    settings = Settings.from_env({"GEODATA_CACHE": str(tmp_path / "cache")})
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "seeds", corpus)
    calls = []

    def loader():
        from geodata.gazetteer import load_gazetteer
        calls.append(1)
        return load_gazetteer()

    first = pipeline.build(corpus, settings, gaz_loader=loader)
    again = pipeline.build(corpus, settings, gaz_loader=loader)
    assert len(calls) == 1  # the second came from disk, without even loading the gazetteer
    assert [e.to_dict() for e in again.events] == [e.to_dict() for e in first.events]
    (corpus / "new.txt").write_text("Published 2024-12-20. Russian troops left Damascus for the Hmeimim air base on "
                                    "Friday.", encoding="utf-8")
    changed = pipeline.build(corpus, settings, gaz_loader=loader)
    assert len(calls) == 2 and len(changed.articles) == len(first.articles) + 1


def test_imported_events_are_read_back_and_bad_lines_reported(tmp_path, seeds_result):
    path = tmp_path / "events.jsonl"
    lines = [json.dumps(e.to_dict()) for e in seeds_result.events[:3]] + ["{not json", json.dumps({"id": "x"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    events, problems = pipeline.read_events(path)
    assert [e.to_dict() for e in events] == [e.to_dict() for e in seeds_result.events[:3]]
    assert len(problems) == 2 and "line 4" in problems[0] and "line 5" in problems[1]
    empty = tmp_path / "empty"
    empty.mkdir()
    result = pipeline.build(empty, Settings.from_env().with_(events_file=path))
    assert len(result.events) == 3 and result.warnings[-2:] == problems
    assert pipeline.read_events(tmp_path / "missing.jsonl")[1][0].endswith("(No such file or directory)")
