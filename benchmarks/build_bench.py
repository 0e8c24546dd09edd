"""How long the site takes to build, and how big it is, at archive scale.

    python benchmarks/build_bench.py 500 5000

For each N: generates a project of N synthetic issues (benchmarks/corpus.py), then builds it
three times, each in its own process (peak memory: that process and the child it forks to write
the search index, together):
the real `mkdocs build --strict` with the hooks timing their own events
(BULLETIN_HOOK_TIMINGS, see hooks/bulletins/timing.py), the same without the site's search
index, and
a plain Material build of the same Markdown (benchmarks/build_variant.py). It prints the figures
and, when several N are given, the ratio of each figure between the largest and the smallest N.
`--variants full,nosearch,plain,material-search` adds the plain build with Material's own search
plugin, to weigh the site's search index against what search costs a plain Material site.
With `--repeat K` each variant is built K times in turn and the run of least CPU time is kept
(with its own hooks' timings): on a shared machine the slower runs measure the neighbours.
The last line, for automation, is the full build of the last N:

    build N=5000: wall 52.1 s, peak 1.21 GB, output 210 MB, page 38 kB, hooks 6.2 %

Units are decimal (1 GB = 10^9 bytes, 1 kB = 1000 bytes); "page" is the median size of a
bulletin page's HTML; "hooks" is the hooks' own CPU time as a share of the full build's CPU time
(the search index's included, though it runs beside the pages on a second core; the hooks' share
of the wall time, counting the index by what the build waits for it, is printed above it).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from build_variant import HOOKLESS_VARIANTS  # no hook runs there, none is timed
from corpus import write_project

HERE = Path(__file__).resolve().parent
TIMINGS_ENV = "BULLETIN_HOOK_TIMINGS"  # hooks/bulletins/timing.py
SEARCH_INDEX_EVENT = "search_index"  # the hooks' timed event that builds the site's search index
# A build writes the search index in a forked child beside the page rendering; the build waits
# for it at the end (this event). What the index adds to the build's wall time is this wait.
SEARCH_INDEX_WAIT_EVENT = "search_index_wait"


@dataclass
class BuildRun:
    variant: str
    wall: float  # seconds
    peak: int  # bytes, maximum resident set of the build process
    cpu: float = 0.0  # seconds of user + system time: steadier than wall on a shared machine
    output: int = 0  # bytes under site/
    files: int = 0  # files under site/ (static hosts limit files per site)
    page: int = 0  # median bytes of a bulletin page's index.html
    hooks: dict = field(default_factory=dict)  # event -> {"seconds", "calls"}

    @property
    def hook_seconds(self) -> float:
        return sum(event["seconds"] for event in self.hooks.values())

    @property
    def hook_cpu_seconds(self) -> float:
        return sum(event.get("cpu_seconds", 0.0) for event in self.hooks.values())

    @property
    def hook_share(self) -> float:
        """Percent of the build that is the hooks' own work: CPU time over CPU time, which
        stays what it would be on an idle machine when other jobs share the cores."""
        return 100 * self.hook_cpu_seconds / self.cpu if self.cpu else 0.0

    @property
    def hook_path_seconds(self) -> float:
        """The hooks' wall time on the build's path: the search index counts only by the time
        the build waited for it (its own time passed beside the page rendering)."""
        beside = self.hooks.get(SEARCH_INDEX_EVENT, {}).get("seconds", 0.0)
        if SEARCH_INDEX_WAIT_EVENT not in self.hooks:  # built in line
            beside = 0.0
        return self.hook_seconds - beside

    @property
    def search_index_cpu_seconds(self) -> float:
        return self.hooks.get(SEARCH_INDEX_EVENT, {}).get("cpu_seconds", 0.0)

    @property
    def hook_share_without_search_index(self) -> float:
        """The hooks' share when the search index is left out of both the hooks and the build."""
        rest = self.cpu - self.search_index_cpu_seconds
        return 100 * (self.hook_cpu_seconds - self.search_index_cpu_seconds) / rest if rest else 0.0


