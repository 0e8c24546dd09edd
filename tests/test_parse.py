from __future__ import annotations

import datetime as dt

import pytest
from bulletins.collection import Source, load_bulletins
from bulletins.parse import body_headings, parse_bulletin, split_sections
from conftest import SEED_BULLETIN
from helpers import bulletin_text, real_registry


def parse(text: str):
    return parse_bulletin(text, "bulletins/2021/gzjb-010.md", "docs/b.md", real_registry())


def lines_of(problems) -> list[str]:
    return [str(p) for p in problems]


def test_seed_bulletin_parses_into_five_articles():
    bulletin, problems = parse_bulletin(
        SEED_BULLETIN.read_text(encoding="utf-8"),
        "bulletins/2021/gzjb-009.md",
        "docs/bulletins/2021/gzjb-009.md",
        real_registry(),
    )
    assert problems == []
    assert (bulletin.series.name, bulletin.issue, bulletin.date) == (
        "工作简报",
        9,
        dt.date(2021, 3, 11),
    )
    assert bulletin.title == "工作简报 2021年第9期"  # issue numbers restart each year
    assert bulletin.issuer == "聊城市创建全国文明城市工作办公室"
    assert [a.anchor for a in bulletin.articles] == ["a1", "a2", "a3", "a4", "a5"]
    assert [d.short for d in bulletin.articles[1].departments] == [
        "市住建局",
        "市文明办",
        "市消防救援支队",
    ]
    assert bulletin.distribution.copies == 260
    assert bulletin.distribution.report_to.startswith("市委常委，")


def test_valid_minimal_bulletin_has_no_problems():
    bulletin, problems = parse(bulletin_text())
    assert problems == []
    assert bulletin.articles[0].departments[0].id == "housing"


def test_department_by_alias_is_shown_by_short_name():
    text = bulletin_text(articles=[("标题", ["聊城市住房和城乡建设局"], ["消防车通道"])])
    bulletin, _ = parse(text)
    assert bulletin.articles[0].departments[0].short == "市住建局"


def test_unknown_department_line_and_hint():
    text = bulletin_text(
        articles=[("标题甲", ["市住建局"], ["消防车通道"]), ("标题乙", ["市司法厅"], ["动员部署"])]
    )
    _, problems = parse(text)
    assert lines_of(problems) == [
        "docs/b.md:11: articles[1].departments[0]: “市司法厅”不是名录中的部门（是不是“市司法局”？）"
    ]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"date": "2021-02-30"}, "docs/b.md:4: date: 日期不存在：“2021-02-30”"),
        (
            {"date": "2021年3月18日"},
            "docs/b.md:4: date: 日期应写成 YYYY-MM-DD（如 2021-03-11），现在是“2021年3月18日”",
        ),
        (
            {"issue": "010"},
            "docs/b.md:3: issue: “010”有前导零，YAML 可能把它当作八进制数（请写 10）",
        ),
        ({"issue": "十"}, "docs/b.md:3: issue: 应为整数，现在是“十”"),
        ({"issue": "0"}, "docs/b.md:3: issue: 不能小于 1"),
        ({"issue": "-5"}, "docs/b.md:3: issue: 不能小于 1"),
        (
            {"series": "工作简讯"},
            "docs/b.md:2: series: “工作简讯”不是名录中的系列（是不是“工作简报”？）",
        ),
        ({"issuer": "''"}, "docs/b.md:5: issuer: 必填，不能为空"),
    ],
)
def test_bad_field_values(changes, expected):
    _, problems = parse(bulletin_text(**changes))
    assert lines_of(problems) == [expected]


def test_quoted_date_is_accepted():
    bulletin, problems = parse(bulletin_text(date="'2021-03-18'"))
    assert problems == [] and bulletin.date == dt.date(2021, 3, 18)


def test_unquoted_no_is_kept_as_written():
    # YAML 1.1 reads `NO` as False; the editor meant the text.
    text = bulletin_text(articles=[("NO", ["市住建局"], ["消防车通道"])])
    bulletin, problems = parse(text)
    assert problems == [] and bulletin.articles[0].title == "NO"


