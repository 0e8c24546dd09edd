"""Shared fixtures: real MkDocs builds of small fixture sites, a local HTTP server, Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from static_server import StaticServer  # benchmarks/, on pytest's path (pyproject.toml)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SEED_BULLETIN = ROOT / "docs" / "bulletins" / "2021" / "gzjb-009.md"
# The seed's article titles, in order, as published.
SEED_TITLES = [
    "郭建民调研全国文明城市创建工作",
    "我市专项治理建筑施工围挡公益广告损毁、小区内占用消防车通道和乱贴小广告行为",
    "市司法局召开文明建设及创城工作动员会",
    "市卫生健康委扎实推进全国文明城市创建工作",
    "市生态环境局全面推动全国文明城市创建工作",
]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class FixtureSite:
    """A copy of the real site's configuration, templates, registries and seed issue (which the
    editors' guide links to), to which a test adds the bulletins it needs."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.docs = directory / "docs"
        self.site_dir = directory / "site"
        self.result: subprocess.CompletedProcess | None = None
        directory.mkdir(parents=True, exist_ok=True)
        for name in ("hooks", "overrides"):
            (directory / name).symlink_to(ROOT / name)
        shutil.copy(ROOT / "mkdocs.yml", directory / "mkdocs.yml")
        for part in ("_data", "assets", "index.md", "about.md", "guide.md"):
            source = ROOT / "docs" / part
            target = self.docs / part
            target.parent.mkdir(parents=True, exist_ok=True)
            if source.is_dir():
                shutil.copytree(source, target)
            else:
                shutil.copy(source, target)
        self.add_seed()

    def add(self, source_path: str, text: str) -> Path:
        path = self.docs / source_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def add_seed(self) -> Path:
        return self.add("bulletins/2021/gzjb-009.md", SEED_BULLETIN.read_text(encoding="utf-8"))

    def build(self, *extra_args: str, strict: bool = True) -> subprocess.CompletedProcess:
        """`mkdocs build --strict` into self.site_dir; the result keeps stdout+stderr as `.output`."""
        strict_flag = ["--strict"] if strict else []
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "build",
                *strict_flag,
                "-d",
                str(self.site_dir),
                *extra_args,
            ],
            cwd=self.directory,
            capture_output=True,
            text=True,
            encoding="utf-8",
        )
        result.output = result.stdout + result.stderr
        return result


@pytest.fixture
def fixture_site(tmp_path) -> FixtureSite:
    return FixtureSite(tmp_path / "project")


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> FixtureSite:
    """The real docs/ built once for the session (read-only for the tests)."""
    directory = tmp_path_factory.mktemp("seed") / "project"
    site = FixtureSite(directory)
    for path in (ROOT / "docs" / "bulletins").rglob("*.md"):
        site.add(path.relative_to(ROOT / "docs").as_posix(), path.read_text(encoding="utf-8"))
    site.result = site.build()
    assert site.result.returncode == 0, site.result.output
    return site


@pytest.fixture(scope="session")
def campaign_site(tmp_path_factory) -> FixtureSite:
    """The seed plus the invented bulletins of tests/fixtures/campaign/ (several months, two
    years), built once for the session (read-only): charts and listings with more than one bar."""
    campaign = FIXTURES / "campaign"
    site = FixtureSite(tmp_path_factory.mktemp("campaign") / "project")
    for path in sorted((campaign / "bulletins").rglob("*.md")):
        site.add(path.relative_to(campaign).as_posix(), path.read_text(encoding="utf-8"))
    result = site.build()
    assert result.returncode == 0, result.output
    return site


class LocalServer(StaticServer):
    """A built site over HTTP on 127.0.0.1, sent uncompressed as `http.server` sends it (the
    benchmarks' server, `benchmarks/static_server.py`, without its gzip)."""

    def __init__(self, directory: Path) -> None:
        super().__init__(directory, gzip=False)


@pytest.fixture
def serve():
    """serve(directory) -> LocalServer on 127.0.0.1, stopped after the test."""
    servers = []

    def start(directory: Path) -> LocalServer:
        server = LocalServer(directory)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright. Skips on a laptop without it; fails in CI."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium not found at {CHROMIUM}: CI must run the browser tests")
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    """A fresh page that records every request leaving 127.0.0.1 in `page.external_requests`."""
    context = browser.new_context()
    new_page = context.new_page()
    new_page.external_requests = []

    def record(request):
        url = request.url
        if not url.startswith(("http://127.0.0.1", "data:", "blob:", "file://", "about:")):
            new_page.external_requests.append(url)

    new_page.on("request", record)
    yield new_page
    context.close()
