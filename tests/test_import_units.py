"""Unit tests of the importer's pure functions, on strings."""

from __future__ import annotations

import datetime as dt

import pytest
from bulletins.importer.contents import entry_text
from bulletins.importer.footer import read_footer
from bulletins.importer.header import DATE_RE, chinese_number, parse_date, read_header
from bulletins.importer.infer import departments_in, suggest_departments, suggest_topics
from bulletins.importer.lines import layout_reason, running_heads, split_lines
from bulletins.importer.pipeline import import_text
from bulletins.importer.punctuation import normalise_punctuation
from bulletins.importer.sources import UnsupportedInput, decode_text, read_input
from bulletins.importer.structure import (
    PARAGRAPH,
    TITLE,
    Element,
    join_page_breaks,
    split_paragraphs,
)
from bulletins.importer.writer import yaml_scalar
from bulletins.problems import errors
from bulletins.registry import load_registry
from conftest import ROOT, SEED_BULLETIN, SEED_TITLES

SERIES = ["工作简报", "督查专报", "创文简报", "创城动态", "工作通报"]


@pytest.fixture(scope="module")
def registry():
    return load_registry(str(ROOT / "docs" / "_data"), "docs/_data")[0]


def lines(text: str):
    return [line for line in split_lines(text) if line.text]


# --- reading files -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, encoding",
    [
        ("第9期".encode(), "utf-8"),
        ("\ufeff第9期".encode("utf-8"), "utf-8-sig"),
        ("第9期".encode("gb18030"), "gb18030"),
        ("第9期".encode("gbk"), "gb18030"),
        ("第9期".encode("utf-16"), "utf-16"),
    ],
)
def test_decode_text_detects_the_encoding(data, encoding):
    assert decode_text(data) == ("第9期", encoding)


def test_big5_is_refused_not_imported_as_gibberish():
    # GB18030 decodes Big5 bytes into rare characters and kana (册カ承瓣ゅカ…).
    traditional = SEED_BULLETIN.read_text(encoding="utf-8").encode("big5", errors="ignore")
    with pytest.raises(UnsupportedInput, match="请把文件另存为 UTF-8"):
        decode_text(traditional)
    simplified = SEED_BULLETIN.read_text(encoding="utf-8").encode("gbk")
    assert decode_text(simplified)[1] == "gb18030"
    # Too short to judge by share, but kana give it away: 市委 in Big5 reads as カ〆 in GBK.
    with pytest.raises(UnsupportedInput):
        decode_text("市委\n".encode("big5"))
    assert decode_text("第9期".encode("gbk"))[1] == "gb18030"


def test_unsupported_files_are_refused(tmp_path):
    path = tmp_path / "第9期.pdf"
    path.write_bytes(b"%PDF-1.4")
    with pytest.raises(UnsupportedInput, match=r"\.docx"):
        read_input(path)


def test_docx_tables_keep_every_cell_once(tmp_path):
    """Each cell's text once, merged cells once, in row order (python-docx makes a new proxy per
    cell access, so cells are told apart by their XML element, never by `id()`)."""
    import docx

    document = docx.Document()
    document.add_paragraph("各县区整改情况")
    table = document.add_table(rows=4, cols=3)
    rows = [("县区", "交办问题", "已整改"), ("东昌府区", "120", "98"), ("临清市", "85", "85")]
    for row, values in zip(table.rows, rows, strict=False):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    merged = table.cell(3, 0).merge(table.cell(3, 2))
    merged.text = "共印 120 份"
    table.cell(2, 2).add_paragraph("（另有3处）")  # a cell of two paragraphs: one line still
    path = tmp_path / "第9期.docx"
    document.save(str(path))

    text, how = read_input(path)
    assert how == "docx"
    rows[2] = ("临清市", "85", "85 （另有3处）")
    assert text.split("\n\n") == [
        "各县区整改情况",
        *("\u3000\u3000".join(row) for row in rows),  # a row is one line, cells apart
        "共印 120 份",
    ]


def test_a_table_row_in_an_article_stays_a_paragraph_with_its_figures(registry):
    # Cells on lines of their own were read as titles (a column's name) and page numbers (a
    # figure), and the figures were dropped.
    text = (
        "工作简报\n\n第14期\n\n聊城市创建全国文明城市工作办公室　　2021年4月16日\n\n"
        "各县区创城问题整改进展\n\n截至4月15日，各县（市、区）问题整改情况如下表。\n\n"
        "县区　　交办问题　　已整改\n\n东昌府区　　120　　98\n\n"
        "各县区要加快进度，确保4月底前全部整改到位。\n"
    )
    result = import_text(text, registry, "in.docx", "in")
    body = result.markdown.split("\n---\n", 1)[1]
    assert body.count("## ") == 1
    assert "\n县区\u3000\u3000交办问题\u3000\u3000已整改\n" in body
    assert "\n东昌府区\u3000\u3000120\u3000\u300098\n" in body
    assert {line.reason for line in result.dropped} == {"masthead"}


# --- masthead ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, number",
    [("9", 9), ("九", 9), ("十", 10), ("十二", 12), ("二十", 20), ("一百零五", 105), ("１２", 12)],
)
def test_chinese_number(text, number):
    assert chinese_number(text) == number