def test_missing_required_fields_are_all_reported():
    text = "---\nseries: 工作简报\n---\n\n正文\n"
    _, problems = parse(text)
    assert lines_of(problems) == [
        "docs/b.md:1: issue: 缺少 issue（必填）",
        "docs/b.md:1: date: 缺少 date（必填）",
        "docs/b.md:1: issuer: 缺少 issuer（必填）",
        "docs/b.md:1: articles: 缺少 articles（必填）",
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("issuer:", "isuer:", "docs/b.md:5: issuer: 缺少 issuer（第 5 行的“isuer”是不是写错了？）"),
        (
            "    topics:",
            "    topic:",
            "docs/b.md:9: articles[0].topics: 缺少 topics（第 9 行的“topic”是不是写错了？）",
        ),
    ],
)
def test_a_misspelt_required_key_is_named_once_on_its_line(old, new, expected):
    _, problems = parse(bulletin_text().replace(old, new, 1))
    assert lines_of(problems) == [expected]


def test_unknown_key_is_a_warning_with_a_hint():
    bulletin, problems = parse(bulletin_text(extra="isuer_name: x\ntopic: 消防车通道"))
    assert bulletin is not None  # warnings do not drop the bulletin
    assert lines_of(problems) == [
        "docs/b.md:10: 警告: isuer_name: 不认识的字段（是不是“issuer”？）",
        "docs/b.md:11: 警告: topic: 不认识的字段",
    ]


def test_article_without_heading_and_heading_without_article():
    text = bulletin_text(
        articles=[("市住建局开展消防车通道专项整治", ["市住建局"], ["消防车通道"])],
        body="\n## 市住建局开展消防车通道专项整治行动\n\n正文。\n",
    )
    _, problems = parse(text)
    assert lines_of(problems) == [
        "docs/b.md:7: articles[0].title: 正文中没有与这个标题一致的“## ”标题（最接近的是“市住建局开展消防车通道专项整治行动”）",
        "docs/b.md:12: 正文: 标题“## 市住建局开展消防车通道专项整治行动”在前置信息的 articles 中没有对应的文章（最接近的是“市住建局开展消防车通道专项整治”）",
    ]


TITLE = "市住建局开展消防车通道专项整治"


def test_placeholder_left_in_the_body_is_an_error_on_its_line():
    # new_bulletin.py writes `待填写：正文` under each heading; it must not reach the site.
    bulletin, problems = parse(bulletin_text(body=f"\n## {TITLE}\n\n待填写：正文\n"))
    assert bulletin is None
    assert lines_of(problems) == ["docs/b.md:14: 正文: “待填写：正文”还没有填写：请换成真实正文"]


def test_a_lead_paragraph_before_the_first_heading_is_allowed():
    # A 督查专报 may open with a paragraph that introduces its numbered points.
    body = f"\n现将督查发现的主要问题通报如下。\n\n## {TITLE}\n\n正文。\n"
    bulletin, problems = parse(bulletin_text(body=body))
    assert bulletin is not None and problems == []


def test_articles_out_of_order():
    text = bulletin_text(
        articles=[("甲", ["市住建局"], ["消防车通道"]), ("乙", ["市住建局"], ["消防车通道"])],
        body="\n## 乙\n\n正文。\n\n## 甲\n\n正文。\n",
    )
    _, problems = parse(text)
    assert lines_of(problems) == [
        "docs/b.md:7: articles[0].title: articles 的顺序与正文中“## ”标题的顺序不同："
        "这一篇是 articles 的第 1 篇，正文中对应位置（第 15 行）的标题却是“乙”"
    ]


def test_headings_inside_code_fences_are_not_articles():
    text = bulletin_text(body="\n## 市住建局开展消防车通道专项整治\n\n```\n## 不是标题\n```\n")
    _, problems = parse(text)
    assert problems == []


def test_distribution_and_total_issue():
    extra = "total_issue: 16\ndistribution:\n  report_to: 市委常委\n  send_to: 各县（市、区）\n  copies: 120"
    bulletin, problems = parse(bulletin_text(extra=extra))
    assert problems == []
    assert bulletin.total_issue == 16
    assert (bulletin.distribution.send_to, bulletin.distribution.copies) == ("各县（市、区）", 120)


def test_draft_flag():
    bulletin, problems = parse(bulletin_text(extra="draft: true"))
    assert problems == [] and bulletin.draft is True
    _, problems = parse(bulletin_text(extra="draft: 也许"))
    assert lines_of(problems) == ["docs/b.md:10: draft: 应为 true 或 false"]


