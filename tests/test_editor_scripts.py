"""The three editors' commands through their `main(argv)`, and once each as a real process."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import check_content
import import_bulletin
import new_bulletin
import pytest
from bulletins.registry import load_registry
from conftest import FIXTURES, ROOT, SEED_BULLETIN

SEED_INPUT = FIXTURES / "import" / "seed" / "input.txt"
PLACEHOLDER_INPUT = FIXTURES / "import" / "bom-placeholders" / "input.txt"


def test_import_writes_the_file_and_prints_its_path(tmp_path, capsys):
    assert import_bulletin.main([str(SEED_INPUT), "--out", str(tmp_path)]) == 0
    written = tmp_path / "bulletins" / "2021" / "gzjb-009.md"
    assert capsys.readouterr().out.strip() == written.as_posix()
    expected = (FIXTURES / "import" / "seed" / "expected.md").read_bytes()
    assert written.read_bytes() == expected  # UTF-8, '\n' line ends


def test_import_never_overwrites_without_force(tmp_path, capsys):
    assert import_bulletin.main([str(SEED_INPUT), "--out", str(tmp_path)]) == 0
    target = tmp_path / "bulletins" / "2021" / "gzjb-009.md"
    target.write_text("edited by hand", encoding="utf-8")
    capsys.readouterr()
    assert import_bulletin.main([str(SEED_INPUT), "--out", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        f"{target.as_posix()}: 已存在，没有覆盖（要替换它，请加 --force）\n"
    )
    assert target.read_text(encoding="utf-8") == "edited by hand"
    assert import_bulletin.main([str(SEED_INPUT), "--out", str(tmp_path), "--force"]) == 0
    assert target.read_text(encoding="utf-8") != "edited by hand"


def test_import_dry_run_prints_and_writes_nothing(tmp_path, capsys):
    assert import_bulletin.main([str(SEED_INPUT), "--out", str(tmp_path), "--dry-run"]) == 0
    assert capsys.readouterr().out.startswith("---\nseries: 工作简报\n")
    assert not any(tmp_path.iterdir())


def test_import_with_placeholders_exits_1_and_names_what_to_fill(tmp_path, capsys):
    assert import_bulletin.main([str(PLACEHOLDER_INPUT), "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "input.txt:1: 警告: series: 刊头是“文明创建快报”，不在 docs/_data/series.yml 中" in err
    assert "bulletins/2021/input.md:2: series: “待填写：系列”还没有填写：请换成真实内容" in err
    assert (tmp_path / "bulletins" / "2021" / "input.md").exists()


@pytest.mark.parametrize(
    "name, content",
    [
        ("renamed.docx", b"\xd0\xcf\x11\xe0 an old .doc file"),  # a .doc renamed to .docx
        ("empty.docx", b""),
        ("binary.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x80\x81"),  # not text
    ],
)
def test_import_of_an_unreadable_file_says_why_and_exits_2(tmp_path, capsys, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    assert import_bulletin.main([str(path), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{path}: ") and "Traceback" not in err, err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "name, message",
    [("missing.txt", "“{}”不存在"), ("bulletin.pdf", "“{}”：只能导入 .txt、.docx 文件")],
)
def test_import_usage_errors_exit_2(tmp_path, capsys, name, message):
    path = tmp_path / name
    if name.endswith(".pdf"):
        path.write_bytes(b"%PDF")
    with pytest.raises(SystemExit) as exit_info:
        import_bulletin.main([str(path)])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.endswith(f"：错误：{message.format(path)}\n")


def test_check_content_passes_the_real_site(capsys):
    assert check_content.main([]) == 0
    assert "0 处错误" in capsys.readouterr().err


def test_check_content_reports_problems_like_the_build(tmp_path, capsys):
    bad = tmp_path / "bulletins" / "2021" / "gzjb-010.md"
    bad.parent.mkdir(parents=True)
    text = SEED_BULLETIN.read_text(encoding="utf-8").replace("issue: 9", "issue: 10")
    bad.write_text(text.replace("[市司法局]", "[市司法厅]"), encoding="utf-8")
    assert check_content.main([str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert (
        f"{bad.as_posix()}:14: articles[2].departments[0]: “市司法厅”不是名录中的部门"
        "（是不是“市司法局”？）"
    ) in err


def test_check_content_reports_an_issue_claimed_twice(tmp_path, capsys):
    copy = tmp_path / "bulletins" / "2021" / "gzjb-010.md"  # still says issue: 9
    copy.parent.mkdir(parents=True)
    shutil.copy(SEED_BULLETIN, copy)
    assert check_content.main([str(copy)]) == 1
    assert (
        f"{copy.as_posix()}:3: issue: docs/bulletins/2021/gzjb-009.md 也是工作简报 2021年第9期："
        "一期只能有一个文件"
    ) in capsys.readouterr().err


def test_check_content_names_a_file_saved_as_gbk_instead_of_crashing(tmp_path, capsys):
    # Notepad's "ANSI" on a Chinese Windows is GBK: the file was read with a traceback before.
    saved = tmp_path / "bulletins" / "2021" / "gzjb-010.md"
    saved.parent.mkdir(parents=True)
    text = SEED_BULLETIN.read_text(encoding="utf-8").replace("issue: 9", "issue: 10")
    saved.write_bytes(text.encode("gbk"))
    assert check_content.main([str(saved)]) == 1
    err = capsys.readouterr().err
    line = (
        text.encode("gbk")
        .split(b"\n")
        .index(next(raw for raw in text.encode("gbk").split(b"\n") if not raw.isascii()))
        + 1
    )
    assert (
        f"{saved.as_posix()}:{line}: 编码: 文件不是 UTF-8 文本"
        "（看起来是 GBK/GB18030 编码，即记事本的“ANSI”）：请打开它，另存为 UTF-8"
    ) in err
    assert "检查了 1 个简报文件：1 处错误" in err


def test_check_content_reads_a_file_with_a_byte_order_mark_as_the_build_does(tmp_path, capsys):
    saved = tmp_path / "bulletins" / "2021" / "gzjb-010.md"
    saved.parent.mkdir(parents=True)
    text = SEED_BULLETIN.read_text(encoding="utf-8").replace("issue: 9", "issue: 10")
    saved.write_text("\ufeff" + text, encoding="utf-8")
    assert check_content.main([str(saved)]) == 0, capsys.readouterr().err


def test_check_content_missing_path_exits_2(capsys):
    assert check_content.main(["no/such/path"]) == 2
    assert capsys.readouterr().err == "check_content: “no/such/path”不存在\n"


def test_new_bulletin_takes_the_next_free_number(tmp_path, capsys):
    arguments = ["--series", "督查专报", "--date", "2021-03-18", "--out", str(tmp_path)]
    assert new_bulletin.main(arguments) == 0
    assert new_bulletin.main(arguments) == 0
    assert sorted(p.name for p in (tmp_path / "bulletins" / "2021").iterdir()) == [
        "dczb-001.md", "dczb-002.md"
    ]  # fmt: skip
    capsys.readouterr()
    assert new_bulletin.main([*arguments, "--issue", "2"]) == 2  # exists; no --force
    existing = (tmp_path / "bulletins" / "2021" / "dczb-002.md").as_posix()
    assert capsys.readouterr().err == f"{existing}: 已存在，没有覆盖（要替换它，请加 --force）\n"
    assert new_bulletin.main([*arguments, "--issue", "2", "--force"]) == 0


def test_new_bulletin_scaffold_fails_the_check_until_filled(tmp_path, capsys):
    arguments = ["--series", "工作简报", "--issue", "10", "--date", "2021-03-18"]
    assert new_bulletin.main([*arguments, "--out", str(tmp_path)]) == 0
    scaffold = tmp_path / "bulletins" / "2021" / "gzjb-010.md"
    text = scaffold.read_text(encoding="utf-8")
    assert "issuer: 聊城市创建全国文明城市工作办公室" in text  # from the newest 工作简报
    # So is the distribution footer, which seldom changes from one issue to the next.
    assert "\n  report_to: 市委常委，" in text and "\n  copies: 260\n" in text
    assert check_content.main([str(scaffold)]) == 1
    filled = (
        text.replace("待填写：标题", "市文明办部署文明交通劝导")
        .replace("待填写：部门", "市文明办")
        .replace("待填写：专题", "交通秩序")
        .replace("待填写：正文", "3月17日，市文明办召开会议。")
    )
    scaffold.write_text(filled, encoding="utf-8")
    capsys.readouterr()
    assert check_content.main([str(scaffold)]) == 0, capsys.readouterr().err


def test_new_bulletin_of_a_series_without_issues_asks_for_the_distribution(capsys):
    assert new_bulletin.main(["--series", "督查专报", "--date", "2021-03-18", "--dry-run"]) == 0
    text = capsys.readouterr().out
    assert "distribution:\n  report_to: 待填写：报送范围\n  send_to: 待填写：发送范围\n" in text


def test_new_bulletin_after_an_issue_without_a_footer_writes_none():
    from bulletins.parse import parse_bulletin
    from helpers import bulletin_text, real_registry

    latest, problems = parse_bulletin(
        bulletin_text(), "bulletins/2021/gzjb-010.md", "docs/b.md", real_registry()
    )
    assert problems == [] and latest.distribution is None
    text = new_bulletin.scaffold(latest.series, 11, latest.date, latest)
    assert "distribution" not in text and f"issuer: {latest.issuer}" in text


def test_new_bulletin_unknown_series_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        new_bulletin.main(["--series", "工作简bao", "--dry-run"])
    assert exit_info.value.code == 2
    assert "：错误：“工作简bao”不是名录中的系列（是不是“工作简报”？）" in capsys.readouterr().err


@pytest.mark.parametrize(
    "date, message",
    [
        ("2021-02-30", "--date 的日期不存在：“2021-02-30”"),
        ("2021-3-18", "--date 的日期应写成 YYYY-MM-DD（如 2021-03-18），现在是“2021-3-18”"),
    ],
)
def test_new_bulletin_bad_date_is_a_usage_error_that_says_which(capsys, date, message):
    """Said after the script's name and 错误, as every usage error is."""
    with pytest.raises(SystemExit) as exit_info:
        new_bulletin.main(["--series", "工作简报", "--date", date, "--dry-run"])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.endswith(f"：错误：{message}\n")