@pytest.mark.parametrize(
    "text",
    ["2021年3月11日", "2021.3.11", "2021-03-11", "二〇二一年三月十一日", "2021 年 3 月 11 日"],
)
def test_date_forms(text):
    assert parse_date(DATE_RE.search(text)) == dt.date(2021, 3, 11)


def test_impossible_date_is_reported_not_guessed():
    header = read_header(lines("工作简报\n第9期\n2021年2月30日"), SERIES)
    assert header.date is None and header.date_notes == [(3, "原稿的日期“2021年2月30日”不存在")]


def test_impossible_date_is_reported_on_its_line(registry):
    text = "工作简报\n第9期\n聊城市创城办\n2021年2月30日\n\n标题一\n\n正文。"
    warnings = import_text(text, registry, "in.txt", "in").warnings
    assert [str(p) for p in warnings if p.field == "date"] == [
        "in.txt:4: 警告: date: 原稿的日期“2021年2月30日”不存在：请核对原件，填写 date（如 2021-03-11）"
    ]


def test_header_with_issuer_and_date_on_one_line_and_bracketed_year():
    text = "聊城市创建全国文明城市\n创城动态\n〔2021〕第3期\n聊城市创城办编印 2014年7月3日\n正文第一段。"
    header = read_header(lines(text), SERIES)
    assert (header.series_name, header.issue, header.issuer, header.date) == (
        "创城动态", 3, "聊城市创城办", dt.date(2014, 7, 3)
    )  # fmt: skip
    assert [line.text for line in header.lines][-1] == "聊城市创城办编印 2014年7月3日"


def test_header_total_issue_on_its_own_line():
    header = read_header(lines("督查专报\n第十二期\n（总第十六期）\n二〇二一年六月八日"), SERIES)
    assert (header.issue, header.total_issue, header.date) == (12, 16, dt.date(2021, 6, 8))


@pytest.mark.parametrize(
    "masthead", ["工 作 简 报", "工　作　简　报", "聊城市创建全国文明城市 工作简报"]
)
def test_letter_spaced_masthead_and_the_year_before_the_issue_number(masthead):
    # PDF copies keep a masthead's letter-spacing; 2021年第17期 is a common way to number.
    text = (
        f"聊城市创建全国文明城市\n{masthead}\n2021年第17期\n聊城市创城办　　2021年5月20日\n正文。"
    )
    header = read_header(lines(text), SERIES)
    assert (header.series_name, header.issue, header.issuer, header.date) == (
        "工作简报", 17, "聊城市创城办", dt.date(2021, 5, 20)
    )  # fmt: skip
    assert header.lines[-1].text == "聊城市创城办　　2021年5月20日"


def test_unknown_masthead_is_kept_for_the_warning():
    header = read_header(lines("文明创建快报\n第3期"), SERIES)
    assert header.series_name is None and header.masthead == "文明创建快报"


# --- page furniture ------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["- 3 -", "—3—", "第 3 页", "第3页 共8页", "3/8", "12"])
def test_page_numbers(text):
    assert layout_reason(split_lines(text)[0]) == "page number"


@pytest.mark.parametrize("text", ["3月8日，市司法局召开动员会。", "第3期", "一、总体情况"])
def test_text_is_not_page_furniture(text):
    assert layout_reason(split_lines(text)[0]) is None


def test_running_heads_are_repeated_short_lines_but_not_titles_or_columns():
    text = "创文简报 第九期\n标题甲\n正文。\n【基层动态】\n创文简报 第九期\n标题甲\n【基层动态】\n会议要求，要提高认识。\n会议要求，要提高认识。"
    assert running_heads(lines(text), keep={"标题甲"}) == {"创文简报第九期"}


# --- paragraphs ----------------------------------------------------------------------------


def test_hard_line_breaks_are_joined_and_indents_start_paragraphs():
    text = "\u3000\u3000第一段第一行很长很长很长\n第一段结束。\n\u3000\u3000第二段。"
    paragraphs = split_paragraphs(lines(text))
    assert [p.text for p in paragraphs] == ["第一段第一行很长很长很长第一段结束。", "第二段。"]


def test_short_line_ending_a_sentence_ends_its_paragraph_without_indents():
    text = "这一行是排满整个页面宽度的文字内容，一共有三十个字符宽的样子呀\n段落到此结束。\n下一段从这里开始，同样排满。"
    assert len(split_paragraphs(lines(text))) == 2


def test_a_half_width_full_stop_ends_a_paragraph_too():
    # Typed as "." in Word, made 。 later: the paragraph after it is not run on into this one.
    text = "这一行是排满整个页面宽度的文字内容，一共有三十个字符宽的样子呀\n形成体制机制.\n对今后的工作提出要求。"
    assert len(split_paragraphs(lines(text))) == 2
    # Not after a Latin abbreviation, where the sentence goes on.
    text = "这一行是排满整个页面宽度的文字内容，一共有三十个字符宽的样子呀\n参见 e.g.\n后面的内容。"
    assert len(split_paragraphs(lines(text))) == 1


