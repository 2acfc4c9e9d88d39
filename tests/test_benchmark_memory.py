"""benchmarks.memory: the peak a benchmark child reports is its own, not its parent's."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

from benchmarks.memory import peak_mb


def test_peak_grows_with_what_this_process_holds():
    before = peak_mb()
    block = bytearray(80 * 1024 * 1024)  # 80 MB, touched below so it is resident
    block[::4096] = b"x" * len(block[::4096])
    assert peak_mb() >= before + 60
    del block


def test_a_child_of_a_large_parent_reports_its_own_peak():
    held = bytearray(200 * 1024 * 1024)
    held[::4096] = b"x" * len(held[::4096])
    code = "from benchmarks.memory import peak_mb; print(peak_mb())"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert float(out.stdout) < 150, out.stdout  # a bare interpreter: some tens of MB, not the parent's 200+
    del held
