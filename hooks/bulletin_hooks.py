"""MkDocs hooks of the bulletin site: a table of contents from MkDocs events to plain functions.

The logic lives in the `bulletins` package beside this file; this module only reads MkDocs'
objects, calls it and hands the results back. A fresh `_build` is made for every build, since
`mkdocs serve` keeps this module loaded between rebuilds.
"""

from __future__ import annotations

import functools
import os
from typing import NamedTuple

from bulletins.attachments import SIGNATURE_LENGTH, publish_attachments
from bulletins.background import BackgroundError, BackgroundTask
from bulletins.catalog import build_catalog, catalog_json
from bulletins.collection import files_under, is_bulletin_source
from bulletins.content import check_bulletins, file_reader, read_sources, start_reader
from bulletins.dirty import build_inputs, newest_modification, outputs_to_redo
from bulletins.feeds import FeedSite, all_feeds, feed_pages, sitemaps_beside_feeds
from bulletins.gc_pause import without_cyclic_gc
from bulletins.hosting import (
    ROBOTS,
    is_absolute_site_url,
    is_unused_theme_file,
    local_polyfills,
    placeholder_address_notice,
    robots_txt,
    sources_commit_date,
)
from bulletins.model import Bulletin, chinese_date
from bulletins.parse import parse_bulletin
from bulletins.parse_cache import ParseCache
from bulletins.plan import home_variables, plan_site
from bulletins.problems import errors, warnings
from bulletins.redirects import redirect_pages
from bulletins.registry import REGISTRY_STOP, Registry, load_registry
from bulletins.render import ArticleMetaRenderer, annotate_body, insert_article_meta
from bulletins.search_cache import SearchIndexCache
from bulletins.search_files import bucket_count_for, search_files
from bulletins.search_index import search_documents
from bulletins.search_page import SEARCH_PAGE, search_page_markdown
from bulletins.sharing import bulletin_description
from bulletins.template_cache import MemoryBytecodeCache
from bulletins.template_whitespace import install as drop_template_indentation
from bulletins.timing import merge as merge_timings
from bulletins.timing import reset as reset_timings
from bulletins.timing import timed
from bulletins.timing import totals as timing_totals
from bulletins.timing import write_report as write_timings
from bulletins.urls import CATALOG, HOME, Links, PageLinks
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import clean_directory
from pathspec.gitignore import GitIgnoreSpec

log = get_plugin_logger(__name__)

REGISTRY_DIR = "_data"  # under docs/, excluded from the site by mkdocs.yml
# Set (to anything) to build the site without its search index: benchmarks/build_variant.py's
# `nosearch` measures what the index costs. Published builds never set it.
NO_SEARCH_INDEX_ENV = "BULLETIN_NO_SEARCH_INDEX"
_command = "build"
_dirty = False  # `mkdocs serve --dirty`: MkDocs rebuilds changed pages only
_last_inputs = None  # BuildInputs of the last dirty build (see prepare_dirty_rebuild)
_build = None
_content = None  # _Content read by on_pre_build, taken by on_files
_sources_date = None  # sitemap lastmod of the pages other than bulletins (hosting.py)
# MkDocs' own default exclusion (mkdocs.structure.files._default_exclude, private there).
_MKDOCS_DEFAULT_EXCLUDE = GitIgnoreSpec.from_lines([".*", "/templates/"])
_parse_cache = ParseCache()  # used by `mkdocs serve` only: a rebuild parses the changed files
_search_cache = SearchIndexCache()  # `mkdocs serve` only: unchanged documents, same index files
_template_cache = MemoryBytecodeCache()  # `mkdocs serve` only: templates compiled once


