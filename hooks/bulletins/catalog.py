"""catalog.json: the machine-readable description of the whole site, for archivists and tools."""

from __future__ import annotations

import json
import posixpath
from urllib.parse import quote

from .indexes import ArticleIndexes, ArticleRef
from .model import Bulletin
from .registry import Registry
from .urls import Links

CATALOG_FORMAT = 1


def build_catalog(
    bulletins: list[Bulletin],
    registry: Registry,
    links: Links,
    indexes: ArticleIndexes,
    attachments: dict | None = None,
    site_url: str | None = None,
) -> dict:
    """Every bulletin with its articles, and the series, departments, topics and years with
    counts. README's "catalog.json" section describes each field.

    `indexes`: `article_indexes(bulletins)`; `attachments`: bulletin source path ->
    [PublishedAttachment], listed with size and SHA-256; `site_url`: the published address,
    against which the catalog's relative URLs resolve (None in the offline copy).
    """
    by_department, by_topic, by_year = (
        indexes.by_department,
        indexes.by_topic,
        indexes.issues_by_year,
    )
    attachments = attachments or {}
    return {
        "format": CATALOG_FORMAT,
        "site_url": site_url or None,
        "series": [
            {"id": s.id, "name": s.name, "masthead": s.masthead} for s in registry.series.values()
        ],
        "bulletins": [
            _bulletin_entry(b, links, attachments.get(b.source_path, [])) for b in bulletins
        ],
        "departments": [
            {
                "id": d.id,
                "name": d.name,
                "short": d.short,
                "url": links.department(d),
                "articles": len(by_department.get(d.id, ())),
            }
            for d in registry.departments.values()
        ],
        "topics": [
            {
                "id": t.id,
                "name": t.name,
                "description": t.description,
                "url": links.topic(t),
                "articles": len(by_topic.get(t.id, ())),
            }
            for t in registry.topics.values()
        ],
        "years": [
            {
                "year": year,
                "url": links.archive_year(year),
                "issues_url": links.bulletin_year(year),
                "issues": len(issues),
                "articles": sum(len(b.articles) for b in issues),
            }
            for year, issues in by_year.items()
        ],
    }


def _bulletin_entry(bulletin: Bulletin, links: Links, attachments: list) -> dict:
    distribution = bulletin.distribution
    return {
        "series": bulletin.series.name,
        "series_id": bulletin.series.id,
        "issue": bulletin.issue,
        "issue_to": bulletin.issue_to,
        "total_issue": bulletin.total_issue,
        "date": bulletin.date.isoformat(),
        "issuer": bulletin.issuer,
        "title": bulletin.title,
        "url": links.bulletin(bulletin),
        "source": f"docs/{bulletin.source_path}",
        # URLs the issue had before a correction moved it; they lead on to `url`.
        "former_urls": [links.source(former.source_path) for former in bulletin.moved_from],
        "distribution": None
        if distribution is None
        else {
            "report_to": distribution.report_to,
            "report_label": distribution.report_label,
            "send_to": distribution.send_to,
            "send_label": distribution.send_label,
            "copies": distribution.copies,
        },
        "articles": [
            {
                "title": article.title,
                "anchor": article.anchor,
                "url": links.article(ArticleRef(bulletin, article)),
                "departments": [{"id": d.id, "name": d.short} for d in article.departments],
                "topics": [{"id": t.id, "name": t.name} for t in article.topics],
            }
            for article in bulletin.articles
        ],
        "corrections": [{"date": c.date.isoformat(), "note": c.note} for c in bulletin.corrections],
        "attachments": [
            {
                # A URL (a file name may hold spaces or Chinese); "name" keeps it readable.
                "url": quote(a.attachment.source_path),
                "name": posixpath.basename(a.attachment.source_path),
                "size": a.size,
                "sha256": a.sha256,
            }
            for a in attachments
        ],
    }


def catalog_json(catalog: dict) -> str:
    """The catalog as JSON with one top-level key, and one list entry, per line.

    Stable bytes: the dicts are built in a fixed order; no timestamps. Each entry is dumped by
    json's C encoder; an indented dump runs the pure-Python encoder, which took seconds at
    5,000 issues. One entry per line still reads and diffs well.
    """
    lines = []
    for key, value in catalog.items():
        name = _dump(key)
        if isinstance(value, list) and value:
            entries = ",\n".join(_dump(entry) for entry in value)
            lines.append(f"{name}: [\n{entries}\n]")
        else:
            lines.append(f"{name}: {_dump(value)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
