"""How long `mkdocs serve` takes to show a saved bulletin in the browser.

    python benchmarks/serve_bench.py 500 [--edits 3] [--dirty] [--edit guide]

Generates a project of N synthetic issues, starts a real `mkdocs serve` on 127.0.0.1, opens one
bulletin in headless Chromium (livereload connected), then, for each edit, appends a unique
sentence to the bulletin's last paragraph, saves it and measures the time until the open page
shows that sentence (livereload rebuilds, then reloads the page). `--edit guide` edits the
hand-written guide page instead, which leaves the search index as it was (`mkdocs serve` then
reuses the index files, hooks/bulletins/search_cache.py). Prints each time, the median,
and a last line:

    serve N=500: reload median 3.2 s (server CPU 2.9 s, 3 edits), first build 9.8 s

The server's CPU time per rebuild is printed too: on a machine shared with other jobs, wall
time mostly measures waiting for a core.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from corpus import ROOT, write_project

# The flags that keep Chromium off the network live with the browser tests (BROWSER-NOTES.md).
sys.path.insert(0, str(ROOT / "tests"))
from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_served(url: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{url} not served within {timeout:.0f} s")


def process_cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc), to tell work from waiting."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def edit(path: Path, marker: str) -> None:
    """Append a sentence to the last paragraph; the bulletin stays valid."""
    text = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(f"{text}{marker}\n", encoding="utf-8", newline="\n")


def measure(
    count: int, edits: int, dirty: bool, work: Path, target: str = "bulletin"
) -> tuple[float, list[float], list[float]]:
    """(seconds to the first page, [seconds from each save to the change shown], [CPU seconds
    the server spent on each of those rebuilds])."""
    from playwright.sync_api import sync_playwright

    project = write_project(work / f"project-{count}", count)
    bulletin = sorted((project / "docs" / "bulletins").rglob("*.md"))[count // 2]
    if target == "guide":
        bulletin = project / "docs" / "guide.md"
    source = bulletin.relative_to(project / "docs").with_suffix("").as_posix()
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    if dirty:
        command.append("--dirty")
    # mkdocs.yml's site_url has a sub-path, where `serve` would put the site; serve it at the root.
    environment = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "BULLETIN_SITE_URL": f"http://127.0.0.1:{port}/",
    }
    start = time.perf_counter()
    server = subprocess.Popen(command, cwd=project, env=environment,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}/{source}/"
        wait_until_served(url, timeout=600)
        first = time.perf_counter() - start
        times, cpu = [], []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(url)
            for number in range(1, edits + 1):
                marker = f"第{number}次修改后的文字{time.time_ns()}。"
                time.sleep(1.0)  # let the watcher settle after the previous rebuild
                saved, cpu_before = time.perf_counter(), process_cpu_seconds(server.pid)
                edit(bulletin, marker)
                page.wait_for_function(
                    "marker => document.body && document.body.innerText.includes(marker)",
                    arg=marker,
                    timeout=120_000,
                    polling=50,
                )
                times.append(time.perf_counter() - saved)
                cpu.append(process_cpu_seconds(server.pid) - cpu_before)
                print(
                    f"  edit {number}: shown after {times[-1]:.2f} s ({cpu[-1]:.2f} s CPU of the server)",
                    flush=True,
                )
            browser.close()
        return first, times, cpu
    finally:
        server.terminate()
        server.wait(timeout=30)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, nargs="?", default=500, help="number of issues")
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--dirty", action="store_true", help="run `mkdocs serve --dirty`")
    parser.add_argument("--edit", choices=("bulletin", "guide"), default="bulletin",
                        help="the page to save: a bulletin, or the guide (search index unchanged)")  # fmt: skip
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="serve-bench-") as temporary:
        first, times, cpu = measure(args.count, args.edits, args.dirty, Path(temporary), args.edit)
    mode = (" --dirty" if args.dirty else "") + (" (guide edited)" if args.edit == "guide" else "")
    print(
        f"serve{mode} N={args.count}: reload median {statistics.median(times):.1f} s "
        f"(server CPU {statistics.median(cpu):.1f} s, {len(times)} edits), first build {first:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