class _Build:
    """Everything one build knows about the bulletins, computed once in `on_files`."""

    def __init__(self, bulletins, registry, plan, links, article_meta, attachments, feeds):
        self.bulletins = bulletins
        self.bulletins_by_source = {b.source_path: b for b in bulletins}
        self.registry = registry
        self.plan = plan
        self.pages_by_source = {p.source_path: p for p in plan.pages}
        self.links = links
        self.article_meta = article_meta  # ArticleMetaRenderer over the partial's macros
        self.attachments_by_source = attachments  # bulletin source -> [PublishedAttachment]
        self.feed_by_source = feeds  # page source -> its Atom feed's path, when feeds are built
        self.search_buckets = bucket_count_for(sum(len(b.articles) for b in bulletins))
        self.search_index = None  # BackgroundTask writing the index, started at the end of on_files


class _Content(NamedTuple):
    """The checked bulletins, read by `on_pre_build` for `on_files`."""

    registry: Registry
    bulletins: list[Bulletin]  # every valid bulletin, drafts too, newest first
    bulletin_sources: frozenset[str]  # their files, as paths under docs/


def on_startup(*, command, dirty):
    global _command, _dirty
    _command, _dirty = command, dirty


@event_priority(-50)  # after Material's offline plugin has added its unpkg.com shim
def on_config(config):
    config.extra["polyfills"] = local_polyfills(config.extra.get("polyfills", []))
    return config


def on_pre_build(*, config):
    global _content, _sources_date
    reset_timings()
    if _command != "serve":  # a preview has no use for it
        _sources_date = sources_commit_date(os.path.dirname(config.config_file_path), os.environ)
    _content = None  # a failed check must not leave the last build's content in place
    _content = check_before_cleaning(config)


@timed("on_pre_build")
def check_before_cleaning(config) -> _Content:
    """Read and check every bulletin before MkDocs empties site/, which it does right after this
    event: a build stopped by a broken bulletin leaves the last good site where it was, whole,
    for a host or a copy made from it. `on_files` uses what was read here."""
    documents = files_under(config.docs_dir, _excluded_by(config))
    bulletin_files = {
        path: file_reader(os.path.join(config.docs_dir, path))
        for path in documents
        if is_bulletin_source(path)
    }
    return read_content(bulletin_files, set(documents), start_reader(config.docs_dir), config)


def _excluded_by(config):
    """Whether MkDocs leaves a document out of the site: its default (dot files, `templates/`),
    then `exclude_docs` and `draft_docs` (see mkdocs.structure.files.set_exclusions)."""
    # One spec, as MkDocs makes it: a `!pattern` in exclude_docs can undo the default.
    exclude = _MKDOCS_DEFAULT_EXCLUDE
    if config.exclude_docs:
        exclude = exclude + config.exclude_docs
    drafts = config.draft_docs
    return lambda path: exclude.match_file(path) or bool(drafts and drafts.match_file(path))


# A million short-lived objects: the cyclic GC is paused (see gc_pause.py). Before the search
# index's fork in on_files, so that the child runs with it as usual.
@without_cyclic_gc
def read_content(bulletin_files: dict, documents: set[str], read_start, config) -> _Content:
    """Parse and check the bulletins (`bulletin_files`: path under docs/ -> a function reading
    its bytes; `documents`: every path under docs/; `read_start(path)`: a document's first
    bytes, for its kind); log the warnings, stop the build on any error."""
    project_dir = os.path.dirname(config.config_file_path)
    docs_rel = os.path.relpath(config.docs_dir, project_dir).replace(os.sep, "/")
    registry, problems = load_registry(
        os.path.join(config.docs_dir, REGISTRY_DIR), f"{docs_rel}/{REGISTRY_DIR}"
    )
    if errors(problems):  # every name in the bulletins would be reported too: the cause first
        lines = "\n".join(str(p) for p in errors(problems))
        raise PluginError(f"{len(errors(problems))} 处{REGISTRY_STOP}：\n{lines}")
    sources, unreadable = read_sources(
        (path, f"{docs_rel}/{path}", read) for path, read in bulletin_files.items()
    )
    problems += unreadable
    parse = _parse_cache.parser(registry) if _command == "serve" else parse_bulletin
    bulletins, found = check_bulletins(sources, registry, documents, read_start, docs_rel, parse)
    problems += found
    for problem in warnings(problems):
        log.warning(str(problem))
    if errors(problems):
        lines = "\n".join(str(p) for p in errors(problems))
        raise PluginError(f"{len(errors(problems))} 处内容错误，构建已停止：\n{lines}")
    if config.strict and warnings(problems):
        # MkDocs would stop a strict build at its end, after replacing site/ with the new one.
        raise PluginError(
            f"{len(warnings(problems))} 处警告：正式构建（--strict）不允许警告，构建已停止"
        )
    return _Content(registry, bulletins, frozenset(bulletin_files))


