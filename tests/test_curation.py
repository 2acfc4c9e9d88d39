from datetime import date

import pytest

from geodata import curation
from geodata.curation import Curation, CurationError
from geodata.geocoder import OfflineGazetteer


def test_decisions_survive_a_rebuild_and_orphans_are_reported(tmp_path, seeds_result, gaz):
    path = tmp_path / "curations.csv"
    events = seeds_result.events
    a, b, c = events[0], events[1], events[2]
    curation.record(path, Curation(a.id, "reject", note="not an event", analyst="ana"))
    curation.record(path, Curation(b.id, "edit", type="withdrawal", date="2024-12-10", place="Tartus", analyst="ana"))
    curation.record(path, Curation(c.id, "confirm", analyst="bob"))
    curation.record(path, Curation("man-0001", "add", type="ship_movement", date="2024-12-11", place="Tartus",
                                   destination="Black Sea", quote="Observed leaving port.", analyst="ana"))
    curation.record(path, Curation("ev-gone", "confirm", analyst="bob"))
    # "Rebuild": the same extraction runs again; decisions come from the file, not from memory.
    out, report = curation.apply(list(events), curation.read(path), OfflineGazetteer(gaz).place)
    ids = {e.id for e in out}
    assert a.id not in ids and report.rejected == [a.id]
    edited = next(e for e in out if e.id == b.id)
    assert edited.type == "withdrawal" and edited.date == date(2024, 12, 10) and edited.review == "edit"
    assert edited.place.name.startswith("Ţarţūs") or "Tartus" in edited.place.name
    assert next(e for e in out if e.id == c.id).review == "confirm"
    added = next(e for e in out if e.id == "man-0001")
    assert added.destination.name == "Black Sea" and added.review == "add"
    assert [d.event_id for d in report.orphaned] == ["ev-gone"]


def test_file_is_sorted_diff_friendly_csv(tmp_path):
    path = tmp_path / "curations.csv"
    curation.record(path, Curation("ev-b", "confirm"))
    curation.record(path, Curation("ev-a", "reject", note='says "no", really'))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("event_id,action,")
    assert [ln.split(",")[0] for ln in lines[1:]] == ["ev-a", "ev-b"]
    assert curation.read(path)["ev-a"].note == 'says "no", really'


def test_two_sessions_never_overwrite_each_other(tmp_path):
    path = tmp_path / "curations.csv"
    stale_view = curation.read(path)  # session 1 loaded the (empty) file
    curation.record(path, Curation("ev-1", "confirm", analyst="s1"))
    curation.record(path, Curation("ev-2", "reject", analyst="s2"))  # session 2, written after
    assert stale_view == {}
    assert set(curation.read(path)) == {"ev-1", "ev-2"}
    assert curation.withdraw(path, "ev-1") and set(curation.read(path)) == {"ev-2"}
    assert not list(tmp_path.glob(".curations.csv.*.tmp"))  # no temporary files left behind


def test_bad_decisions_are_refused(tmp_path):
    path = tmp_path / "curations.csv"
    with pytest.raises(CurationError):
        curation.record(path, Curation("ev-1", "delete"))
    with pytest.raises(CurationError):
        curation.record(path, Curation("ev-1", "edit", date="12/10/2024"))
    with pytest.raises(CurationError):
        curation.record(path, Curation("man-1", "add", type="withdrawal"))
    assert not path.exists()


def test_build_applies_the_corpus_curations(tmp_path, gaz):
    from geodata.pipeline import build

    (tmp_path / "a.txt").write_text("Published 2024-12-09. On Sunday the frigate left the port of Tartus.", encoding="utf-8")
    first = build(tmp_path, gaz_loader=lambda: gaz)
    ev = first.events[0]
    curation.record(curation.path_for(tmp_path), Curation(ev.id, "edit", status="denied", analyst="ana"))
    curation.record(curation.path_for(tmp_path), Curation("ev-missing", "reject", analyst="ana"))
    again = build(tmp_path, gaz_loader=lambda: gaz)
    assert again.events[0].status == "denied" and again.events[0].review == "edit"
    assert any("ev-missing" in w and "no longer exists" in w for w in again.warnings)
    assert curation.read(curation.path_for(tmp_path))["ev-missing"].action == "reject"  # kept, not dropped