def run_build(variant: str, project: Path, site: Path, timings: Path | None = None) -> BuildRun:
    """One build in a child process; wall time and that process's peak memory."""
    if variant == "full":
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)]
    else:
        command = [sys.executable, str(HERE / "build_variant.py"), variant, str(project), str(site)]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if timings is not None:
        environment[TIMINGS_ENV] = str(timings)
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=project, env=environment, stderr=subprocess.PIPE, text=True
    )
    sampler = TreeMemorySampler(process.pid)
    # wait4 gives this child's own rusage (Popen.wait would hide it); read stderr first: no deadlock.
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    sampler.stop()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{variant} build of {project} failed ({process.returncode}):\n{errors}")
    # ru_maxrss is the largest single process (KiB); the sampler sums the build and its child.
    peak = max(usage.ru_maxrss * 1024, sampler.peak)
    run = BuildRun(variant, wall, peak, usage.ru_utime + usage.ru_stime)  # CPU includes the child
    run.output, run.page, run.files = output_sizes(site)
    if timings is not None:
        run.hooks = json.loads(timings.read_text(encoding="utf-8"))
    return run


class TreeMemorySampler:
    """Peak memory of a process and its descendants together (the build and the child writing
    the search index run at once): the sum of their proportional set sizes (PSS, so pages the
    forked child shares with its parent count once), sampled every 0.1 s."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._running = pid, 0, True
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._running = False
        self._thread.join()

    def _sample(self) -> None:
        while self._running:
            self.peak = max(self.peak, sum(_pss(pid) for pid in _tree(self.pid)))
            time.sleep(0.1)


def _tree(pid: int) -> list[int]:
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [pid] + [p for child in children for p in _tree(int(child))]


def _pss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def output_sizes(site: Path) -> tuple[int, int, int]:
    """(total bytes of the site, median bytes of a bulletin page: bulletins/<year>/<id>/index.html,
    number of files)."""
    sizes = [path.stat().st_size for path in site.rglob("*") if path.is_file()]
    pages = [path.stat().st_size for path in site.glob("bulletins/*/*/index.html")]
    return sum(sizes), int(statistics.median(pages)) if pages else 0, len(sizes)


def bench(
    count: int, work: Path, seed: int, variants: list[str], repeat: int = 1
) -> dict[str, BuildRun]:
    """Each variant built `repeat` times, in turn; per variant the run of least CPU time, with
    its own hooks' timings (on a shared machine the other runs were slowed by something else)."""
    project = write_project(work / f"project-{count}", count, seed)
    tries: dict[str, list[BuildRun]] = {variant: [] for variant in variants}
    for _ in range(repeat):
        for variant in variants:
            hooks_run = variant not in HOOKLESS_VARIANTS
            timings = work / f"hooks-{count}-{variant}.json" if hooks_run else None
            site = work / f"site-{count}-{variant}"
            tries[variant].append(run_build(variant, project, site, timings))
    return {variant: min(runs, key=lambda run: run.cpu) for variant, runs in tries.items()}


def summary_line(count: int, run: BuildRun) -> str:
    share = run.hook_share
    return (
        f"build N={count}: wall {run.wall:.1f} s, peak {run.peak / 1e9:.2f} GB, "
        f"output {run.output / 1e6:.0f} MB, page {run.page / 1e3:.0f} kB, hooks {share:.1f} %"
    )  # the format, for automation; the share without the search index is printed above