def test_sections_and_headings_skip_fenced_code_and_join_repeated_headings():
    body = (
        "前言\n## 甲\n一\n```\n## 代码\n```\n## 乙\n\n~~~\n## 又一段代码\n~~~\n二\n## 甲\n三\n## 丙"
    )
    assert body_headings(body, 10) == [(11, "甲"), (16, "乙"), (22, "甲"), (24, "丙")]
    assert split_sections(body) == {
        "甲": "一\n```\n## 代码\n```\n三",
        "乙": "~~~\n## 又一段代码\n~~~\n二",
        "丙": "",
    }


def test_two_articles_of_one_title_are_an_error():
    # Text and anchors are found by title: the second article would have neither (the build
    # then failed on a missing anchor, after the checker had passed the file).
    text = bulletin_text(
        articles=[("甲", ["市住建局"], ["消防车通道"]), ("甲", ["市住建局"], ["消防车通道"])],
        body="\n## 甲\n\n正文。\n\n## 甲\n\n正文。\n",
    )
    bulletin, problems = parse(text)
    assert bulletin is None
    assert lines_of(problems) == [
        "docs/b.md:10: articles[1].title: “甲”也是 articles[0] 的标题：每篇文章要有自己的标题"
        "（一篇文章分成两部分时，只写一项、一个“## ”标题）"
    ]


def test_a_repeated_heading_is_reported_on_its_line_not_as_an_order():
    text = bulletin_text(
        articles=[("甲", ["市住建局"], ["消防车通道"]), ("乙", ["市住建局"], ["消防车通道"])],
        body="\n## 甲\n\n正文。\n\n## 乙\n\n正文。\n\n## 甲\n\n又一段。\n",
    )
    bulletin, problems = parse(text)
    assert bulletin is None
    assert lines_of(problems) == ["docs/b.md:23: 正文: 标题“## 甲”出现了两次"]


def test_a_key_behind_a_full_width_space_is_named_as_an_indent_not_an_unknown_key():
    # YAML takes a full-width space for text: the key becomes "　　topics", at the top level.
    text = bulletin_text().replace("    topics:", "\u3000\u3000topics:", 1)
    _, problems = parse(text)
    # One problem, named without the invisible space; the article does not miss its topics.
    assert lines_of(problems) == ["docs/b.md:9: topics: 这一行用了全角空格缩进，请改用半角空格"]


def test_a_top_level_key_behind_a_full_width_space_is_not_also_missing():
    _, problems = parse(bulletin_text().replace("issue:", "\u3000issue:", 1))
    assert lines_of(problems) == ["docs/b.md:3: issue: 这一行用了全角空格缩进，请改用半角空格"]


def test_a_title_cut_at_a_yaml_comment_says_how_to_quote_it():
    text = bulletin_text(
        articles=[("市住建局开展专项整治 #1", ["市住建局"], ["消防车通道"])],
        body="\n## 市住建局开展专项整治 #1\n\n正文。\n",
    )
    _, problems = parse(text)
    assert lines_of(problems)[0] == (
        "docs/b.md:7: articles[0].title: 正文中没有与这个标题一致的“## ”标题（YAML 把“ #”当作"
        "注释的开头，标题被读成了“市住建局开展专项整治”：请加引号，"
        '写成 title: "市住建局开展专项整治 #1"）'
    )


def test_distribution_labels_as_printed():
    extra = (
        "distribution:\n  report_to: 市委常委\n  report_label: 抄报\n  send_to: 各县\n"
        "  send_label: 抄送\n  copies: 20"
    )
    bulletin, problems = parse(bulletin_text(extra=extra))
    assert problems == []
    assert (bulletin.distribution.report_label, bulletin.distribution.send_label) == (
        "抄报",
        "抄送",
    )
    bulletin, _ = parse(bulletin_text(extra="distribution:\n  report_to: 市委常委"))
    assert (bulletin.distribution.report_label, bulletin.distribution.send_label) == ("报", "发")


