"""Small builders for unit tests: bulletin Markdown text and the real registries."""

from __future__ import annotations

from functools import lru_cache

from bulletins.registry import Registry, load_registry
from conftest import ROOT


@lru_cache(maxsize=1)
def real_registry() -> Registry:
    registry, problems = load_registry(str(ROOT / "docs" / "_data"), "docs/_data")
    assert not problems, problems
    return registry


def bulletin_text(
    *,
    series: str = "工作简报",
    issue: str = "10",
    date: str = "2021-03-18",
    issuer: str = "聊城市创建全国文明城市工作办公室",
    articles: list[tuple[str, list[str], list[str]]] | None = None,
    extra: str = "",
    body: str | None = None,
) -> str:
    """Front matter plus a body with one `## ` heading per article, as an editor would write it."""
    if articles is None:
        articles = [("市住建局开展消防车通道专项整治", ["市住建局"], ["消防车通道"])]
    lines = ["---", f"series: {series}", f"issue: {issue}", f"date: {date}", f"issuer: {issuer}"]
    lines.append("articles:")
    for title, departments, topics in articles:
        lines.append(f"  - title: {title}")
        lines.append(f"    departments: [{', '.join(departments)}]")
        lines.append(f"    topics: [{', '.join(topics)}]")
    if extra:
        lines.append(extra.rstrip("\n"))
    lines.append("---")
    if body is None:
        body = "\n".join(f"\n## {title}\n\n{title}的正文。" for title, _, _ in articles)
    return "\n".join(lines) + "\n" + body + "\n"
