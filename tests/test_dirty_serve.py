"""`mkdocs serve --dirty`: a rebuild redoes exactly the pages whose inputs changed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bulletins.dirty import BuildInputs, outputs_to_redo

FIXTURES = Path(__file__).parent / "fixtures" / "search"


def test_first_build_redoes_nothing_beyond_what_mkdocs_builds():
    assert outputs_to_redo(None, BuildInputs("nav", {"a/index.html": 1})) == []


def test_site_wide_change_redoes_everything():
    before = BuildInputs(("nav", 1), {"a/index.html": 1})
    assert outputs_to_redo(before, BuildInputs(("nav", 2), {"a/index.html": 1})) is None


def test_changed_and_removed_pages_are_redone_unchanged_ones_kept():
    before = BuildInputs("nav", {"a/index.html": 1, "b/index.html": 2, "c/index.html": 3})
    after = BuildInputs("nav", {"a/index.html": 1, "b/index.html": 20, "d/index.html": 4})
    assert outputs_to_redo(before, after) == ["b/index.html", "c/index.html"]


# Three builds as `mkdocs serve --dirty` makes them (one process, the hooks kept loaded): the
# first; after the 2022 issue's date changed (the seed's page names it as the next issue); after
# a registry changed (every page shows the registry's names). Prints what each build left.
SERVE_DIRTY = r"""
import json, os, sys, time
from mkdocs.commands.build import build
from mkdocs.config import load_config

site = sys.argv[1]
pages = {
    name: os.path.join(site, "bulletins", name, "index.html")
    for name in ("2020/gzjb-014", "2021/gzjb-009", "2022/gzjb-003")
}

def rebuild(first=False):
    config = load_config("mkdocs.yml", site_dir=site)
    if first:
        config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    with open(pages["2021/gzjb-009"], encoding="utf-8") as seed:
        shown = seed.read()
    return {"mtimes": {n: os.path.getmtime(p) for n, p in pages.items()},
            "seed_names_new_date": "2022年5月9日" in shown}

report = [rebuild(first=True)]
time.sleep(0.05)
path = "docs/bulletins/2022/gzjb-003.md"
with open(path, encoding="utf-8") as f:
    text = f.read()
with open(path, "w", encoding="utf-8") as f:
    f.write(text.replace("date: 2022-04-08", "date: 2022-05-09"))
report.append(rebuild())
time.sleep(0.05)
with open("docs/_data/topics.yml", "a", encoding="utf-8") as f:
    f.write("- id: dirty-test\n  name: 测试专题\n  description: 测试。\n  keywords: []\n")
report.append(rebuild())
print(json.dumps(report))
"""


def test_dirty_rebuilds_neighbours_of_a_changed_bulletin_and_everything_on_a_registry_change(
    fixture_site,
):
    for name in ("gzjb-2020-014.md", "gzjb-2022-003.md"):
        year, issue = name[5:9], name[10:13]
        fixture_site.add(f"bulletins/{year}/gzjb-{issue}.md", (FIXTURES / name).read_text("utf-8"))
    result = subprocess.run(
        [sys.executable, "-c", SERVE_DIRTY, str(fixture_site.site_dir)],
        cwd=fixture_site.directory, capture_output=True, text=True, encoding="utf-8",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    first, after_edit, after_registry = json.loads(result.stdout.splitlines()[-1])

    assert not first["seed_names_new_date"]
    # The edited issue and its neighbour (the seed) are rebuilt; the 2020 issue is not.
    assert after_edit["seed_names_new_date"]
    assert after_edit["mtimes"]["2022/gzjb-003"] > first["mtimes"]["2022/gzjb-003"]
    assert after_edit["mtimes"]["2021/gzjb-009"] > first["mtimes"]["2021/gzjb-009"]
    assert after_edit["mtimes"]["2020/gzjb-014"] == first["mtimes"]["2020/gzjb-014"]
    # A registry change reaches every page.
    assert after_registry["mtimes"]["2020/gzjb-014"] > after_edit["mtimes"]["2020/gzjb-014"]
