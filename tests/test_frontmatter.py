from __future__ import annotations

import datetime as dt

import pytest
from bulletins.frontmatter import split_front_matter


def test_values_keep_their_lines_and_source_text():
    text = (
        "---\nseries: 工作简报\nissue: 9\ndate: 2021-03-11\narticles:\n  - title: 甲\n---\n正文\n"
    )
    front, problems = split_front_matter(text, "docs/x.md")
    assert problems == []
    assert front.data["issue"].value == 9
    assert front.data["date"].value == dt.date(2021, 3, 11)
    assert front.lines["series"] == 2
    assert front.lines["articles[0].title"] == 6
    assert front.body == "正文\n"
    assert front.body_start_line == 8


def test_missing_front_matter_is_reported_on_line_one():
    front, problems = split_front_matter("## 标题\n", "docs/x.md")
    assert front is None
    assert [str(p) for p in problems] == ["docs/x.md:1: 缺少前置信息：文件的第一行必须是“---”"]


def test_unclosed_front_matter():
    front, problems = split_front_matter("---\nseries: 工作简报\n", "docs/x.md")
    assert front is None
    assert [str(p) for p in problems] == [
        "docs/x.md:1: 前置信息没有以“---”行结束：请在前置信息最后一行之后、正文之前加一行“---”"
    ]


def test_an_opening_fence_of_full_width_dashes_is_named():
    front, problems = split_front_matter("———\nseries: 工作简报\n---\n", "docs/x.md")
    assert front is None
    assert [str(p) for p in problems] == [
        "docs/x.md:1: 缺少前置信息：文件的第一行必须是“---”（请用半角“-”，不要用“——”）"
    ]


def test_malformed_yaml_names_the_file_line():
    front, problems = split_front_matter("---\nseries: 工作简报\nissue: [9\n---\n", "docs/x.md")
    assert front is None
    assert problems[0].line == 3
    assert problems[0].message.startswith("前置信息的 YAML 格式有误：")


def test_impossible_date_does_not_stop_the_other_values():
    front, problems = split_front_matter("---\ndate: 2021-02-30\nissue: 3\n---\n", "docs/x.md")
    assert problems == []
    assert front.data["date"].value == "2021-02-30"
    assert front.data["issue"].value == 3


def test_duplicate_key_is_a_problem():
    _, problems = split_front_matter("---\nissue: 3\nissue: 4\n---\n", "docs/x.md")
    assert [(p.line, p.field) for p in problems] == [(3, "issue")]


def test_byte_order_mark_is_ignored():
    front, problems = split_front_matter("\ufeff---\nissue: 3\n---\n", "docs/x.md")
    assert problems == [] and front.data["issue"].value == 3


def test_field_lines_are_worked_out_only_when_asked_and_match_the_keys():
    text = "---\nseries: 工作简报\narticles:\n  - title: 甲\n    topics: [a, b]\n---\n"
    front, problems = split_front_matter(text, "docs/x.md")
    assert front.lines._lines is None  # nothing asked yet: no field paths built
    assert dict(front.lines) == {
        "": 2,
        "series": 2,
        "articles": 3,
        "articles[0]": 4,
        "articles[0].title": 4,
        "articles[0].topics": 5,
        "articles[0].topics[0]": 5,
        "articles[0].topics[1]": 5,
    }


def test_text_that_looks_like_another_type_is_still_resolved_by_yaml():
    text = "---\na: true\nb: 12\nc: ~\nd: 'true'\ne: 2021-03-11\nf: 甲\ng: title\n---\n"
    front, _ = split_front_matter(text, "docs/x.md")
    values = {key: scalar.value for key, scalar in front.data.items()}
    assert values == {
        "a": True, "b": 12, "c": None, "d": "true", "e": dt.date(2021, 3, 11), "f": "甲",
        "g": "title",
    }  # fmt: skip


def test_one_scalar_constructor_serves_every_file_and_keeps_nothing():
    """The constructor is shared between files: a value that fails to construct, and one that
    did, leave no state that changes the next file's values or keeps its nodes alive."""
    from bulletins.yaml_scalars import _SCALARS

    bad, _ = split_front_matter("---\ndate: 2021-02-30\nissue: 7\n---\n", "a.md")
    good, _ = split_front_matter("---\ndate: 2021-03-11\nissue: 9\ndraft: no\n---\n", "b.md")
    assert bad.data["date"].value == "2021-02-30" and bad.data["issue"].value == 7
    assert good.data["date"].value == dt.date(2021, 3, 11) and good.data["issue"].value == 9
    assert good.data["draft"].value is False
    assert not _SCALARS.constructed_objects and not _SCALARS.recursive_objects
    assert _SCALARS.deep_construct is False


def test_a_full_width_colon_is_named_on_its_own_line():
    # YAML says "could not find expected ':'" on the line after, in its own terms.
    _, problems = split_front_matter(
        "---\nseries: 工作简报\nissue：12\ndate: 2021-03-11\n---\n", "docs/x.md"
    )
    assert [(p.line, p.message) for p in problems] == [
        (3, "前置信息的 YAML 格式有误：字段名后面用了全角冒号“：”，请改成半角冒号“:”")
    ]  # fmt: skip (the slip alone: PyYAML's reason for it, in brackets, would contradict it)


