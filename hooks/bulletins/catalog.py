"""catalog.json: the machine-readable description of the whole site, for archivists and tools."""

from __future__ import annotations

import json

from .indexes import ArticleRef, articles_by_department, articles_by_topic, bulletins_by_year
from .model import Bulletin
from .registry import Registry
from .urls import Links

CATALOG_FORMAT = 1


def build_catalog(
    bulletins: list[Bulletin], registry: Registry, links: Links, attachments: dict | None = None
) -> dict:
    """Every bulletin with its articles, and the departments, topics and years with counts.

    `attachments`: bulletin source path -> [PublishedAttachment], listed with size and SHA-256.
    """
    by_department = articles_by_department(bulletins)
    by_topic = articles_by_topic(bulletins)
    by_year = bulletins_by_year(bulletins)
    attachments = attachments or {}
    return {
        "format": CATALOG_FORMAT,
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
        "total_issue": bulletin.total_issue,
        "date": bulletin.date.isoformat(),
        "issuer": bulletin.issuer,
        "title": bulletin.title,
        "url": links.bulletin(bulletin),
        "source": f"docs/{bulletin.source_path}",
        "distribution": None
        if distribution is None
        else {
            "report_to": distribution.report_to,
            "send_to": distribution.send_to,
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
        "attachments": [
            {"url": a.attachment.source_path, "size": a.size, "sha256": a.sha256} for a in attachments
        ],
    }


def catalog_json(catalog: dict) -> str:
    # Stable bytes: the dicts are built in a fixed order; no timestamps.
    return json.dumps(catalog, ensure_ascii=False, indent=1) + "\n"