@pytest.mark.parametrize(
    "indents, after_page_break, indented, joined",
    [
        (True, True, False, True),  # a new page goes on with the paragraph: no indent
        (True, True, True, False),  # a new paragraph starts on the new page
        (True, False, False, False),  # no page break between them
        (False, True, False, False),  # no indents to tell: a sentence's end ends the paragraph
    ],
)
def test_a_page_break_after_a_sentence_joins_only_an_unindented_continuation(
    indents, after_page_break, indented, joined
):
    before = Element(PARAGRAPH, "确保工作成效。", 1, indented=True)
    after = Element(PARAGRAPH, "五是齐心协力。", 4, indented, after_page_break)
    texts = [e.text for e in join_page_breaks([before, after], indents)]
    assert texts == (
        ["确保工作成效。五是齐心协力。"] if joined else ["确保工作成效。", "五是齐心协力。"]
    )


def test_a_title_like_line_on_a_new_page_after_a_sentence_is_not_joined_to_it():
    # An article missing from the contents: its title was glued to the last paragraph above.
    before = Element(PARAGRAPH, "受到居民欢迎！", 1, indented=True)
    title = Element(PARAGRAPH, "东昌府区扎实推进背街小巷环境卫生整治", 4, False, True)
    assert [e.text for e in join_page_breaks([before, title], indents=True)] == [
        before.text,
        title.text,
    ]


@pytest.mark.parametrize(
    "text, could",
    [
        ("东昌府区推进背街小巷整治", True),
        ("活动分三个阶段进行:", False),  # a lead-in to what follows
        ("学校\u3000\u3000参与人数", False),  # a table row
        ("——记高新区九州街道垃圾分类工作", False),  # a subtitle
        ("（高新区创城办 张伟）", False),  # a byline
        ("会议强调，要压实责任。", False),
    ],
)
def test_which_lines_are_warned_about_as_possible_titles(text, could):
    from bulletins.importer.structure import could_stand_as_title

    assert could_stand_as_title(text) is could


def test_an_article_missing_from_the_contents_is_reported_where_it_starts(registry):
    text = (
        "工作简报\n第12期\n聊城市创城办　2021年4月2日\n\n目录\n市司法局开展普法宣传……1\n\n"
        "市司法局开展普法宣传\n　　4月1日，市司法局开展普法宣传。\n"
        "　　活动受到居民欢迎！\n- 2 -\n东昌府区推进背街小巷整治\n"
        "　　今年以来，东昌府区把背街小巷整治作为创城的重点工作，对辖区内128条背街小巷逐一建立台账。\n"
    )
    result = import_text(text, registry, "in.txt", "in")
    assert "\n\n东昌府区推进背街小巷整治\n\n" in result.markdown
    assert (
        "in.txt:12: 警告: 正文: “东昌府区推进背街小巷整治”像标题一样单独成行，但目录里没有："
        "如果它是一篇文章，请把它改成“## ”标题，并在 articles 中加上一项；如果是小标题，不用改"
    ) in [str(w) for w in result.warnings]


LIST_AND_SIGNATURE = (
    "工作简报\n第5期\n聊城市创建全国文明城市工作办公室\n2021年5月6日\n"
    "市城管局开展主次干道专项检查\n"
    "5月4日，市城管局组织执法人员对主城区道路开展专项检查，发现问题若干，现将本次检查情况\n"
    "如下：\n主次干道12条\n背街小巷30条\n"
    "请各责任单位对照问题清单立即整改到位，确保整改工作取得实效，特此通报。\n"
    "市城管局办公室\n2021年5月5日\n{page_break}"
    "市文明办召开志愿服务推进会\n"
    "5月6日，市文明办召开全市志愿服务工作推进会，总结前一阶段工作，部署下一步重点任务。\n"
)


@pytest.mark.parametrize("page_break", ["", "- 2 -\n"])
def test_list_items_and_a_signature_in_wrapped_text_are_not_titles(registry, page_break):
    # Without contents, a list after 如下： and a signature above its date became articles
    # (found in review), and the next real title was glued to the date.
    result = import_text(LIST_AND_SIGNATURE.format(page_break=page_break), registry, "in.txt", "in")
    body = result.markdown.split("\n---\n", 1)[1]
    assert [line for line in body.splitlines() if line.startswith("## ")] == [
        "## 市城管局开展主次干道专项检查",
        "## 市文明办召开志愿服务推进会",
    ]
    for paragraph in ("主次干道12条", "背街小巷30条", "市城管局办公室", "2021年5月5日"):
        assert f"\n\n{paragraph}\n\n" in body, paragraph


@pytest.mark.parametrize("text", ["", "\n\n", "工作简报\n第9期\n"])
def test_a_text_without_a_body_is_reported_not_a_crash(registry, text):
    result = import_text(text, registry, "in.txt", "in")
    assert [p for p in result.problems if p.field == "articles"]


