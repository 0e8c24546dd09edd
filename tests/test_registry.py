from __future__ import annotations

from bulletins.registry import load_registry
from helpers import real_registry


def test_department_found_by_full_name_short_name_and_alias():
    registry = real_registry()
    by_full, _ = registry.find_department("聊城市住房和城乡建设局")
    by_short, _ = registry.find_department("市住建局")
    by_alias, _ = registry.find_department("住建局")
    assert by_full is by_short is by_alias
    assert by_full.id == "housing" and by_full.short == "市住建局"


def test_unknown_department_suggests_the_closest():
    _, message = real_registry().find_department("市司法厅")
    assert message == "“市司法厅”不是名录中的部门（是不是“市司法局”？）"


def test_unknown_topic_and_series_suggest_the_closest():
    _, topic_message = real_registry().find_topic("消防通道治理")
    assert "不是名录中的专题" in topic_message
    _, series_message = real_registry().find_series("工作简讯")
    assert series_message == "“工作简讯”不是名录中的系列（是不是“工作简报”？）"


def test_registry_ids_are_ascii_and_unique():
    registry = real_registry()
    for entries in (registry.series, registry.departments, registry.topics):
        for entry_id in entries:
            assert entry_id.isascii() and entry_id == entry_id.lower()


def test_registry_problems_have_file_line_and_field(tmp_path):
    (tmp_path / "series.yml").write_text("- id: gzjb\n  name: 工作简报\n", encoding="utf-8")
    (tmp_path / "topics.yml").write_text("- id: a\n  name: 甲\n", encoding="utf-8")
    (tmp_path / "departments.yml").write_text(
        "- id: one\n  name: 甲局\n  short: 甲\n- id: Two\n  name: 乙局\n- id: three\n  name: 丙局\n"
        "  aliases: [甲]\n",
        encoding="utf-8",
    )
    _, problems = load_registry(str(tmp_path), "data")
    assert [str(p) for p in problems] == [
        "data/departments.yml:4: [1].id: “Two”只能由小写英文字母、数字和“-”组成",
        "data/departments.yml:6: [2]: “甲”已经是“one”的名称",
    ]


def test_a_registry_file_missing_or_malformed_is_named_with_its_line(tmp_path):
    (tmp_path / "series.yml").write_text(
        "- id: gzjb\n  name: [工作简报\n- id: dczb\n", encoding="utf-8"
    )
    (tmp_path / "topics.yml").write_text("- id: a\n  name: 甲\n", encoding="utf-8")
    _, problems = load_registry(str(tmp_path), "data")
    assert [str(p) for p in problems] == [
        "data/series.yml:2: YAML 格式有误：应为“,”或“]”，却遇到“:”（“[”缺少配对的“]”？）",
        "data/departments.yml: 名录文件不存在",
    ]


def test_a_registry_saved_as_gbk_is_named_not_a_traceback(tmp_path):
    (tmp_path / "series.yml").write_text("- id: gzjb\n  name: 工作简报\n", encoding="utf-8")
    (tmp_path / "topics.yml").write_text("- id: a\n  name: 甲\n", encoding="utf-8")
    (tmp_path / "departments.yml").write_bytes("# 部门\n- id: one\n  name: 甲局\n".encode("gbk"))
    _, problems = load_registry(str(tmp_path), "data")
    assert [str(p) for p in problems] == [
        "data/departments.yml:1: 编码: 文件不是 UTF-8 文本（看起来是 GBK/GB18030 编码，"
        "即记事本的“ANSI”）：请打开它，另存为 UTF-8"
    ]


def test_an_empty_name_or_id_is_required_not_published_as_none(tmp_path):
    (tmp_path / "series.yml").write_text("- id: gzjb\n  name: 工作简报\n", encoding="utf-8")
    (tmp_path / "topics.yml").write_text("- id: a\n  name:\n", encoding="utf-8")
    (tmp_path / "departments.yml").write_text("- id:\n  name: 甲局\n", encoding="utf-8")
    registry, problems = load_registry(str(tmp_path), "data")
    assert [str(p) for p in problems] == [
        "data/departments.yml:1: [0].id: 必填，不能为空",
        "data/topics.yml:1: [0].name: 必填，不能为空",
    ]
    assert registry.topics == {} and registry.departments == {}
