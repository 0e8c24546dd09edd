"""Folding: full-width and half-width, traditional to simplified, one character to one."""

from __future__ import annotations

from bulletins.search_fold import fold, fold_table


def test_full_width_forms_fold_to_half_width():
    assert fold("（试行）ＡＢＣ１２３") == "(试行)abc123"


def test_traditional_folds_to_simplified_with_opencc_table():
    assert fold("東昌府區") == "东昌府区"
    assert fold("學雷鋒誌願服務") == fold("学雷锋志愿服务")


def test_simplified_text_and_ascii_lowercase():
    assert fold("聊城市创建全国文明城市") == "聊城市创建全国文明城市"
    assert fold("AAA级景区") == "aaa级景区"


def test_folding_keeps_length_so_positions_match_the_original():
    text = "住宅小區內占用消防車通道（ＡＢＣ）①㈠"
    assert len(fold(text)) == len(text)


def test_folding_is_idempotent():
    sample = "".join(fold_table())
    assert fold(fold(sample)) == fold(sample)


def test_table_maps_bmp_characters_to_single_bmp_characters():
    table = fold_table()
    assert len(table) > 3500  # OpenCC's traditional characters plus full-width and other forms
    assert table["區"] == "区" and table["Ａ"] == "a" and table["\u3000"] == " "
    assert all(len(s) == 1 and len(t) == 1 and ord(t) < 0x10000 for s, t in table.items())


def test_chinese_and_straight_quotation_marks_fold_together():
    # A phone keyboard types "八个要"; the bulletins print “八个要” (found in review).
    assert fold("“八个要”") == fold('"八个要"') == '"八个要"'
    assert fold("‘甲’") == fold("'甲'")
