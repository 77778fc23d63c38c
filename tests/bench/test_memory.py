"""The sampler sees a worker process by its own id, with its memory and CPU time."""

from __future__ import annotations

import subprocess
import sys

from newsgraph.bench.memory import MemorySampler

# A child that holds about 200 MB and burns CPU for a moment.
CHILD = "data = bytearray(200 * 1024 * 1024); data[::4096] = b'x' * len(data[::4096]); sum(range(10**7))"


def test_a_child_process_is_measured_apart_from_this_one() -> None:
    with MemorySampler(interval=0.05) as sampler:
        child = subprocess.Popen([sys.executable, "-c", CHILD + "; import time; time.sleep(0.5)"])
        child.wait()
    assert child.pid in sampler.worker_peaks_mb
    assert sampler.worker_peaks_mb[child.pid] > 190
    assert sampler.cpu[child.pid] > 0.1
    assert sampler.own_peak_mb > 0
