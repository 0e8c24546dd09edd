"""Each step of the hooks' work timed on its own at two sizes: does every step grow linearly?

    python benchmarks/steps_bench.py [SMALL LARGE] [--repeat K]     (default 500 5000, K = 3)

`build_bench.py` times the hooks by MkDocs event inside whole builds, one size after the
other; on this shared machine the speed can change between the two builds, and an event of a
few hundredths of a second at 500 issues gives a ratio that says more about the moment than
about the code. Here the hooks' own functions (the ones the events call, in the same order)
run on synthetic bulletins (benchmarks/corpus.py) in one process, the two sizes in turn, K
times, and each step keeps its least CPU time. The ratio of the sizes is then the step's
growth. Nothing is written to disk: the search index's files are made, not written.

Prints a line per step (CPU seconds at each size, the ratio) and the ratio a linear step has:
the ratio of the numbers of articles. The last line, for automation:

    steps N=5000/N=500: articles x10.0, hooks x8.4, search index x9.3, largest x11.4 (parse and …)
"""

from __future__ import annotations

import argparse
import functools
import gc
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "benchmarks")]

import jinja2  # noqa: E402
import markdown  # noqa: E402
from bulletins.catalog import build_catalog, catalog_json  # noqa: E402
from bulletins.collection import Source, load_bulletins  # noqa: E402
from bulletins.feeds import FeedSite, all_feeds  # noqa: E402
from bulletins.plan import plan_site  # noqa: E402
from bulletins.registry import load_registry  # noqa: E402
from bulletins.render import ArticleMetaRenderer, annotate_body, insert_article_meta  # noqa: E402
from bulletins.search_files import search_files  # noqa: E402
from bulletins.search_index import search_documents  # noqa: E402
from bulletins.sharing import bulletin_description  # noqa: E402
from bulletins.urls import Links, PageLinks  # noqa: E402
from corpus import generate_bulletins  # noqa: E402

REGISTRY = ROOT / "docs" / "_data"
META_PARTIAL = "partials/bulletin-article-meta.html"
INDEX_EVENT = "search index"  # the forked child's work, not an event of MkDocs
SITE = FeedSite("https://example.org/", "工作简报", "工作简报")  # feeds need an absolute address


@dataclass
class Corpus:
    """One size's input, made before any timing: sources, and each bulletin's page as MkDocs
    hands it to the events (Markdown without front matter; its HTML)."""

    issues: int
    sources: list[Source]
    markdown_by_source: dict[str, str]
    html_by_source: dict[str, str]
    articles: int = 0


@dataclass
class Step:
    event: str  # the MkDocs event whose work it is ("search index": the forked child's)
    name: str
    run: Callable  # (state: dict) -> None, reads and adds to `state`
    cyclic_gc: bool = True  # False in on_files, which pauses the collector (gc_pause.py)


def _parse(state):
    state["bulletins"], problems = load_bulletins(state["corpus"].sources, state["registry"])
    assert not problems, problems[:3]  # the corpus is valid (tests/test_corpus.py)


def _plan(state):
    state["plan"] = plan_site(state["bulletins"], state["registry"], [])
    state["pages"] = [page.markdown() for page in state["plan"].pages]


def _feeds(state):
    by_department = state["plan"].indexes.by_department
    state["feeds"] = all_feeds(
        state["bulletins"], state["registry"], SITE, state["links"], by_department
    )


def _catalog(state):
    catalog = build_catalog(
        state["bulletins"], state["registry"], state["links"], state["plan"].indexes
    )
    state["catalog"] = catalog_json(catalog)


def _page_markdown(state):
    markdown_by_source = state["corpus"].markdown_by_source
    for bulletin in state["bulletins"]:
        bulletin_description(bulletin)
        annotate_body(markdown_by_source[bulletin.source_path], bulletin)


def _page_content(state):
    html_by_source, links, render = (
        state["corpus"].html_by_source,
        state["links"],
        state["meta"].block,
    )
    for bulletin in state["bulletins"]:
        page_links = PageLinks(links, links.bulletin(bulletin))
        html = html_by_source[bulletin.source_path]
        insert_article_meta(html, bulletin, functools.partial(render, page_links=page_links))


def _search_documents(state):
    state["documents"] = search_documents(state["bulletins"], state["links"])


def _search_files(state):
    for _path, _content in search_files(state["documents"], state["registry"]):
        pass