def test_page_break_splits_are_joined_but_not_across_titles():
    elements = [
        Element(PARAGRAPH, "一是提高认", 1),
        Element(PARAGRAPH, "识，统一思想。", 3),
        Element(PARAGRAPH, "没有句号的结尾", 5),
        Element(TITLE, "下一篇", 7),
        Element(PARAGRAPH, "English words at a", 9),
        Element(PARAGRAPH, "break。", 11),
    ]
    joined = join_page_breaks(elements)
    assert [(e.kind, e.text) for e in joined] == [
        (PARAGRAPH, "一是提高认识，统一思想。"),
        (PARAGRAPH, "没有句号的结尾"),
        (TITLE, "下一篇"),
        (PARAGRAPH, "English words at a break。"),
    ]


def test_a_short_title_like_line_is_not_joined_to_the_next_paragraph():
    """A sub-heading, byline or subtitle without punctuation stays a paragraph of its own; a
    page break cuts a sentence at a full line, which is still joined. (Found in review: every
    such sub-heading was glued to the paragraph after it.)"""
    heading = Element(PARAGRAPH, "志愿服务在行动", 1)
    cut = Element(PARAGRAPH, "部门和各社区既各司其职又上下联动把社区小区居民区作为着力", 3)
    rest = Element(PARAGRAPH, "团市委志愿者们清理绿化带垃圾。", 5)
    width = len(cut.text)  # the widest line of the text
    assert [e.text for e in join_page_breaks([heading, rest], width=width)] == [
        heading.text,
        rest.text,
    ]
    assert [e.text for e in join_page_breaks([cut, rest], width=width)] == [cut.text + rest.text]


def test_contents_entries_lose_bullets_and_page_references():
    assert entry_text("- 郭建民调研全国文明城市创建工作") == "郭建民调研全国文明城市创建工作"
    assert entry_text("市民政局推进移风易俗……………1") == "市民政局推进移风易俗"
    # The page number after a wide gap, as Word's contents copied out as text gives it.
    assert entry_text("郭建民调研全国文明城市创建工作        1") == "郭建民调研全国文明城市创建工作"
    assert entry_text("市司法局召开动员会\t3") == "市司法局召开动员会"
    assert entry_text("市司法局召开动员会\u3000\u300012") == "市司法局召开动员会"
    # A number after a single space is part of the title.
    assert entry_text("开展第 2 届志愿服务月活动 2") == "开展第 2 届志愿服务月活动 2"


def test_footer_fields_continue_over_lines():
    footer = read_footer(
        lines("报送：市委常委\n抄送：各县（市、区）创城办，\n市直各部门\n（共印150份）")
    )
    assert (footer.report_to, footer.send_to, footer.copies) == (
        "市委常委", "各县（市、区）创城办，市直各部门", 150
    )  # fmt: skip


def test_footer_labels_are_kept_as_printed_and_a_second_one_on_a_line_named():
    # 抄报 was no footer label (it became an article) and 印发 ran on into the line above.
    footer = read_footer(
        lines("抄报:市委、市政府领导\n抄送:市创城指挥部各成员单位\n印发:各县创城办\n(共印25份)")
    )
    assert (footer.report_to, footer.send_to, footer.copies) == (
        "市委、市政府领导", "市创城指挥部各成员单位，各县创城办", 25
    )  # fmt: skip
    assert (footer.report_label, footer.send_label) == ("抄报", "抄送")
    # The site's footer has one outward line: 印发 is shown under 抄送, and said so.
    assert [(line.number, printed, shown) for line, printed, shown in footer.relabelled] == [
        (3, "印发", "抄送")
    ]


def test_footer_labels_reach_the_front_matter_and_a_merged_one_is_a_warning(registry):
    text = (
        "工作简报\n第9期\n聊城市创城办　2021年3月11日\n\n标题一\n\n正文。\n\n"
        "送：市文明办\n发：各县创城办\n"
    )
    result = import_text(text, registry, "in.txt", "in")
    assert "  send_to: 市文明办，各县创城办\n  send_label: 送\n" in result.markdown
    assert "report_label" not in result.markdown
    assert (
        "in.txt:10: 警告: distribution: 原件“发：”一行的单位在网站上并入“送：”一行"
        "（网站的报送范围只有“报”“发”两行）：请核对是否符合原件"
    ) in [str(p) for p in result.warnings]


# --- punctuation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, normalised",
    [
        ("会议要求,要提高认识;确保(3月底前)完成", "会议要求，要提高认识；确保（3月底前）完成"),
        ("会议召开.会议强调:要落实", "会议召开。会议强调：要落实"),
        ("我市专项治理 建筑施工围挡", "我市专项治理建筑施工围挡"),
        ("共3,000人,10:30开会", "共3,000人，10:30开会"),
        ("2021.3.11召开", "2021.3.11召开"),
        ("“两手抓,两手硬”,坚持", "“两手抓,两手硬”，坚持"),  # the quotation is kept as written
        ('他说:"好,干!"', '他说："好,干!"'),
        ("《关于印发(试行)的通知》", "《关于印发(试行)的通知》"),
        ("Hello, world (test)", "Hello, world (test)"),
        # Brackets around a book title or quotation: the brackets are outside it.
        ("依据(《聊城市文明行为促进条例》)开展", "依据（《聊城市文明行为促进条例》）开展"),
        ("(见“两手抓”要求)。", "（见“两手抓”要求）。"),
        ("“引用(原文)不改” (中文)", "“引用(原文)不改” （中文）"),
        # A full stop after a closing bracket or a per cent sign; figures keep their points.
        ("纳入信用评价(扣分).下一步", "纳入信用评价（扣分）。下一步"),
        ("合格率达95.6%.群众", "合格率达95.6%。群众"),
        # One space between Chinese characters goes; a column gap (a table row) stays.
        ("县区　　交办问题　　已整改", "县区　　交办问题　　已整改"),
        ("专项治理\u3000建筑施工", "专项治理建筑施工"),
    ],
)
def test_punctuation_is_normalised_only_where_safe(raw, normalised):
    assert normalise_punctuation(raw) == normalised


