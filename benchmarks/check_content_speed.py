"""How long scripts/check_content.py takes on a few hundred bulletins (the issue: well under 1 s).

Makes N copies of the seed issue (different issue numbers) in a temporary folder and runs the
script on them as an editor would, as a new process, so start-up and imports are counted.

    python benchmarks/check_content_speed.py [N]     (default 300)
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "docs" / "bulletins" / "2021" / "gzjb-009.md"
RUNS = 5


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    seed = SEED.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as directory:
        year_dir = Path(directory) / "bulletins" / "2022"
        year_dir.mkdir(parents=True)
        for issue in range(1, count + 1):
            text = seed.replace("issue: 9", f"issue: {issue}").replace("2021-03-11", "2022-03-11")
            (year_dir / f"gzjb-{issue:03d}.md").write_text(text, encoding="utf-8")
        command = [sys.executable, str(ROOT / "scripts" / "check_content.py"), directory]
        timings = []
        cpu_times = []  # user + system time of the process: what it costs on an idle machine
        for _ in range(RUNS):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            result = subprocess.run(command, capture_output=True, text=True, check=False)
            timings.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu_times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            if result.returncode != 0:
                sys.exit(f"check_content failed:\n{result.stderr}")
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import yaml"], check=True)
        interpreter = time.perf_counter() - start
    timings.sort()
    cpu_times.sort()
    print(f"check_content.py on {count} bulletins ({RUNS} runs, new process each):")
    print(
        f"  wall time: median {timings[RUNS // 2]:.3f} s, best {timings[0]:.3f} s, worst {timings[-1]:.3f} s"
    )
    print(f"  CPU time:  median {cpu_times[RUNS // 2]:.3f} s, best {cpu_times[0]:.3f} s")
    print(f"  of which Python start-up + import yaml: {interpreter:.3f} s")


if __name__ == "__main__":
    main()