@without_cyclic_gc  # planning makes many objects too (see read_content)
def read_bulletins(files: Files, config) -> None:
    """Plan the generated pages and files from the checked bulletins, and make `_build`."""
    global _build, _content
    bulletin_files = {
        f.src_uri: functools.partial(getattr, f, "content_bytes")
        for f in files.documentation_pages()
        if is_bulletin_source(f.src_uri)
    }
    content = _content
    if content is None or content.bulletin_sources != frozenset(bulletin_files):
        # Another plugin changed the documents, or MkDocs excludes what the walk kept: read
        # them again as MkDocs has them (after the clean, but never a site with a hole in it).
        def read_start(path: str) -> bytes | None:
            file = files.get_file_from_path(path)
            return None if file is None else file.content_bytes[:SIGNATURE_LENGTH]

        content = read_content(bulletin_files, {f.src_uri for f in files}, read_start, config)
    _content = None
    registry, bulletins = content.registry, content.bulletins

    publishing = _command != "serve"  # drafts are previewed by `mkdocs serve`, never published
    for bulletin in bulletins:
        file = files.get_file_from_path(bulletin.source_path)
        # Bulletins are reached through their year's page, not the navigation (see plan._nav).
        file.inclusion = (
            InclusionLevel.DRAFT if bulletin.draft and publishing else InclusionLevel.NOT_IN_NAV
        )
        if not _dirty:
            file.content_string = without_front_matter(bulletin)
    if publishing:
        bulletins = [b for b in bulletins if not b.draft]

    static_pages = sorted(
        f.src_uri
        for f in files.documentation_pages()
        if f.src_uri != HOME and not f.src_uri.startswith("bulletins/")
    )
    plan = plan_site(bulletins, registry, static_pages)
    links = Links(config.use_directory_urls)
    for page in plan.pages:
        files.append(
            File.generated(
                config,
                page.source_path,
                content=page.markdown(),
                inclusion=InclusionLevel.NOT_IN_NAV,
            )
        )
    files.append(
        File.generated(
            config, SEARCH_PAGE, content=search_page_markdown(), inclusion=InclusionLevel.NOT_IN_NAV
        )
    )
    for path, content in redirect_pages(bulletins, config.use_directory_urls).items():
        files.append(File.generated(config, path, content=content))
    config.nav = plan.nav
    feeds = {}
    if is_absolute_site_url(config.site_url):  # not in the offline copy, which has no address
        site = FeedSite(config.site_url, config.site_name, config.copyright or config.site_name)
        by_department = plan.indexes.by_department
        feed_files = all_feeds(bulletins, registry, site, links, by_department)
        feed_files.update(sitemaps_beside_feeds(list(feed_files)))
        for path, content in feed_files.items():
            files.append(File.generated(config, path, content=content))
        files.append(File.generated(config, ROBOTS, content=robots_txt(config.site_url)))
        feeds = feed_pages(registry)
    attachments = publish_attachments(
        bulletins, lambda source: files.get_file_from_path(source).content_bytes
    )
    published_at = config.site_url if is_absolute_site_url(config.site_url) else None
    catalog = build_catalog(bulletins, registry, links, plan.indexes, attachments, published_at)
    files.append(File.generated(config, CATALOG, content=catalog_json(catalog)))

    macros = config.plugins.get("macros")
    if macros is not None:
        macros.variables["bulletin_site"] = home_variables(bulletins, plan.summary)

    # on_env comes only after the pages' Markdown is read, so the partial is loaded here.
    meta_template = config.theme.get_env().get_template("partials/bulletin-article-meta.html")
    meta = ArticleMetaRenderer(meta_template.make_module())
    _build = _Build(bulletins, registry, plan, links, meta, attachments, feeds)


