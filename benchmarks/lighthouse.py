"""Lighthouse (mobile settings) on the built real site: prints the four category scores per page.

    npm ci && python benchmarks/lighthouse.py            # builds docs/ into a temp dir
    python benchmarks/lighthouse.py --site site/          # an existing build
    python benchmarks/lighthouse.py --site DIR --page topics/fire-lanes/   # other pages

Lighthouse comes from node_modules (package.json devDependencies), Chromium is Debian's, found
through CHROME_PATH; the site is served from 127.0.0.1 and nothing else is contacted. A benchmark,
not a test: the target is >= 95 in each category, the figures go to benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

from static_server import StaticServer

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The search page with a query in the URL: Lighthouse measures it with results and filters shown.
PAGES = {
    "home": "",
    "bulletin": "bulletins/2021/gzjb-009/",
    "search (?q=消防车通道)": "search/?q=" + quote("消防车通道"),
    "statistics": "statistics/",
}


def build_site(target: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(target)],
        cwd=ROOT,
        check=True,
    )


def scores(report: dict) -> dict[str, int]:
    """Category scores 0-100 from a Lighthouse JSON report."""
    return {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}


def failing_audits(report: dict, category: str) -> list[str]:
    refs = report["categories"][category]["auditRefs"]
    audits = report["audits"]
    return sorted(
        ref["id"]
        for ref in refs
        if ref["weight"] > 0
        and (audits[ref["id"]].get("score") is not None)
        and audits[ref["id"]]["score"] < 0.9
    )


def run_lighthouse(url: str) -> dict:
    result = subprocess.run(
        [
            str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
            f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        check=True,
    )  # fmt: skip
    return json.loads(result.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build docs/ now)")
    parser.add_argument("--no-gzip", action="store_true", help="serve files uncompressed")
    parser.add_argument(
        "--page",
        action="append",
        metavar="PATH",
        help="a page's path under the site instead of the four default pages (repeatable)",
    )
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print("lighthouse not installed: run `npm ci` first", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as temp:
        site = args.site or Path(temp) / "site"
        if args.site is None:
            build_site(site)
        server = StaticServer(site, gzip=not args.no_gzip)
        base = server.base
        try:
            print(f"served from {base} ({'uncompressed' if args.no_gzip else 'gzip'}), mobile")
            print(f"{'page':<22}" + "".join(f"{c:>16}" for c in CATEGORIES))
            pages = {path: path for path in args.page} if args.page else PAGES
            for name, path in pages.items():
                report = run_lighthouse(base + path)
                row = scores(report)
                print(f"{name:<22}" + "".join(f"{row[c]:>16}" for c in CATEGORIES))
                for category in CATEGORIES:
                    if row[category] < 95:
                        print(
                            f"    {category} below 95: {', '.join(failing_audits(report, category))}"
                        )
        finally:
            server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