# --- departments and topics ----------------------------------------------------------------


def test_departments_longest_spelling_first_and_not_a_districts_bureau(registry):
    found = departments_in("市人大常委会、东昌府区公安局、区退役军人事务局和市公安局", registry)
    # 东昌府区 itself is named; its 公安局 and the 区退役军人事务局 are not the city's bureaus
    assert [d.short for d in found] == ["市人大常委会", "东昌府区", "市公安局"]


def test_departments_from_the_title_else_the_first_paragraph_naming_one(registry):
    assert [
        d.short for d in suggest_departments("市司法局召开动员会", ["市文明办指导。"], registry)
    ] == ["市司法局"]
    found = suggest_departments(
        "我市开展专项治理", ["为贯彻落实会议精神。", "市住建局会同市文明办。"], registry
    )
    assert [d.short for d in found] == ["市住建局", "市文明办"]


def test_topics_from_the_title_or_mentioned_twice_in_order_of_appearance(registry):
    paragraphs = [
        "贯彻动员会精神，清理小广告，整治卫生死角。",
        "清理小广告200余处，清理卫生死角30处。",
    ]
    topics = suggest_topics("团市委开展学雷锋志愿服务", paragraphs, registry)
    # 动员会 (动员部署) is mentioned once only and not in the title: not suggested
    assert [t.name for t in topics] == ["志愿服务", "乱贴小广告治理", "环境卫生"]


# --- writing -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["工作简报", "NO", "2021-03-11", "010", "a: b", "[x]", " 前后空格 ", "#号", "待填写：部门"],
)
def test_yaml_scalars_read_back_unchanged(value):
    import yaml

    assert yaml.safe_load(f"key: {yaml_scalar(value)}") == {"key": value}
    assert yaml.safe_load(f"key: [{yaml_scalar(value, in_flow=True)}]") == {"key": [value]}


def test_body_text_that_looks_like_markdown_is_escaped(registry):
    text = "工作简报\n第9期\n2021年3月11日\n聊城市创城办\n\n标题一\n\n1. 这一段以数字和点开头，会被当作列表。\n\n- 这一段以短横线开头。"
    markdown = import_text(text, registry, "in.txt", "in").markdown
    assert "\n\\1. 这一段" in markdown and "\n\\- 这一段" in markdown


def test_header_takes_signature_and_confidentiality_lines():
    text = "工作简报\n（内部资料 注意保存）\n第9期\n签发：张建国\n聊城市创城办\n2021年3月11日\n标题"
    header = read_header(lines(text), SERIES)
    assert len(header.lines) == 6 and header.issuer == "聊城市创城办"


def test_contents_entry_matches_a_title_with_other_punctuation_widths(registry):
    text = (
        "工作简报\n第9期\n2021年3月11日\n聊城市创城办\n\n"
        "- 市交通运输局启动“文明出行，从我做起”活动\n\n"
        "市交通运输局启动“文明出行,从我做起”活动\n\n5月以来，活动开展顺利。"
    )
    markdown = import_text(text, registry, "in.txt", "in").markdown
    assert "## 市交通运输局启动“文明出行，从我做起”活动\n" in markdown


# --- contents entries worded otherwise than their titles -----------------------------------

SEED_IMPORT = ROOT / "tests" / "fixtures" / "import" / "seed"
CONTENTS_FORMS = {"bullets": "- {}", "bare lines": "{}", "page references": "{}……3"}
SEED_CONTENTS_LINE = 11  # the seed's first contents line in its raw text


def seed_with_contents(entries: list[str], form: str) -> str:
    """The seed's raw text with its contents replaced by `entries` written in `form`."""
    text = (SEED_IMPORT / "input.txt").read_text(encoding="utf-8")
    seed_contents = "\n".join(f"- {title}" for title in SEED_TITLES)
    assert seed_contents in text
    return text.replace(seed_contents, "\n".join(form.format(entry) for entry in entries))


def with_entries(changes: dict[int, str]) -> list[str]:
    return [changes.get(index, title) for index, title in enumerate(SEED_TITLES)]


