import json
import subprocess
import sys

from conftest import ROOT, SEEDS


def cli(*args):
    return subprocess.run([sys.executable, "-m", "geodata", *args], capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_geocode_json():
    r = cli("geocode", "Khmeimim", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert set(out) == {"name", "lat", "lon", "kind", "country_code", "source", "confidence"}
    assert out["kind"] == "air_base" and out["country_code"] == "SY"


def test_geocode_miss_exits_1():
    r = cli("geocode", "Qwxzyville")
    assert r.returncode == 1 and "not found" in r.stderr


def test_places_offsets_index_the_file(tmp_path):
    f = tmp_path / "a.txt"
    text = "Çà: ships left Tartus for the Mediterranean."
    f.write_text(text, encoding="utf-8")
    r = cli("places", str(f), "--json")
    line = json.loads(r.stdout.strip())
    assert line["file"] == str(f)
    assert [m["text"] for m in line["places"]] == ["Tartus", "Mediterranean"]  # after two non-ASCII letters
    for m in line["places"]:
        assert text[m["start"]:m["end"]] == m["text"] and m["role"] == "literal"


def test_unreadable_files_are_reported_and_exit_codes(tmp_path):
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("Ships left Tartus on Monday.", encoding="utf-8")
    bad.write_bytes(b"\xff\xfe\x00 not text")
    r = cli("places", str(good), str(bad), "--json")
    assert r.returncode == 0 and "error:" in r.stderr and json.loads(r.stdout.splitlines()[0])["places"]
    strict = cli("places", str(good), str(bad), "--json", "--strict")
    assert strict.returncode == 2 and strict.stdout == r.stdout


def test_extract_applies_the_corpus_curations_and_round_trips_as_jsonl(tmp_path):
    import shutil

    from geodata import curation
    from geodata.pipeline import read_events

    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    before = json.loads(cli("extract", str(corpus), "--json").stdout)
    first = before["articles"][0]["events"]
    gone, edited = first[0]["id"], first[1]["id"]
    curation.record(curation.path_for(corpus), curation.Curation(event_id=gone, action="reject"))
    curation.record(curation.path_for(corpus), curation.Curation(event_id=edited, action="edit", status="denied"))
    after = json.loads(cli("extract", str(corpus), "--json").stdout)
    evs = {e["id"]: e for a in after["articles"] for e in a["events"]}
    assert gone not in evs and evs[edited]["status"] == "denied"  # as the app shows them
    jl = cli("extract", str(corpus), "--jsonl")
    assert jl.returncode == 0, jl.stderr
    path = tmp_path / "events.jsonl"
    path.write_text(jl.stdout, encoding="utf-8")
    events, problems = read_events(path)
    assert problems == [] and {e.id for e in events} >= set(evs) and gone not in {e.id for e in events}
    assert [e.to_dict() for e in events] == [json.loads(line) for line in jl.stdout.splitlines()]
    doc = tmp_path / "extract.json"  # the --json document reads back too, not an AttributeError
    doc.write_text(json.dumps(after), encoding="utf-8")
    back, problems = read_events(doc)
    assert problems == [] and edited in {e.id for e in back}


def test_extract_folder_and_single_file(tmp_path):
    r = cli("extract", str(SEEDS), "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert len(out["articles"]) == 5
    ev = next(e for a in out["articles"] for e in a["events"])
    assert {"id", "type", "status", "date", "date_end", "date_precision", "place", "origin", "destination", "actors",
            "quote", "start", "end", "confidence", "sources"} <= set(ev)
    f = tmp_path / "one.txt"
    f.write_text("On Sunday the frigate left the port of Tartus.", encoding="utf-8")
    r = cli("extract", str(f), "--published", "2024-12-09", "--json")
    ev = json.loads(r.stdout)["articles"][0]["events"][0]
    assert ev["date"] == "2024-12-08" and ev["date_end"] == "2024-12-08"
    bad = cli("extract", str(f), "--published", "yesterday")
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr
