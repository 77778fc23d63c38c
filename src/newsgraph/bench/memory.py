"""Peak resident memory and CPU time of this process and its worker processes, sampled while a
run goes on.

``getrusage`` cannot tell one worker from another, misses the grandchildren a Dask nanny starts,
and its peak survives ``exec`` (a worker started from a large process inherits its figure), so a
thread reads the resident set and CPU time of every descendant process a few times a second.
CPU seconds per article do not depend on what else the machine runs, unlike articles per second.
"""

from __future__ import annotations

import os
import threading
from types import TracebackType

import psutil

__all__ = ["MemorySampler"]


class MemorySampler:
    """Use as a context manager around a run; then ``peaks`` maps each process id (this one and
    every descendant met) to its largest resident set seen, in MB, and ``cpu`` to the CPU seconds
    it used during the run (last sample: up to ``interval`` of a process that ended is missed)."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval = interval
        self.peaks: dict[int, float] = {}
        self.cpu: dict[int, float] = {}
        self._cpu_before: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="newsgraph-memory", daemon=True)
        self._me = psutil.Process(os.getpid())

    def __enter__(self) -> MemorySampler:
        self._sample()
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    @property
    def cpu_seconds(self) -> float:
        """CPU seconds used during the run by this process and its descendants."""
        return sum(self.cpu.values())

    @property
    def own_peak_mb(self) -> float:
        return self.peaks.get(self._me.pid, 0.0)

    @property
    def worker_peaks_mb(self) -> dict[int, float]:
        """The peaks of the descendant processes (the workers, and a Dask nanny or two)."""
        return {pid: peak for pid, peak in self.peaks.items() if pid != self._me.pid}

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def _sample(self) -> None:
        try:
            processes = [self._me, *self._me.children(recursive=True)]
        except psutil.Error:
            return
        for process in processes:
            try:
                rss = process.memory_info().rss / (1024 * 1024)
                times = process.cpu_times()
            except psutil.Error:
                continue
            used = times.user + times.system
            # A process already running when sampling starts counts from then on.
            before = self._cpu_before.setdefault(process.pid, used if not self._thread.is_alive() else 0.0)
            self.peaks[process.pid] = max(self.peaks.get(process.pid, 0.0), rss)
            self.cpu[process.pid] = used - before
