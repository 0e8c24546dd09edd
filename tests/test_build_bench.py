"""The build benchmark runs end to end at a small N (a smoke test: no time is asserted)."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from conftest import ROOT

SUMMARY_RE = re.compile(
    r"^build N=(?P<n>\d+): wall (?P<wall>\d+\.\d) s, peak (?P<peak>\d+\.\d\d) GB, "
    r"output (?P<output>\d+) MB, page (?P<page>\d+) kB, hooks (?P<hooks>\d+\.\d) %$"
)
NO_INDEX_RE = re.compile(
    r"hooks without the search index: cpu +\d+\.\d\d s +\((?P<share>\d+\.\d) %"
)


def test_build_benchmark_completes_and_prints_the_summary_line(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "build_bench.py"), "30", "--keep", str(tmp_path),
         "--repeat", "2", "--variants", "full,nosearch,plain,material-search"],
        capture_output=True, text=True, encoding="utf-8", timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    summary = SUMMARY_RE.match(lines[-1])
    assert summary, lines[-1]
    assert summary["n"] == "30"
    assert float(summary["wall"]) > 0 and int(summary["page"]) > 0
    # every variant built, and the hooks timed their own events
    for variant in ("full", "nosearch", "plain", "material-search"):
        line = next(line for line in lines if line.strip().startswith(variant))
        files = sum(1 for path in (tmp_path / f"site-30-{variant}").rglob("*") if path.is_file())
        assert re.search(rf"files +{files}$", line), (line, files)
        assert (tmp_path / f"site-30-{variant}" / "index.html").is_file()
    assert re.search(r"hooks on_files\s+\d+\.\d\d s  cpu +\d+\.\d\d s +1 calls", result.stdout)
    assert re.search(r"hooks search_index\s+\d+\.\d\d s  cpu +\d+\.\d\d s +1 calls", result.stdout)
    without_index = NO_INDEX_RE.search(result.stdout)
    assert without_index, result.stdout
    assert float(without_index["share"]) < float(summary["hooks"])  # the index is hook work
    assert (tmp_path / "site-30-full" / "catalog.json").is_file()
    assert (tmp_path / "site-30-full" / "search" / "data.js").is_file()
    assert not (tmp_path / "site-30-nosearch" / "search" / "data.js").exists()  # the switch works
    assert not (tmp_path / "site-30-plain" / "catalog.json").exists()  # no hooks in plain
    # Material's own search, for comparison: its index written, no hooks, its cost reported
    material_index = tmp_path / "site-30-material-search" / "search" / "search_index.json"
    assert json.loads(material_index.read_text(encoding="utf-8"))["config"]["lang"] == ["zh"]
    assert not (tmp_path / "site-30-material-search" / "catalog.json").exists()
    assert not (tmp_path / "site-30-plain" / "search").exists()
    assert re.search(r"Material's own search on a plain build \(with(out)? jieba\): -?\d+\.\d s CPU",
                     result.stdout)  # fmt: skip


STEPS_LAST_RE = re.compile(
    r"^steps N=(?P<large>\d+)/N=(?P<small>\d+): articles x(?P<articles>\d+\.\d), hooks x\d+\.\d, "
    r"search index x\d+\.\d, largest x\d+\.\d \(.+\)$"
)


def test_steps_benchmark_times_every_step_at_both_sizes():
    """A smoke test at small sizes: it runs the hooks' functions and prints each step's line."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "steps_bench.py"), "10", "30", "--repeat", "2"],
        capture_output=True, text=True, encoding="utf-8", timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    last = STEPS_LAST_RE.match(lines[-1])
    assert last and (last["small"], last["large"]) == ("10", "30"), lines[-1]
    assert 2.0 < float(last["articles"]) < 4.5  # about 5 articles an issue at both sizes
    steps = [line for line in lines if re.search(r" \d+\.\d{3} +\d+\.\d{3}  x\d+\.\d$", line)]
    events = {line.split()[0] for line in steps}
    assert {"on_files", "on_page_markdown", "on_page_content", "search"} <= events, steps
    assert len(steps) == 10  # eight steps, the hooks' total and the index's