def without_front_matter(bulletin) -> str:
    """The text MkDocs reads for a bulletin's page: its body, the front matter already parsed.

    MkDocs would parse the front matter again, with PyYAML's pure-Python loader, into a
    `page.meta` that nothing reads (`on_page_markdown` sets what the templates use): 2–3 s of
    CPU at 5,000 issues. The leading blank line tells MkDocs there is no front matter of
    either kind (YAML, or MultiMarkdown's `Key: value` lines, which a body could open with);
    it keeps the rest as it did. Not under `serve --dirty`: a File given its text counts as
    modified there, and every page would be rebuilt.
    """
    return "\n" + bulletin.body


@timed("on_files")
def on_files(files: Files, *, config) -> Files:
    read_bulletins(files, config)
    drop_unused_theme_files(files, config)
    if _dirty:
        prepare_dirty_rebuild(files, config)
    if not os.environ.get(NO_SEARCH_INDEX_ENV):
        # The index needs only the bulletins: a build writes it while MkDocs renders the pages
        # (a second core; 10 s at 5,000 issues). `serve` keeps its index cache in this process.
        _build.search_index = BackgroundTask(
            functools.partial(_search_index_and_timings, config.site_dir),
            fork=_command != "serve",
        )
    summary = _build.plan.summary
    log.info(
        f"{summary['issues']} 期简报, {summary['articles']} 篇文章, "
        f"{summary['departments']} 个部门, {summary['topics']} 个专题"
    )
    if _command != "serve" and (notice := placeholder_address_notice(config.site_url)):
        log.info(notice)  # not a warning: tests and previews build with it, --strict would fail
    return files


def drop_unused_theme_files(files: Files, config) -> None:
    """Leave out the theme's files that no page loads (hosting.UNUSED_THEME_FOLDERS)."""
    docs_dir = os.path.normpath(config.docs_dir)
    for file in [f for f in files if is_unused_theme_file(f.src_uri)]:
        if os.path.normpath(file.src_dir or docs_dir) != docs_dir:  # the theme's, not ours
            files.remove(file)


def prepare_dirty_rebuild(files: Files, config) -> None:
    """Delete what a dirty rebuild must redo: MkDocs rebuilds a page whose output is missing."""
    global _last_inputs
    site_wide = (
        repr(config.nav),
        _build.registry,
        _build.search_buckets,
        newest_modification(config.theme.custom_dir) if config.theme.custom_dir else 0,
        os.path.getmtime(config.config_file_path),
    )
    outputs = {files.get_file_from_path(b.source_path).dest_uri: b for b in _build.bulletins}
    plan, attachments = _build.plan, _build.attachments_by_source
    inputs = build_inputs(site_wide, outputs, plan.neighbours, attachments)
    redo = outputs_to_redo(_last_inputs, inputs)
    _last_inputs = inputs
    if redo is None:
        log.info("导航、登记表、模板或配置已改动：重建整个站点")
        clean_directory(config.site_dir)
        return
    # Hand-written pages (the home page lists the latest issues) are few: always rebuilt.
    redo += [
        f.dest_uri
        for f in files.documentation_pages()
        if f.generated_by is None and f.src_uri not in _build.bulletins_by_source
    ]
    for path in redo:
        target = os.path.join(config.site_dir, path)
        if os.path.isfile(target):
            os.remove(target)


