"""geodata.fsio: whole-file replacement and writers' locks that leave nothing behind in the folder."""

from __future__ import annotations

import threading
from pathlib import Path

from geodata.fsio import atomic_write, locked


def test_concurrent_read_modify_write_loses_nothing_and_leaves_no_litter(tmp_path: Path):
    target = tmp_path / "counter.txt"
    atomic_write(target, b"0")

    def bump() -> None:
        for _ in range(25):
            with locked(target):
                n = int(target.read_bytes())  # re-read under the lock, as every writer of ours does
                atomic_write(target, str(n + 1).encode())

    threads = [threading.Thread(target=bump) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert target.read_bytes() == b"100"  # without the lock, increments are lost
    assert sorted(p.name for p in tmp_path.iterdir()) == ["counter.txt"]  # no .lock, no temporary files