STEPS = [
    Step("on_files", "parse and check the bulletins", _parse, cyclic_gc=False),
    Step("on_files", "plan: indexes, listing pages", _plan, cyclic_gc=False),
    Step("on_files", "feeds", _feeds, cyclic_gc=False),
    Step("on_files", "catalog.json", _catalog, cyclic_gc=False),
    Step("on_page_markdown", "description, article anchors", _page_markdown),
    Step("on_page_content", "metadata blocks", _page_content),
    Step(INDEX_EVENT, "documents (plain text)", _search_documents),
    Step(INDEX_EVENT, "postings and files", _search_files),
]


def make_corpus(issues: int) -> Corpus:
    sources, markdown_by_source, html_by_source = [], {}, {}
    registry, _ = load_registry(str(REGISTRY), "docs/_data")
    converter = markdown.Markdown(extensions=["attr_list"])  # what gives the headings their ids
    for path, text in generate_bulletins(issues):
        sources.append(Source(path, f"docs/{path}", text))
        markdown_by_source[path] = text.split("\n---\n", 1)[1]
    bulletins, _ = load_bulletins(sources, registry)
    for bulletin in bulletins:
        annotated = annotate_body(markdown_by_source[bulletin.source_path], bulletin)
        html_by_source[bulletin.source_path] = converter.reset().convert(annotated)
    articles = sum(len(b.articles) for b in bulletins)
    return Corpus(issues, sources, markdown_by_source, html_by_source, articles)


def meta_renderer() -> ArticleMetaRenderer:
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(str(ROOT / "overrides")))
    return ArticleMetaRenderer(environment.get_template(META_PARTIAL).make_module())


def time_steps(corpus: Corpus) -> list[float]:
    """CPU seconds of each step of STEPS, run in order on `corpus`."""
    registry, _ = load_registry(str(REGISTRY), "docs/_data")
    state = {"corpus": corpus, "registry": registry, "links": Links(True), "meta": meta_renderer()}
    seconds = []
    for step in STEPS:
        gc.collect()  # what an earlier step or size left is not collected inside this one
        if not step.cyclic_gc:
            gc.disable()
        start = time.process_time()
        try:
            step.run(state)
        finally:
            seconds.append(time.process_time() - start)
            gc.enable()
    return seconds


def _row(label: str, small_seconds: float, large_seconds: float) -> str:
    ratio = large_seconds / small_seconds
    return f"  {label:<49} {small_seconds:8.3f} {large_seconds:8.3f}  x{ratio:.1f}"


def report(
    small: Corpus, large: Corpus, small_best: list[float], large_best: list[float]
) -> list[str]:
    linear = large.articles / small.articles
    by_step = list(zip(STEPS, small_best, large_best, strict=True))
    hooks = [(a, b) for step, a, b in by_step if step.event != INDEX_EVENT]
    index = [(a, b) for step, a, b in by_step if step.event == INDEX_EVENT]
    hooks_total = tuple(map(sum, zip(*hooks, strict=True)))
    index_total = tuple(map(sum, zip(*index, strict=True)))
    largest, name = max((b / a, step.name) for step, a, b in by_step)
    return [
        f"steps at N={small.issues} ({small.articles} articles) and N={large.issues} "
        f"({large.articles} articles): least CPU seconds of the runs",
        f"  {'event':<17} {'step':<31} {f'N={small.issues}':>8} {f'N={large.issues}':>8}  ratio",
        *(_row(f"{step.event:<17} {step.name}", a, b) for step, a, b in by_step),
        _row("hooks without the search index", *hooks_total),
        _row("search index", *index_total),
        f"  linear: x{linear:.1f} (the ratio of the numbers of articles)",
        f"steps N={large.issues}/N={small.issues}: articles x{linear:.1f}, "
        f"hooks x{hooks_total[1] / hooks_total[0]:.1f}, "
        f"search index x{index_total[1] / index_total[0]:.1f}, largest x{largest:.1f} ({name})",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", type=int, nargs="*", default=[500, 5000], help="SMALL LARGE")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each size (least kept)")
    args = parser.parse_args(argv)
    if len(args.sizes) != 2 or not 0 < args.sizes[0] < args.sizes[1]:
        parser.error("give two numbers of issues, the smaller first, e.g. 500 5000")
    small, large = (make_corpus(n) for n in args.sizes)
    best = {small.issues: None, large.issues: None}
    for _ in range(args.repeat):
        for corpus in (small, large):  # in turn: a slow phase of the machine hits both sizes
            seconds = time_steps(corpus)
            previous = best[corpus.issues]
            best[corpus.issues] = seconds if previous is None else list(map(min, previous, seconds))
    print("\n".join(report(small, large, best[small.issues], best[large.issues])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