def test_a_distribution_label_of_the_other_line_is_an_error():
    extra = "distribution:\n  send_to: 各县\n  send_label: 抄报"
    _, problems = parse(bulletin_text(extra=extra))
    assert lines_of(problems) == [
        "docs/b.md:12: distribution.send_label: “抄报”不能用作这一行的标签"
        "（可用：发、送、抄送、分送、印发；是不是“抄送”？）"
    ]


CORRECTIONS = """corrections:
  - date: 2021-04-02
    note: 第1篇中“小区”误作“社区”，已更正。
  - date: 2021-03-20
    note: 补上漏印的报送单位。"""


def test_corrections_are_read_oldest_first_and_date_the_issues_last_change():
    bulletin, problems = parse(bulletin_text(extra=CORRECTIONS))
    assert problems == []
    assert [(c.date.isoformat(), c.note) for c in bulletin.corrections] == [
        ("2021-03-20", "补上漏印的报送单位。"),
        ("2021-04-02", "第1篇中“小区”误作“社区”，已更正。"),
    ]
    assert bulletin.last_changed == dt.date(2021, 4, 2)
    plain, _ = parse(bulletin_text())
    assert plain.corrections == () and plain.last_changed == dt.date(2021, 3, 18)


@pytest.mark.parametrize(
    ("corrections", "expected"),
    [
        ("corrections:\n  - date: 2021-03-01\n    note: 改错字。",
         "docs/b.md:11: corrections[0].date: 更正日期早于本期的日期（2021-03-18）"),
        ("corrections:\n  - date: 2021-03-20",
         "docs/b.md:11: corrections[0].note: 缺少 note（必填）"),
        ("corrections:\n  - date: 2021-3-20\n    note: 改错字。",
         "docs/b.md:11: corrections[0].date: 日期应写成 YYYY-MM-DD（如 2021-03-11），现在是“2021-3-20”"),
        ("corrections: 改过错字",
         "docs/b.md:10: corrections: 应为更正列表（每项写 date 和 note）"),
        ("corrections:\n  - date: 2021-03-20\n    note: 改错字。\n    by: 张三",
         "docs/b.md:13: 警告: corrections[0].by: 不认识的字段"),
    ],
    ids=["before-the-issue", "no-note", "date-form", "not-a-list", "unknown-key"],
)  # fmt: skip
def test_a_bad_correction_is_named_on_its_line(corrections, expected):
    bulletin, problems = parse(bulletin_text(extra=corrections))
    assert expected in lines_of(problems)
    if "警告" not in expected:
        assert bulletin is None  # an error stops the build, as any other


TITLE_0 = "市住建局开展消防车通道专项整治"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"issue": "待填写：期号"},
            "docs/b.md:3: issue: “待填写：期号”还没有填写：请写上期号，如 10",
        ),
        (
            {"date": "待填写：日期"},
            "docs/b.md:4: date: “待填写：日期”还没有填写：请写上日期，如 2021-03-11",
        ),
        (
            {"issuer": "待填写：编印单位"},
            "docs/b.md:5: issuer: “待填写：编印单位”还没有填写：请换成真实内容",
        ),
        (
            {"extra": "distribution:\n  copies: 待填写：份数"},
            "docs/b.md:11: distribution.copies: “待填写：份数”还没有填写：请写上份数，如 260",
        ),
        (
            {"extra": "distribution:\n  copies:"},
            "docs/b.md:11: distribution.copies: 不写份数时请删去这一行",
        ),
        ({"extra": 'title: ""'}, "docs/b.md:10: title: 不写标题时请删去这一行"),
    ],
)
def test_placeholders_and_empty_values_say_what_to_write(changes, expected):
    _, problems = parse(bulletin_text(**changes))
    assert lines_of(problems) == [expected]


@pytest.mark.parametrize(
    ("written", "field", "kind"),
    [
        ("departments: 市住建局、市文明办", "departments", "部门"),
        ("departments: [市住建局，市文明办]", "departments[0]", "部门"),
        ("topics: 消防车通道、专项治理", "topics", "专题"),
    ],
)
def test_names_joined_by_chinese_commas_say_how_to_separate_them(written, field, kind):
    key = written.split(":")[0]
    text = "\n".join(
        f"    {written}" if line.startswith(f"    {key}:") else line
        for line in bulletin_text().split("\n")
    )
    _, problems = parse(text)
    line = 8 if key == "departments" else 9
    names = "市住建局, 市文明办" if kind == "部门" else "消防车通道, 专项治理"
    assert lines_of(problems) == [
        f"docs/b.md:{line}: articles[0].{field}: 几个{kind}之间请用半角逗号分隔，写成 [{names}]"
    ]


