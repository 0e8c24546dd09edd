from __future__ import annotations

from bulletins.collection import Source, load_bulletins
from bulletins.indexes import (
    articles_by_department,
    articles_by_topic,
    articles_by_year,
    group_by_month,
    month_counts,
    series_neighbours,
)
from helpers import bulletin_text, real_registry

FIRE = ("住建局清理消防车通道", ["市住建局"], ["消防车通道"])
VOLUNTEERS = ("生态环境局学雷锋", ["市生态环境局"], ["志愿服务"])
JOINT = ("住建局与消防支队联合检查", ["市住建局", "市消防救援支队"], ["消防车通道", "调研督导"])


def corpus():
    texts = {
        "bulletins/2020/gzjb-030.md": bulletin_text(issue="30", date="2020-12-01", articles=[FIRE]),
        "bulletins/2021/gzjb-001.md": bulletin_text(
            issue="1", date="2021-01-05", articles=[VOLUNTEERS, JOINT]
        ),
        "bulletins/2021/gzjb-002.md": bulletin_text(issue="2", date="2021-03-11", articles=[JOINT]),
        "bulletins/2021/dczb-001.md": bulletin_text(
            series="督查专报", issue="1", date="2021-03-11", articles=[FIRE]
        ),
    }
    sources = [Source(path, f"docs/{path}", text) for path, text in texts.items()]
    bulletins, problems = load_bulletins(sources, real_registry())
    assert problems == []
    return bulletins


def keys(refs):
    return [(ref.bulletin.source_path, ref.article.anchor) for ref in refs]


def test_bulletins_sorted_newest_first_then_series():
    assert [b.source_path for b in corpus()] == [
        "bulletins/2021/dczb-001.md",
        "bulletins/2021/gzjb-002.md",
        "bulletins/2021/gzjb-001.md",
        "bulletins/2020/gzjb-030.md",
    ]


def test_articles_by_department_lists_every_article_newest_first():
    index = articles_by_department(corpus())
    assert keys(index["housing"]) == [
        ("bulletins/2021/dczb-001.md", "a1"),
        ("bulletins/2021/gzjb-002.md", "a1"),
        ("bulletins/2021/gzjb-001.md", "a2"),
        ("bulletins/2020/gzjb-030.md", "a1"),
    ]
    assert keys(index["fire-rescue"]) == [
        ("bulletins/2021/gzjb-002.md", "a1"),
        ("bulletins/2021/gzjb-001.md", "a2"),
    ]
    assert "justice" not in index


def test_articles_by_topic():
    index = articles_by_topic(corpus())
    assert keys(index["volunteering"]) == [("bulletins/2021/gzjb-001.md", "a1")]
    assert len(index["fire-lanes"]) == 4
    assert len(index["inspection"]) == 2


def test_articles_by_year_newest_year_first():
    index = articles_by_year(corpus())
    assert list(index) == [2021, 2020]
    assert len(index[2021]) == 4 and len(index[2020]) == 1


def test_month_counts():
    counts = month_counts(corpus())
    assert [(m.year, m.month, m.issues, m.articles) for m in counts[2021]] == [
        (2021, 3, 2, 2),
        (2021, 1, 1, 2),
    ]
    assert [(m.month, m.issues) for m in counts[2020]] == [(12, 1)]


def test_group_by_month_keeps_order():
    groups = group_by_month(articles_by_department(corpus())["housing"])
    assert [(key, len(refs)) for key, refs in groups] == [
        ((2021, 3), 2),
        ((2021, 1), 1),
        ((2020, 12), 1),
    ]


def test_series_neighbours_stay_within_a_series():
    neighbours = series_neighbours(corpus())
    previous, following = neighbours["bulletins/2021/gzjb-001.md"]
    assert previous.source_path == "bulletins/2020/gzjb-030.md"
    assert following.source_path == "bulletins/2021/gzjb-002.md"
    assert neighbours["bulletins/2021/dczb-001.md"] == (None, None)


def test_duplicate_issue_and_misplaced_file_are_reported():
    text = bulletin_text(issue="5", date="2021-04-01")
    sources = [
        Source("bulletins/2021/gzjb-005.md", "docs/bulletins/2021/gzjb-005.md", text),
        Source("bulletins/2021/copy.md", "docs/bulletins/2021/copy.md", text),
        Source(
            "bulletins/2020/gzjb-006.md",
            "docs/bulletins/2020/gzjb-006.md",
            bulletin_text(issue="6", date="2021-04-08"),
        ),
    ]
    _, problems = load_bulletins(sources, real_registry())
    assert [str(p) for p in problems] == [
        "docs/bulletins/2020/gzjb-006.md:3: issue: 文件名与工作简报 2021年第6期（series、date、issue）不符：请把文件移到 docs/bulletins/2021/gzjb-006.md，或改正这几项",
        "docs/bulletins/2021/copy.md:3: issue: docs/bulletins/2021/gzjb-005.md 也是工作简报 2021年第5期：一期只能有一个文件",
        "docs/bulletins/2021/gzjb-005.md:3: issue: docs/bulletins/2021/copy.md 也是工作简报 2021年第5期：一期只能有一个文件",
    ]