def report(count: int, runs: dict[str, BuildRun]) -> list[str]:
    lines = [f"N={count} issues"]
    for run in runs.values():
        lines.append(
            f"  {run.variant:15} wall {run.wall:6.1f} s  cpu {run.cpu:6.1f} s  peak {run.peak / 1e9:5.2f} GB  "
            f"output {run.output / 1e6:6.1f} MB  page {run.page / 1e3:5.1f} kB  files {run.files:6d}"
        )
    full = runs.get("full")
    if full and full.hooks:
        for event, timing in full.hooks.items():
            lines.append(
                f"  hooks {event:16} {timing['seconds']:7.2f} s  cpu {timing.get('cpu_seconds', 0):6.2f} s"
                f"  {timing['calls']:6d} calls"
            )
        lines.append(
            f"  hooks total            {full.hook_seconds:7.2f} s  cpu {full.hook_cpu_seconds:6.2f} s"
            f"  ({full.hook_share:.1f} % of the build's CPU time, {100 * full.hook_seconds / full.wall:.1f} % of its wall time)"
        )
        lines.append(
            f"  hooks on the build's path (the index beside it, counted by the wait for it): "
            f"{full.hook_path_seconds:.2f} s, {100 * full.hook_path_seconds / full.wall:.1f} % of its wall time"
        )
        lines.append(
            f"  hooks without the search index: cpu {full.hook_cpu_seconds - full.search_index_cpu_seconds:6.2f} s"
            f"  ({full.hook_share_without_search_index:.1f} % of the full build's CPU time less the index)"
        )
    if full and "plain" in runs:
        extra = full.cpu - runs["plain"].cpu
        lines.append(
            f"  full build beyond a plain Material build: {extra:.1f} s CPU ({100 * extra / full.cpu:.1f} %)"
        )
    if "material-search" in runs and "plain" in runs:
        material = runs["material-search"].cpu - runs["plain"].cpu
        segmenter = "with jieba" if importlib.util.find_spec("jieba") else "without jieba"
        lines.append(
            f"  Material's own search on a plain build ({segmenter}): {material:.1f} s CPU"
            f" (material-search - plain); the site's search index: "
            f"{full.search_index_cpu_seconds if full else 0:.1f} s CPU (its own timing)"
        )
    if full and "nosearch" in runs:
        extra = full.cpu - runs["nosearch"].cpu
        lines.append(
            f"  search index: {extra:.1f} s CPU ({100 * extra / full.cpu:.1f} %, full - nosearch)"
        )
        nosearch = runs["nosearch"]
        if nosearch.hooks:
            lines.append(
                f"  nosearch build: hooks cpu {nosearch.hook_cpu_seconds:.2f} s, {nosearch.hook_share:.1f} % of its CPU time"
            )
    return lines


def scaling(small: int, large: int, runs_small: dict, runs_large: dict) -> list[str]:
    """Ratios large/small of each figure; linear growth is large/small (e.g. 10.0)."""
    lines = [f"scaling N={large} / N={small} (linear = {large / small:.1f}):"]
    for variant, run in runs_large.items():
        base = runs_small[variant]
        lines.append(
            f"  {variant:15} wall x{run.wall / base.wall:.1f}  cpu x{run.cpu / base.cpu:.1f}  output x{run.output / base.output:.1f}"
            f"  peak x{run.peak / base.peak:.1f}"
        )
    hooks_small, hooks_large = runs_small["full"].hooks, runs_large["full"].hooks
    for event in hooks_large:
        if hooks_small.get(event, {}).get("seconds"):
            ratio = hooks_large[event]["seconds"] / hooks_small[event]["seconds"]
            lines.append(f"  hooks {event:16} x{ratio:.1f}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("counts", type=int, nargs="+", help="numbers of issues, e.g. 500 5000")
    parser.add_argument("--seed", type=int, default=2021)
    parser.add_argument(
        "--variants",
        default="full,nosearch,plain",
        help="comma-separated, 'full' first; also material-search (build_variant.py)",
    )
    parser.add_argument("--keep", type=Path, help="build here and keep the projects and sites")
    parser.add_argument(
        "--repeat", type=int, default=1, help="build each variant this many times, keep the fastest"
    )
    args = parser.parse_args(argv)
    variants = args.variants.split(",")
    if variants[0] != "full":
        parser.error("the first variant must be 'full' (the last line reports it)")
    with tempfile.TemporaryDirectory(prefix="build-bench-") as temporary:
        work = args.keep or Path(temporary)
        work.mkdir(parents=True, exist_ok=True)
        results = {}
        for count in args.counts:
            results[count] = bench(count, work, args.seed, variants, args.repeat)
            print("\n".join(report(count, results[count])), flush=True)
        if len(args.counts) > 1:
            small, large = min(args.counts), max(args.counts)
            print("\n".join(scaling(small, large, results[small], results[large])))
        for count in args.counts:
            print(summary_line(count, results[count]["full"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
