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
    for m in line["places"]:
        assert text[m["start"]:m["end"]] == m["text"]


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