@pytest.mark.parametrize("form", CONTENTS_FORMS.values(), ids=CONTENTS_FORMS.keys())
@pytest.mark.parametrize(
    "changes",
    [
        {0: "郭建民调研文明城市创建工作"},
        {3: "市卫健委扎实推进全国文明城市创建工作"},
        {4: "市生态环境局全面推进全国文明城市创建"},
        {2: "市司法局召开动员会", 3: "市卫健委扎实推进创建工作"},
    ],
    ids=["first", "middle", "last", "two in a row"],
)
def test_contents_entry_worded_otherwise_finds_the_title_printed(registry, form, changes):
    """Before, the contents stopped at such an entry: its line and every later one were read
    as text, and every later article was merged into the one before it (exit 0)."""
    text = seed_with_contents(with_entries(changes), form)
    result = import_text(text, registry, "in.txt", "in")
    assert result.markdown == (SEED_IMPORT / "expected.md").read_text(encoding="utf-8")
    notes = [p for p in result.warnings if p.field == "contents"]
    assert [(p.line, p.severity) for p in notes] == [
        (SEED_CONTENTS_LINE + index, "warning") for index in sorted(changes)
    ]
    for note, index in zip(notes, sorted(changes), strict=True):
        assert f"目录里的“{changes[index]}”在正文中印作“{SEED_TITLES[index]}”" in str(note)


def test_contents_entry_broken_over_two_lines_and_worded_otherwise(registry):
    entries = with_entries(
        {1: "我市专项治理建筑施工围挡公益广告损毁、小区内占用消防车通道\n  和乱贴小广告"}
    )
    result = import_text(seed_with_contents(entries, "- {}"), registry, "in.txt", "in")
    assert result.markdown == (SEED_IMPORT / "expected.md").read_text(encoding="utf-8")


WRITTEN_FORMS = {"bullets": "- {}", "page references": "{}……3"}


@pytest.mark.parametrize(
    "form, index",
    [(form, index) for form in WRITTEN_FORMS.values() for index in (0, 2, 4)] + [("{}", 2)],
    ids=[f"{name}-{at}" for name in WRITTEN_FORMS for at in ("first", "middle", "last")]
    + ["bare lines-middle"],  # bare lines after the last entry: see the test below
)
def test_contents_entry_with_no_title_like_it_is_an_error_on_its_line(registry, form, index):
    """Nothing in the text is like the entry: its article cannot be told from the one before,
    which the editor must fix (an error: the importer exits 1); the other articles stay."""
    entries = with_entries({index: "环保与司法部门行动起来"})
    result = import_text(seed_with_contents(entries, form), registry, "in.txt", "in")
    (error,) = errors(result.warnings)
    assert (error.line, error.field) == (SEED_CONTENTS_LINE + index, "contents")
    read_as = "第一篇标题之前的文字" if index == 0 else "上一篇的一部分"
    assert error.message == (
        "目录里有“环保与司法部门行动起来”，但正文中对应位置找不到与它相近的标题："
        f"这一篇被当作{read_as}；请加上它的“## ”标题和 articles 中的一项"
    )
    titles = [line[3:] for line in result.markdown.splitlines() if line.startswith("## ")]
    assert titles == SEED_TITLES[:index] + SEED_TITLES[index + 1 :]


def test_text_after_contents_is_not_taken_for_an_entry(registry):
    """The first title after the contents is not printed again: it ends the contents, also
    when a line printed again (a running head) follows it."""
    text = (
        "工作简报\n第9期\n2021年3月11日\n聊城市创城办\n\n"
        "- 市司法局召开动员会\n- 市民政局推进移风易俗\n\n"
        "市司法局召开动员会\n工作简报第9期\n3月8日，市司法局召开动员会。\n\n"
        "市民政局推进移风易俗\n\n工作简报第9期\n市民政局推进移风易俗，成效明显。"
    )
    result = import_text(text, registry, "in.txt", "in")
    titles = [line[3:] for line in result.markdown.splitlines() if line.startswith("## ")]
    assert titles == ["市司法局召开动员会", "市民政局推进移风易俗"]
    assert not [p for p in result.warnings if p.field == "contents"]


TITLE_ACROSS_PAGES = (
    "工作简报\n第9期\n2021年3月11日\n聊城市创城办\n\n"
    "- 市司法局召开动员会\n- 市民政局推进移风易俗工作\n\n"
    "市司法局召开动员会\n\n3月8日，市司法局召开动员会。\n\n"
    "市民政局推进移风\n- 2 -\n{head}{rest}成效明显。\n- 3 -\n{head}"
)


def test_title_across_a_page_break_is_one_title(registry):
    """Before, the title's two parts (the page number between them dropped) were read as
    text, and the article was merged into the one before it, without a warning."""
    result = import_text(
        TITLE_ACROSS_PAGES.format(head="", rest="易俗工作\n市民政局"), registry, "in.txt", "in"
    )
    assert "## 市民政局推进移风易俗工作\n\n市民政局成效明显。\n" in result.markdown
    assert not [p for p in result.warnings if p.field == "contents"]


