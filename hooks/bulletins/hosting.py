"""What the built site needs to be hosted on a server or handed over as an offline copy."""

from __future__ import annotations

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


def is_absolute_site_url(site_url: str | None) -> bool:
    """Feeds, robots.txt and canonical links need the address the site is published at."""
    return bool(site_url) and site_url.startswith(("https://", "http://"))


def robots_txt(site_url: str) -> str:
    """robots.txt allowing everything and naming the sitemap.

    Crawlers read robots.txt only at the root of a host: when the site lives under a sub-path
    the host's own robots.txt must carry the Sitemap line (README: 在子路径下发布).
    """
    base = site_url if site_url.endswith("/") else f"{site_url}/"
    return f"User-agent: *\nAllow: /\n\nSitemap: {base}{SITEMAP}\n"