def run_script(name: str, *arguments: str, cwd) -> subprocess.CompletedProcess:
    """As an editor runs it: `python scripts/<name> …`, from another directory."""
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / name), *arguments],
        cwd=cwd,
        check=False,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


@pytest.mark.parametrize("script", ["import_bulletin.py", "check_content.py", "new_bulletin.py"])
def test_scripts_run_as_plain_commands_with_help(script, tmp_path):
    result = run_script(script, "--help", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "退出码" in result.stdout and "例子" in result.stdout


def test_check_content_as_a_process_passes_the_real_site(tmp_path):
    result = run_script("check_content.py", cwd=tmp_path)
    assert result.returncode == 0, result.stderr


def test_import_as_a_process_prints_the_file_it_wrote(tmp_path):
    result = run_script("import_bulletin.py", str(SEED_INPUT), "--out", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("bulletins/2021/gzjb-009.md")


def test_import_several_inputs_prints_each_path(tmp_path, capsys):
    inputs = [FIXTURES / "import" / case / "input.txt" for case in ("seed", "pdf-page-breaks")]
    assert import_bulletin.main([*map(str, inputs), "--out", str(tmp_path)]) == 0
    assert capsys.readouterr().out.split() == [
        (tmp_path / "bulletins" / "2021" / name).as_posix()
        for name in ("gzjb-009.md", "cwjb-009.md")
    ]


def test_import_exits_1_when_a_contents_entry_has_no_title_in_the_text(tmp_path, capsys):
    """The article of that entry is merged into the one before: written, but to be fixed."""
    text = SEED_INPUT.read_text(encoding="utf-8").replace(
        "- 市司法局召开文明建设及创城工作动员会", "- 司法部门行动起来", 1
    )
    raw = tmp_path / "第9期.txt"
    raw.write_text(text, encoding="utf-8")
    assert import_bulletin.main([str(raw), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert (
        "第9期.txt:13: 目录: 目录里有“司法部门行动起来”，但正文中对应位置找不到与它相近的标题"
        in err
    )
    assert (tmp_path / "out" / "bulletins" / "2021" / "gzjb-009.md").exists()


def test_check_content_checks_attachments_as_the_build_does(tmp_path, capsys, monkeypatch):
    """A missing original, and a web page saved under the original's name (archivist review)."""
    docs = tmp_path / "docs"
    bulletin = docs / "bulletins" / "2021" / "gzjb-009.md"
    bulletin.parent.mkdir(parents=True)
    text = SEED_BULLETIN.read_text(encoding="utf-8").replace(
        "distribution:\n", "attachments: [gzjb-009.pdf, 第9期.docx]\ndistribution:\n", 1
    )
    bulletin.write_text(text, encoding="utf-8")
    (bulletin.parent / "gzjb-009.pdf").write_bytes(b"<!DOCTYPE html><title>login</title>")
    monkeypatch.setattr(check_content, "DOCS", docs)
    line = text.split("\n").index("attachments: [gzjb-009.pdf, 第9期.docx]") + 1

    assert check_content.main([str(bulletin)]) == 1

    err = capsys.readouterr().err
    where = f"{bulletin.as_posix()}:{line}"
    assert (
        f"{where}: attachments[0]: “gzjb-009.pdf”的内容不是 PDF 文件：它像是网页（可能是下载时"
        "存下了登录页或出错页），请换成原件"
    ) in err
    assert (
        f"{where}: attachments[1]: 找不到文件：{docs.as_posix()}/bulletins/2021/第9期.docx" in err
    )
    assert "attachments[0]: 找不到文件" not in err  # it is there, in the docs/ checked


def test_a_broken_registry_is_reported_alone_not_through_every_bulletin(
    tmp_path, capsys, monkeypatch
):
    """A registry saved as GBK: one line naming it, not a traceback or an error per name."""
    registry_dir = ROOT / "docs" / "_data"
    for name in ("series.yml", "topics.yml"):
        shutil.copy(registry_dir / name, tmp_path)
    text = (registry_dir / "departments.yml").read_text(encoding="utf-8")
    (tmp_path / "departments.yml").write_bytes(text.encode("gbk"))
    monkeypatch.setattr(
        check_content, "site_registry", lambda: load_registry(str(tmp_path), "docs/_data")
    )

    assert check_content.main([]) == 1

    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("docs/_data/departments.yml:")
    assert "文件不是 UTF-8 文本（看起来是 GBK/GB18030 编码" in err[0]
    assert err[1:] == ["1 处名录错误，改正名录后才会检查各期简报"]


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["--date", "2021-03-18"], "：错误：缺少必需的参数：--series"),
        (["--series", "工作简报", "--issue", "十"], "：错误：--issue 后面应写整数，现在是“十”"),
        (["--series", "工作简报", "--sereis", "x"], "：错误：不认识的参数：--sereis x"),
        (["--series"], "：错误：--series 后面要写一个值"),
    ],
    ids=["required", "not-a-number", "unknown", "no-value"],
)  # fmt: skip
def test_argparse_usage_errors_are_in_chinese(capsys, arguments, said):
    with pytest.raises(SystemExit) as exit_info:
        new_bulletin.main(arguments)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("用法：")  # then the script's name, as it was run
    assert err.endswith(said + "\n")


def test_help_is_in_chinese(capsys):
    with pytest.raises(SystemExit) as exit_info:
        check_content.main(["-h"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：") and "[-h] [PATH ...]" in out.splitlines()[0]
    assert "\n参数:\n" in out and "\n选项:\n" in out  # argparse adds the colon
    assert "显示本说明并退出" in out
    assert not re.search(r"usage|options|positional arguments|show this help", out)


def test_new_bulletin_skips_the_numbers_a_combined_issue_takes(tmp_path):
    combined = tmp_path / "bulletins" / "2021" / "gzjb-009.md"
    combined.parent.mkdir(parents=True)
    text = SEED_BULLETIN.read_text(encoding="utf-8")
    combined.write_text(text.replace("issue: 9\n", "issue: 9\nissue_to: 10\n", 1), encoding="utf-8")
    arguments = ["--series", "工作简报", "--date", "2021-03-25", "--out", str(tmp_path)]
    assert new_bulletin.main(arguments) == 0
    assert (tmp_path / "bulletins" / "2021" / "gzjb-011.md").is_file()