def test_title_across_a_page_break_and_a_running_head_is_joined_again(registry):
    """The running head between the parts (left out only after the contents are read) makes
    the entry differ from what is printed; the rest starting the next page is taken back."""
    text = TITLE_ACROSS_PAGES.format(head="工作简报第9期\n", rest="易俗工作\n市民政局")
    joined = import_text(text, registry, "in.txt", "in")
    assert "## 市民政局推进移风易俗工作\n\n市民政局成效明显。\n" in joined.markdown
    (note,) = [p for p in joined.warnings if p.field == "contents"]
    assert note.message == "“市民政局推进移风易俗工作”在正文中被分页断开：已重新接上；请核对"
    # The next page goes on otherwise: the title stays as printed, the text as it is.
    text = TITLE_ACROSS_PAGES.format(head="工作简报第9期\n", rest="市民政局")
    kept = import_text(text, registry, "in.txt", "in")
    assert "## 市民政局推进移风\n\n市民政局成效明显。\n" in kept.markdown
    (note,) = [p for p in kept.warnings if p.field == "contents"]
    assert "在正文中印作“市民政局推进移风”" in note.message


def seed_with_text_before_first_title(text: str, contents: str = "- {}", changes=None) -> str:
    seed = seed_with_contents(with_entries(changes or {}), contents)
    first_title = f"\n\n{SEED_TITLES[0]}\n\n"
    assert seed.count(first_title) == 1
    return seed.replace(first_title, f"\n\n{text}{first_title}")


def titles_of(markdown: str) -> list[str]:
    return [line[3:] for line in markdown.splitlines() if line.startswith("## ")]


@pytest.mark.parametrize("contents", CONTENTS_FORMS.values(), ids=CONTENTS_FORMS.keys())
@pytest.mark.parametrize(
    "lead",
    ["编者按：3月以来，全市各部门迅速行动，现将有关情况摘编如下。", "创城工作动态"],
    ids=["sentence", "short line"],
)
def test_text_between_contents_and_first_title_stays_text(registry, contents, lead):
    """Found in review: the first version took a lead before the first title for a contents
    entry, dropped it and exited 1."""
    result = import_text(
        seed_with_text_before_first_title(lead, contents), registry, "in.txt", "in"
    )
    assert titles_of(result.markdown) == SEED_TITLES
    assert f"\n{lead}\n" in result.markdown
    assert not errors(result.warnings + result.problems)


def test_bare_last_entry_worded_otherwise_before_a_lead_is_found(registry):
    text = seed_with_text_before_first_title(
        "创城工作动态", "{}", {4: "市生态环境局推动全国文明城市创建"}
    )
    result = import_text(text, registry, "in.txt", "in")
    assert titles_of(result.markdown) == SEED_TITLES
    assert "\n创城工作动态\n" in result.markdown


def test_bare_line_after_the_contents_is_text_unless_its_title_is_found(registry):
    """A bare line after the last entry printed again, with no title like it: a lead or an
    entry? It stays text, and a warning on its line says what it may be (exit 0)."""
    entries = with_entries({4: "环保与司法部门行动起来"})
    result = import_text(seed_with_contents(entries, "{}"), registry, "in.txt", "in")
    assert titles_of(result.markdown) == SEED_TITLES[:4]
    assert "\n环保与司法部门行动起来\n" in result.markdown
    (note,) = [p for p in result.warnings if p.field == "contents"]
    assert note.line == SEED_CONTENTS_LINE + 4 and "可能是目录中的一条" in note.message
    assert not errors(result.warnings)


def test_three_entries_in_a_row_worded_otherwise(registry):
    changes = {
        2: "市司法局召开动员会",
        3: "市卫健委扎实推进创建工作",
        4: "市生态环境局推动全国文明城市创建",
    }
    result = import_text(
        seed_with_contents(with_entries(changes), "- {}"), registry, "in.txt", "in"
    )
    assert result.markdown == (SEED_IMPORT / "expected.md").read_text(encoding="utf-8")


def test_entry_worded_otherwise_before_a_column_line(registry):
    """Found in review: a column line after a differing entry ended the contents."""
    entries = with_entries({2: "市司法局召开动员会"})
    text = seed_with_contents(entries[:3] + ["【部门动态】"] + entries[3:], "{}")
    text = text.replace("- 【部门动态】", "【部门动态】").replace(
        f"\n\n{SEED_TITLES[3]}\n\n", f"\n\n【部门动态】\n\n{SEED_TITLES[3]}\n\n"
    )
    result = import_text(text, registry, "in.txt", "in")
    assert titles_of(result.markdown) == SEED_TITLES


def test_entries_worded_otherwise_take_the_titles_most_alike_together(registry):
    """Found in review: each entry took its own best match, and 市司法局召开创城工作动员会
    took the title of 市民政局召开创城工作动员会, the next entry's."""
    text = (
        "工作简报\n第9期\n2021年3月11日\n聊城市创城办\n\n"
        "- 市交通运输局开展文明交通劝导\n- 市司法局召开创城工作动员会\n"
        "- 市民政局召开创城动员会\n- 市城管局整治占道经营\n\n"
        "市交通运输局开展文明交通劝导\n\n3月2日，劝导活动开展。\n\n"
        "市司法局召开文明建设及创城工作动员会\n\n3月8日，司法局召开会议。\n\n"
        "市民政局召开创城工作动员会\n\n3月9日，民政局召开会议。\n\n"
        "市城管局整治占道经营\n\n3月10日，城管局开展整治。"
    )
    result = import_text(text, registry, "in.txt", "in")
    assert titles_of(result.markdown) == [
        "市交通运输局开展文明交通劝导",
        "市司法局召开文明建设及创城工作动员会",
        "市民政局召开创城工作动员会",
        "市城管局整治占道经营",
    ]


