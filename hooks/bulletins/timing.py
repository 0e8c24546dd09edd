"""Opt-in timing of the site's own hook events, for benchmarks/build_bench.py.

Set BULLETIN_HOOK_TIMINGS=<path> and every decorated hook event adds its wall and CPU time to
totals per event (CPU time tells the hooks' share apart from waiting on a shared machine); `write_report` (called at the end of the build) writes them to <path> as JSON. Without
the variable, `timed` returns the event function itself, so a normal build pays nothing.
"""

from __future__ import annotations

import functools
import json
import os
import time
from collections import defaultdict
from collections.abc import Callable

ENV_VAR = "BULLETIN_HOOK_TIMINGS"

# event name -> [wall seconds, CPU seconds, calls]; emptied at each build start (mkdocs serve
# keeps this module).
_totals: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])


def enabled() -> bool:
    return bool(os.environ.get(ENV_VAR))


def timed(event: str) -> Callable[[Callable], Callable]:
    """Decorator: add the wall time of each call to `event`'s total, when timing is enabled."""

    def decorate(function: Callable) -> Callable:
        if not enabled():
            return function

        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            start, start_cpu = time.perf_counter(), time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                total = _totals[event]
                total[0] += time.perf_counter() - start
                total[1] += time.process_time() - start_cpu
                total[2] += 1

        return wrapper

    return decorate


def reset() -> None:
    _totals.clear()


def totals() -> dict[str, list[float]]:
    """This process's totals, for a background process to hand back to the build (`merge`)."""
    return {event: list(total) for event, total in _totals.items()}


def merge(other: dict[str, list[float]]) -> None:
    for event, (seconds, cpu, calls) in other.items():
        total = _totals[event]
        total[0] += seconds
        total[1] += cpu
        total[2] += calls


def write_report() -> None:
    """Write {event: {"seconds", "cpu_seconds", "calls"}} to the file named by the variable."""
    path = os.environ.get(ENV_VAR)
    if not path:
        return
    report = {
        event: {"seconds": round(seconds, 6), "cpu_seconds": round(cpu, 6), "calls": int(calls)}
        for event, (seconds, cpu, calls) in sorted(_totals.items())
    }
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        json.dump(report, handle, indent=2, sort_keys=True)
        handle.write("\n")
