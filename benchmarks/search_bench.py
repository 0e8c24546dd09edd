"""Search benchmark: build a site of N synthetic issues, then measure search in headless Chromium.

    python benchmarks/search_bench.py 500 [--queries 200] [--seed 2021] [--keep DIR] [--no-gzip]

Prints: index build time and peak memory (in a child process, over the parsed bulletins),
the full `mkdocs build` time, index size; then for each query drawn from the corpus (2-8
characters, and two-word queries), opened cold (a new browser context) as
`search/index.html?q=…` over HTTP on 127.0.0.1 (text sent with gzip, as web servers do; the
uncompressed size of the index files is printed too): recall and precision of the engine's full result
list against a brute-force substring scan, time to the first result painted and bytes
transferred; and the header box's time from the last keystroke to results (warm).
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "tests"), str(ROOT / "benchmarks")]

from bulletins.collection import Source, is_bulletin_source, load_bulletins
from bulletins.registry import load_registry
from bulletins.search_files import search_files
from bulletins.search_index import search_documents
from bulletins.urls import Links
from conftest import CHROMIUM, CHROMIUM_ARGS
from corpus import write_project
from search_reference import Reference
from static_server import StaticServer

PUNCTUATION = set("，。、；：？！“”‘’（）《》【】—…·,.;:?!()[]\"' \n\t")


def parsed_bulletins(project: Path):
    docs = project / "docs"
    registry, _ = load_registry(str(docs / "_data"), "docs/_data")
    sources = [
        Source(
            p.relative_to(docs).as_posix(), p.relative_to(project).as_posix(), p.read_text("utf-8")
        )
        for p in sorted((docs / "bulletins").rglob("*.md"))
        if is_bulletin_source(p.relative_to(docs).as_posix())
    ]
    bulletins, _ = load_bulletins(sources, registry)
    return bulletins, registry


def measure_index(project: Path) -> None:
    """Child process: time and peak memory added by building and writing the search index."""
    bulletins, registry = parsed_bulletins(project)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    count = size = 0
    with tempfile.TemporaryDirectory() as out:  # written as the build's on_post_build does
        for path, content in search_files(search_documents(bulletins, Links(True)), registry):
            target = Path(out) / path
            target.parent.mkdir(parents=True, exist_ok=True)
            size += target.write_bytes(content.encode("utf-8"))
            count += 1
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{seconds:.1f} {after / 1024:.0f} {(after - before) / 1024:.0f} {count} {size}")


def draw_queries(documents, count: int, seed: int) -> list[str]:
    """Substrings of random articles (2-8 characters, no punctuation); a fifth are two words."""
    rng = random.Random(seed)
    queries: list[str] = []

    def piece(text: str) -> str | None:
        for _ in range(20):
            length = rng.randint(2, 8)
            start = rng.randrange(max(1, len(text) - length))
            candidate = text[start : start + length]
            if len(candidate) == length and not PUNCTUATION & set(candidate):
                return candidate
        return None

    while len(queries) < count:
        text = rng.choice(documents).text
        words = [piece(text) for _ in range(2 if len(queries) % 5 == 4 else 1)]
        if all(words) and (query := " ".join(words)) not in queries:
            queries.append(query)
    return queries


FIRST_PAINT_JS = """() => new Promise(resolve => {
  const done = () => {
    const paint = window.bulletinSearchFirstPaint;
    const entries = [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')];
    const sum = list => list.reduce((total, e) => total + (e.transferSize || 0), 0);
    const before = entries.filter(e => e.responseEnd <= paint);
    const index = before.filter(e => e.name.includes('/search/') && e.name.endsWith('.js'));
    resolve({paint, bytes: sum(before), indexBytes: sum(index), indexFiles: index.map(e => new URL(e.name).pathname)});
  };
  const wait = () => window.bulletinSearchFirstPaint ? done() : setTimeout(wait, 5);
  wait();
})"""

HEADER_JS = """query => new Promise(resolve => {
  const input = document.querySelector('.md-search__input');
  const list = document.querySelector('.md-search-result__list');
  let typed = 0;
  input.addEventListener('keyup', () => { typed = performance.now(); }, {once: true, capture: true});
  const observer = new MutationObserver(() => {
    if (typed && list.children.length) {
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - typed));
    }
  });
  observer.observe(list, {childList: true});
  input.value = query;
  input.dispatchEvent(new KeyboardEvent('keyup', {key: 'Shift', bubbles: true}));
})"""


def browse(site: Path, queries: list[str], documents, *, compress: bool) -> dict:
    from playwright.sync_api import sync_playwright

    server = StaticServer(site, gzip=compress)
    results = {
        "paint": [],
        "bytes": [],
        "index_bytes": [],
        "index_raw": [],
        "header": [],
        "wrong": [],
    }
    reference = Reference(documents)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for query in queries:
                context = browser.new_context()  # cold cache
                page = context.new_page()
                page.goto(f"{server.base}search/index.html?q={quote(query)}")
                figures = page.evaluate(FIRST_PAINT_JS)
                found = page.evaluate(
                    "q => bulletinSearchEngine.search(q).then(r => r.results.map(x => x.id))", query
                )
                count = page.get_attribute("#search-count", "data-count")
                if found != reference.results(query) or count != str(len(found)):
                    results["wrong"].append(query)
                results["paint"].append(figures["paint"])
                results["bytes"].append(figures["bytes"])
                results["index_bytes"].append(figures["indexBytes"])
                results["index_raw"].append(
                    sum((site / path.lstrip("/")).stat().st_size for path in figures["indexFiles"])
                )
                context.close()
            context = browser.new_context()
            page = context.new_page()
            page.goto(server.base)
            page.click(".md-search__input")
            page.evaluate(HEADER_JS, "创建")  # warm: the engine and its data file are loaded
            for query in queries:
                results["header"].append(page.evaluate(HEADER_JS, query))
            context.close()
            browser.close()
    finally:
        server.close()
    return results


def summary(values: list[float]) -> str:
    ordered = sorted(values)
    p90 = ordered[int(0.9 * (len(ordered) - 1))]
    return f"median {statistics.median(ordered):.0f}, p90 {p90:.0f}, max {ordered[-1]:.0f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("issues", type=int)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2021)
    parser.add_argument("--keep", type=Path, help="build in this new directory and keep it")
    parser.add_argument(
        "--no-gzip", action="store_true", help="serve uncompressed (default: gzip, as a web server)"
    )
    parser.add_argument("--measure-index", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure_index:
        measure_index(args.measure_index)
        return 0

    work = args.keep or Path(tempfile.mkdtemp(prefix="search-bench-"))
    project = work / "project"
    if not project.exists():
        write_project(project, args.issues, args.seed)
    bulletins, _ = parsed_bulletins(project)
    documents = search_documents(bulletins, Links(True))
    print(
        f"{args.issues} issues, {len(documents)} articles, {sum(len(d.text) for d in documents):,} characters"
    )

    child = subprocess.run(
        [sys.executable, __file__, str(args.issues), "--measure-index", str(project)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    seconds, peak, added, files, size = child.stdout.split()
    print(
        f"index build: {seconds} s, peak memory {peak} MB (+{added} MB over the parsed bulletins)"
    )
    print(f"index: {files} files, {int(size) / 1e6:.1f} MB")

    site = project / "site"
    start = time.perf_counter()
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
        cwd=project, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if build.returncode:
        print(build.stdout + build.stderr)
        return 1
    print(
        f"mkdocs build --strict (whole site, index included): {time.perf_counter() - start:.1f} s"
    )

    queries = draw_queries(documents, args.queries, args.seed)
    two_words = sum(" " in q for q in queries)
    results = browse(site, queries, documents, compress=not args.no_gzip)
    print(f"served from 127.0.0.1 {'uncompressed' if args.no_gzip else 'with gzip'}")
    right = len(queries) - len(results["wrong"])
    print(f"queries: {len(queries)} ({two_words} of two words)")
    print(f"exact (recall and precision 100%, ranking as specified): {right} of {len(queries)}")
    for query in results["wrong"][:10]:
        print(f"  wrong: {query}")
    print(f"search page, cold, open to first result painted (ms): {summary(results['paint'])}")
    kb = [b / 1000 for b in results["bytes"]]
    index_kb = [b / 1000 for b in results["index_bytes"]]
    print(f"bytes transferred to first result, whole page (kB): {summary(kb)}")
    print(f"bytes transferred to first result, search index files (kB): {summary(index_kb)}")
    raw_kb = [b / 1000 for b in results["index_raw"]]
    print(f"  the same files' size uncompressed (kB): {summary(raw_kb)}")
    print(f"header box, warm, last keystroke to results (ms): {summary(results['header'])}")
    return 0 if not results["wrong"] else 1


if __name__ == "__main__":
    sys.exit(main())
