"""benchmarks.memory: the peak a benchmark child reports is its own, not its parent's."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

from benchmarks.memory import peak_mb


def _child(code: str) -> list[float]:
    out = subprocess.run([sys.executable, "-c", "from benchmarks.memory import peak_mb\n" + code], cwd=ROOT,
                         capture_output=True, text=True, check=True)
    return [float(x) for x in out.stdout.split()]


def test_peak_grows_with_what_a_process_holds():
    # in a fresh process: this one's peak is whatever the earlier tests held
    before, after = _child("before = peak_mb()\n"
                           "block = bytearray(80 * 1024 * 1024)\n"
                           "block[::4096] = b'x' * len(block[::4096])\n"  # touched, so resident
                           "print(before, peak_mb())")
    assert after >= before + 60, (before, after)
    assert peak_mb() > 0


def test_a_child_of_a_large_parent_reports_its_own_peak():
    held = bytearray(200 * 1024 * 1024)
    held[::4096] = b"x" * len(held[::4096])
    (peak,) = _child("print(peak_mb())")
    assert peak < 150, peak  # a bare interpreter: some tens of MB, not the parent's 200+
    del held