@pytest.mark.parametrize(
    "indent, slip",
    [
        ("\u3000\u3000", "这一行用了全角空格缩进，请改用半角空格"),
        ("\t", "这一行用了 Tab 缩进，请改用空格"),
    ],
)
def test_an_indent_typed_otherwise_than_with_spaces_is_named(indent, slip):
    text = (
        f"---\nseries: 工作简报\narticles:\n  - title: 甲\n{indent}departments: [市住建局]\n"
        "    topics: [消防车通道]\n---\n"
    )
    _, problems = split_front_matter(text, "docs/x.md")
    assert [(p.line, p.message) for p in problems] == [
        (5, f"前置信息的 YAML 格式有误：{slip}")
    ]  # fmt: skip


def test_yaml_errors_are_said_in_chinese_and_others_keep_pyyaml_words():
    def messages(yaml_text: str) -> list[str]:
        return [str(p) for p in split_front_matter(f"---\n{yaml_text}---\n", "docs/x.md")[1]]

    assert messages("series: 工作简报\nissue: [9\n") == [
        "docs/x.md:3: 前置信息的 YAML 格式有误：应为“,”或“]”，"
        "却已到了前置信息的末尾（“[”缺少配对的“]”）"
    ]
    assert messages("series: 工作简报\ntitle: a: b\n") == [
        "docs/x.md:3: 前置信息的 YAML 格式有误：这里不能出现“: ”（值里有“: ”时，请给整个值加引号）"
    ]
    assert messages("articles:\n - title: 甲\n issuer: 乙\n") == [
        "docs/x.md:4: 前置信息的 YAML 格式有误：缩进没有对齐（遇到字段）（列表从第 3 行开始）"
    ]
    assert messages("title: |0\n  甲\n") == [  # a slip no editor makes: PyYAML's words
        "docs/x.md:2: 前置信息的 YAML 格式有误："
        "expected indentation indicator in the range 1-9, but found 0"
    ]


def _messages(yaml_text: str) -> list[str]:
    return [str(p) for p in split_front_matter(f"---\n{yaml_text}---\n", "docs/x.md")[1]]


BEFORE = "series: 工作简报\narticles:\n"
AFTER = "date: 2021-03-11\nissuer: 聊城市创建全国文明城市工作办公室\ncopies: 260\n"


@pytest.mark.parametrize(
    "line, message",
    [
        (
            '  - title: "全国文明城市"创建工作郭建民调研',
            "值以引号开头时，整个值都要放在引号里："
            "请写成 title: '\"全国文明城市\"创建工作郭建民调研'（外面加一对单引号），或改用中文引号“”",
        ),
        (
            "  - title: '郭建民'调研全国文明城市创建工作",
            "值以引号开头时，整个值都要放在引号里："
            "请写成 title: \"'郭建民'调研全国文明城市创建工作\"（外面加一对双引号），或改用中文引号“”",
        ),
        ("date:2021-03-11", "半角冒号“:”后面要有一个空格，请写成 date: 2021-03-11"),
        (
            "issuer 聊城市创建全国文明城市工作办公室",
            "字段名后面少了半角冒号“:”，请写成 issuer: 聊城市创建全国文明城市工作办公室",
        ),
        ('  - title: "郭建民调研全国文明城市创建工作', "引号没有配对：到结尾也没有另一半引号"),
        ("topics: [调研督导, 帮包社区", "应为“,”或“]”，却遇到“:”（“[”缺少配对的“]”？）"),
        (
            "  - title: 郭建民\x0b调研",
            "这一行有看不见的控制字符（U+000B，常见于从 Word 复制的文字）：请删去后重新输入",
        ),
        (
            'attachments: ["D:\\user\\gzjb-009.pdf"]',
            "双引号里的“\\u”不是有效的写法：路径请用“/”，或改用单引号",
        ),
        (
            'attachments: ["D:\\xls\\a.pdf"]',
            "双引号里的“\\x”不是有效的写法：路径请用“/”，或改用单引号",
        ),
        (
            'attachments: ["D:\\Users\\a.pdf"]',
            "双引号里的“\\U”不是有效的写法：路径请用“/”，或改用单引号",
        ),
        ("title: |聊城市", "以“|”“>”开头的值请加引号"),
        ("title: >聊城市", "以“|”“>”开头的值请加引号"),
        ("title: !聊城市 x", "以“!”开头的值请加引号"),
        ("title: @聊城市", "这里不能出现“@”（以“@”开头的值请加引号）"),
        ("title: `聊城市", "这里不能出现“`”（以“`”开头的值请加引号）"),
        ("title: %聊城市", "这里不能出现“%”（以“%”开头的值请加引号）"),
    ],
)
def test_typical_slips_are_named_on_their_own_line(line, message):
    """The slip's line is line 4 of the file; the error names it and nothing else."""
    assert _messages(f"{BEFORE}{line}\n{AFTER}") == [
        f"docs/x.md:4: 前置信息的 YAML 格式有误：{message}"
    ]


def test_a_top_level_field_does_not_say_where_the_fields_start():
    assert _messages("series: 工作简报\nissue: 9\n- 甲\n") == [
        "docs/x.md:4: 前置信息的 YAML 格式有误：缩进没有对齐（遇到“-”）"
    ]


def test_pyyaml_words_stay_on_one_line():
    from bulletins.yaml_messages import _one_line

    assert _one_line("unacceptable character\n  in position 5") == (
        "unacceptable character in position 5"
    )