@pytest.mark.parametrize(
    ("heading", "hint"),
    [
        (f"##{TITLE_0}", "（第 12 行的“##”后面要有一个空格）"),
        (f"＃＃ {TITLE_0}", "（第 12 行的“＃＃”是全角字符，请改用半角“##”）"),
    ],
)
def test_a_mistyped_heading_is_named_by_its_line(heading, hint):
    _, problems = parse(bulletin_text(body=f"\n{heading}\n\n正文。\n"))
    assert lines_of(problems) == [
        f"docs/b.md:7: articles[0].title: 正文中没有与这个标题一致的“## ”标题{hint}"
    ]


def test_placeholders_in_the_body_name_a_heading_and_cut_long_text():
    body = (
        f"\n## {TITLE_0}\n\n## 待填写：标题\n\n待填写：正文待填写：正文待填写：正文待填写：正文\n"
    )
    _, problems = parse(bulletin_text(body=body))
    assert [line for line in lines_of(problems) if "还没有填写" in line] == [
        "docs/b.md:14: 正文: “## 待填写：标题”还没有填写：请换成真实标题",
        "docs/b.md:16: 正文: “待填写：正文待填写：正文待填写：正文待填……”还没有填写：请换成真实正文",
    ]


def test_a_value_with_chinese_quotes_is_quoted_with_corner_brackets():
    text = bulletin_text(
        articles=[("“郭建民调研”全国文明城市创建工作", ["市住建局"], ["消防车通道"])],
        body="\n## 郭建民调研全国文明城市创建工作\n\n正文。\n",
    )
    _, problems = parse(text)
    assert lines_of(problems)[1] == (
        "docs/b.md:12: 正文: 标题“## 郭建民调研全国文明城市创建工作”在前置信息的 articles 中"
        "没有对应的文章（最接近的是「“郭建民调研”全国文明城市创建工作」）"
    )


def test_a_combined_issue_takes_both_numbers():
    bulletin, problems = parse(bulletin_text(issue="3", extra="issue_to: 4"))
    assert problems == []
    assert (bulletin.issue, bulletin.issue_to, bulletin.number_text) == (3, 4, "第3-4期")
    assert bulletin.title == "工作简报 2021年第3-4期"
    assert bulletin.keys == [("gzjb", 2021, 3), ("gzjb", 2021, 4)]


def test_issue_to_must_come_after_issue():
    bulletin, problems = parse(bulletin_text(issue="3", extra="issue_to: 3"))
    assert bulletin is None
    assert lines_of(problems) == [
        "docs/b.md:10: issue_to: 合刊的最后一期应大于 issue（3），如 issue: 3、issue_to: 4"
    ]


def test_a_combined_issue_and_a_file_for_one_of_its_numbers_are_both_named():
    combined = Source(
        "bulletins/2021/gzjb-003.md", "docs/bulletins/2021/gzjb-003.md",
        bulletin_text(issue="3", extra="issue_to: 4"),
    )  # fmt: skip
    single = Source(
        "bulletins/2021/gzjb-004.md", "docs/bulletins/2021/gzjb-004.md", bulletin_text(issue="4")
    )
    _, problems = load_bulletins([combined, single], real_registry())
    assert [str(p) for p in problems] == [
        "docs/bulletins/2021/gzjb-003.md:3: issue: docs/bulletins/2021/gzjb-004.md 也是工作简报 "
        "2021年第4期：一期只能有一个文件",
        "docs/bulletins/2021/gzjb-004.md:3: issue: docs/bulletins/2021/gzjb-003.md 也是工作简报 "
        "2021年第4期：一期只能有一个文件",
    ]


def test_a_combined_issue_of_many_numbers_is_taken_for_a_typo():
    bulletin, problems = parse(bulletin_text(issue="3", extra="issue_to: 34"))
    assert bulletin is None
    assert lines_of(problems) == [
        "docs/b.md:10: issue_to: 合刊“第3-34期”跨了 32 期，是不是写错了？"
    ]
