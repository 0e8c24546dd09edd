"""What the built site needs to be hosted on a server or handed over as an offline copy."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Mapping

# Vendored from the npm package (scripts/vendor_iframe_worker.py), relative to docs/.
IFRAME_WORKER_SHIM = "assets/vendor/iframe-worker/shim.js"
ROBOTS = "robots.txt"
SITEMAP = "sitemap.xml"


def local_polyfills(polyfills: list) -> list:
    """Material's polyfill list with its unpkg.com iframe-worker shim replaced by our copy.

    Material's `offline` plugin adds https://unpkg.com/iframe-worker/shim so that search can
    start its Web Worker from file://; an offline copy must not depend on the network for it.
    """
    local = [p for p in polyfills if "iframe-worker" not in str(p)]
    if len(local) != len(polyfills):
        local.append(IFRAME_WORKER_SHIM)
    return local


# Material's files that no page of this site loads: its search (lunr and the worker; the site has
# its own, see search.html) and the source maps of its minified files, which only a browser's
# developer tools ask for. 2.3 MB of every copy of the site, and of the offline copy's 3.7 MB.
UNUSED_THEME_FOLDERS = ("assets/javascripts/lunr/", "assets/javascripts/workers/")


def is_unused_theme_file(path: str) -> bool:
    return path.startswith(UNUSED_THEME_FOLDERS) or path.endswith(".map")


def is_absolute_site_url(site_url: str | None) -> bool:
    """Feeds, robots.txt and canonical links need the address the site is published at."""
    return bool(site_url) and site_url.startswith(("https://", "http://"))


PLACEHOLDER_HOSTS = ("example.gov.cn",)  # mkdocs.yml's site_url until the office sets its own


def placeholder_address_notice(site_url: str | None) -> str | None:
    """What to say when the site would be published under the example address: canonical links,
    the sitemap, robots.txt and the feeds would all name a host that is not the office's."""
    if not site_url or not any(f"//{host}" in site_url for host in PLACEHOLDER_HOSTS):
        return None
    return (
        f"网站地址 site_url 还是示例地址 {site_url}：正式发布前，请在 mkdocs.yml 中改为真实地址，"
        "或在构建时设置 BULLETIN_SITE_URL"
    )


def robots_txt(site_url: str) -> str:
    """robots.txt allowing everything and naming the sitemap.

    Crawlers read robots.txt only at the root of a host: when the site lives under a sub-path
    the host's own robots.txt must carry the Sitemap line (README: 在子路径下发布).
    """
    base = site_url if site_url.endswith("/") else f"{site_url}/"
    return f"User-agent: *\nAllow: /\n\nSitemap: {base}{SITEMAP}\n"


# What the site is built from (paths relative to the project): a change to any of them can
# change pages other than the bulletins'.
SITE_SOURCES = ("docs", "mkdocs.yml", "overrides", "hooks")


def sources_commit_date(project_dir: str, environ: Mapping[str, str]) -> str | None:
    """The date ("2021-03-11", UTC) of the last commit that changed the site's sources: the
    sitemap's `lastmod` for every page but a bulletin's (whose is its issue's date).

    MkDocs would put the day of the build there, so that two builds of one commit differed.
    None when SOURCE_DATE_EPOCH is set (MkDocs uses it then), outside a git checkout, and where
    git cannot tell: a shallow clone (its one commit is the last of all, sources or not) and
    sources with uncommitted changes (newer than any commit).
    """
    if environ.get("SOURCE_DATE_EPOCH"):
        return None
    shallow = _git(project_dir, "rev-parse", "--is-shallow-repository")
    if shallow != "false":  # also None outside a checkout
        return None
    if _git(project_dir, "status", "--porcelain", "--untracked-files=no", "--", *SITE_SOURCES):
        return None
    committed = _git(project_dir, "log", "-1", "--format=%ct", "--", *SITE_SOURCES)
    if not committed:
        return None
    return dt.datetime.fromtimestamp(int(committed), dt.UTC).date().isoformat()


def _git(project_dir: str, *arguments: str) -> str | None:
    """git's output in the project, stripped; None outside a checkout or without git."""
    try:
        result = subprocess.run(
            ["git", "-C", project_dir, *arguments],
            capture_output=True, text=True, check=False, timeout=30,
        )  # fmt: skip
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout.strip() if result.returncode == 0 else None