@pytest.mark.parametrize("first_part", ["市民", "市民政局推进", "市民政局推进移风易"])
def test_title_across_a_page_break_and_running_head_anywhere_in_it(registry, first_part):
    """Found in review: with a running head between them, only late breaks were joined."""
    rest = "市民政局推进移风易俗工作"[len(first_part) :]
    text = TITLE_ACROSS_PAGES.replace("市民政局推进移风\n", f"{first_part}\n").format(
        head="工作简报第9期\n", rest=f"{rest}\n市民政局"
    )
    result = import_text(text, registry, "in.txt", "in")
    assert "## 市民政局推进移风易俗工作\n\n市民政局成效明显。\n" in result.markdown


def test_contents_page_references_in_brackets(registry):
    """Before, `…工作（1）` entries were not recognised, and the contents were glued to the first
    article (exit 0)."""
    text = seed_with_contents(SEED_TITLES, "{}")
    for page, title in zip("12334", SEED_TITLES, strict=True):
        text = text.replace(f"\n{title}\n", f"\n{title}（{page}）\n", 1)
    result = import_text(text, registry, "in.txt", "in")
    assert result.markdown == (SEED_IMPORT / "expected.md").read_text(encoding="utf-8")


def test_title_ending_in_a_bracketed_number_is_not_a_page_reference(registry):
    text = (
        "工作简报\n第9期\n2021年3月11日\n聊城市创城办\n\n"
        "- 学雷锋志愿服务系列活动（2）\n- 市民政局推进移风易俗\n\n"
        "学雷锋志愿服务系列活动（2）\n\n3月5日，志愿服务活动开展。\n\n"
        "市民政局推进移风易俗\n\n市民政局推进移风易俗，成效明显。"
    )
    result = import_text(text, registry, "in.txt", "in")
    assert titles_of(result.markdown) == ["学雷锋志愿服务系列活动（2）", "市民政局推进移风易俗"]
    assert not [p for p in result.warnings if p.field == "contents"]


def test_an_article_without_text_is_an_error(registry):
    """Found in review: contents that were not recognised (two entries, the first worded
    otherwise) became an empty article, with exit 0."""
    text = (
        "工作简报\n第12期\n2021年5月20日\n聊城市创城办\n\n"
        "市文明办部署志愿服务工作\n东昌府区开展文明交通宣传活动\n\n"
        "市文明办召开全市志愿服务工作推进会\n\n5月18日，市文明办召开推进会。\n\n"
        "东昌府区开展文明交通宣传活动\n\n志愿者在路口开展宣传。"
    )
    result = import_text(text, registry, "in.txt", "in")
    (error,) = errors(result.warnings)
    assert (error.line, error.field) == (6, "articles[0]")
    assert error.message.startswith("“市文明办部署志愿服务工作”下面没有正文")


def test_a_repeated_line_and_an_unread_footer_line_are_said_plainly(registry):
    text = (
        "工作简报\n第9期\n聊城市创城办　2021年3月11日\n\n标题一\n\n正文。\n\n内部资料\n\n正文二。\n\n"
        "内部资料\n\n正文三。\n\n内部资料\n\n共印10份 此件公开\n报：市文明办\n"
    )
    warnings = [str(p) for p in import_text(text, registry, "in.txt", "in").warnings]
    assert "in.txt:9: 警告: 正文: “内部资料”出现了多次：已当作页眉去掉" in warnings
    assert (
        "in.txt:19: 警告: distribution: “共印10份 此件公开”不属于报送范围的任何一项（报/发/共印）：没有导入"
    ) in warnings


@pytest.mark.parametrize("printed", ["第3-4期", "第3、4期合刊", "第3—4期（合刊）", "第三-四期"])
def test_a_combined_issue_is_read_with_both_numbers(printed):
    header = read_header(lines(f"工作简报\n{printed}\n2021年3月11日"), SERIES)
    assert (header.issue, header.issue_to) == (3, 4)


def test_a_combined_issue_is_written_with_issue_to(registry):
    text = (
        "工作简报\n\n第3-4期（合刊）\n\n聊城市创建全国文明城市工作办公室　　2021年3月11日\n\n"
        "市住建局开展消防车通道集中清理\n\n市住建局组织开展住宅小区消防车通道集中清理行动。\n"
    )
    markdown = import_text(text, registry, "in.txt", "in").markdown
    assert "\nissue: 3\nissue_to: 4\n" in markdown


@pytest.mark.parametrize(
    ("printed", "numbers"),
    [
        ("第3期、第4期合刊", (3, 4, None)),
        ("（总第125-126期）第3-4期", (3, 4, 125)),
        ("第3-4期（总第125-126期）", (3, 4, 125)),
    ],
)
def test_a_combined_issue_with_its_totals_or_numbered_twice(printed, numbers):
    header = read_header(lines(f"工作简报\n{printed}\n2021年3月11日"), SERIES)
    assert (header.issue, header.issue_to, header.total_issue) == numbers
