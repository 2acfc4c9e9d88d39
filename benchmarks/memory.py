"""Peak resident memory of this process, in MB.

Linux's ``VmHWM`` (``/proc/self/status``) is the peak of this process's own address space. ``ru_maxrss`` is not
what a benchmark child wants: Linux carries it across ``fork`` and ``execve``, so a child started by a parent
that holds 570 MB (say, after writing a synthetic corpus) reports at least 570 MB whatever it does itself.
``ru_maxrss`` is the fallback where there is no ``/proc``.
"""

from __future__ import annotations

import resource
from pathlib import Path


def peak_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