@timed("on_env")
def on_env(env, *, config, files):
    env.filters["chinese_date"] = chinese_date
    drop_template_indentation(env)  # a sixth of every page, dropped once per template
    if _command == "serve":  # a new environment every rebuild: keep the compiled templates
        env.bytecode_cache = _template_cache
    return env


@timed("on_page_markdown")
def on_page_markdown(markdown: str, *, page, config, files) -> str:
    bulletin = _build.bulletins_by_source.get(page.file.src_uri)
    if bulletin is None:
        if _sources_date:  # not the day of the build: two builds of one commit are the same
            page.update_date = _sources_date
        return markdown
    page.meta["title"] = bulletin.title
    page.meta["description"] = bulletin_description(bulletin)
    page.meta["template"] = "bulletin.html"
    page.update_date = bulletin.last_changed.isoformat()  # sitemap lastmod: date or correction
    return annotate_body(markdown, bulletin)


@timed("on_page_content")
def on_page_content(html: str, *, page, config, files) -> str:
    bulletin = _build.bulletins_by_source.get(page.file.src_uri)
    if bulletin is None:
        return html

    # PageLinks gives the links relative to this page (MkDocs' `url` filter per link cost
    # 1.5 s at 5,000 issues).
    page_links = PageLinks(_build.links, page.url)
    render = _build.article_meta.block
    return insert_article_meta(html, bulletin, lambda article: render(article, page_links))


def on_post_build(*, config) -> None:
    if _build.search_index is not None:
        collect_search_index()
    write_timings()  # only with BULLETIN_HOOK_TIMINGS set (benchmarks/build_bench.py)


def collect_search_index() -> None:
    task, _build.search_index = _build.search_index, None
    try:
        if task.forked:
            child_timings = _wait_for(task)  # empty unless timing is on
            merge_timings({k: v for k, v in child_timings.items() if k == "search_index"})
        else:
            task.result()  # builds the index now, in this process (timed as it goes)
    except BackgroundError as error:
        raise PluginError(f"搜索索引生成失败：\n{error}") from None


@timed("search_index_wait")  # what the index adds to the build's time when it runs beside it
def _wait_for(task: BackgroundTask) -> dict:
    return task.result()


def _search_index_and_timings(site_dir: str) -> dict:
    write_search_index(site_dir)
    return timing_totals()  # a forked child's timings reach the build's report through this


def on_build_error(*, error) -> None:
    if _build is not None and _build.search_index is not None:
        _build.search_index.cancel()


@timed("search_index")  # its own event: build_bench reports the hooks' share with and without it
def write_search_index(site_dir: str) -> None:
    # The index is thousands of small files: written straight into the site, not as MkDocs pages.
    documents = search_documents(_build.bulletins, _build.links)
    if _command == "serve":
        files = _search_cache.files(documents, _build.registry)
    else:
        files = search_files(documents, _build.registry)
    made = set()
    for path, content in files:
        target = os.path.join(site_dir, path)
        if (directory := os.path.dirname(target)) not in made:  # all but a few share one
            os.makedirs(directory, exist_ok=True)
            made.add(directory)
        with open(target, "w", encoding="utf-8", newline="\n") as file:
            file.write(content)


@timed("on_page_context")
def on_page_context(context, *, page, config, nav):
    source = page.file.src_uri
    context["links"] = _build.links
    context["search_buckets"] = _build.search_buckets
    context["feed_url"] = _build.feed_by_source.get(source)
    if source in _build.bulletins_by_source:
        context["bulletin"] = _build.bulletins_by_source[source]
        context["neighbours"] = _build.plan.neighbours.get(source, (None, None))
        context["attachments"] = _build.attachments_by_source.get(source, [])
    elif source in _build.pages_by_source:
        context["listing"] = _build.pages_by_source[source].context
    return context
