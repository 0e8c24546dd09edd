"""The search index builder: documents from bulletins, postings with positions, index files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
from bulletins.collection import Source, load_bulletins
from bulletins.registry import load_registry
from bulletins.search_files import bucket_count_for, search_files
from bulletins.search_fold import fold, fold_table
from bulletins.search_index import (
    SearchDocument,
    build_postings,
    decode_values,
    encode_values,
    key_bucket,
    plain_text,
    search_documents,
)
from bulletins.urls import Links

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "search"


def fixture_bulletins():
    registry, problems = load_registry(str(ROOT / "docs" / "_data"), "docs/_data")
    assert not problems
    paths = {
        "bulletins/2021/gzjb-009.md": ROOT / "docs" / "bulletins" / "2021" / "gzjb-009.md",
        "bulletins/2020/gzjb-014.md": FIXTURES / "gzjb-2020-014.md",
        "bulletins/2022/gzjb-003.md": FIXTURES / "gzjb-2022-003.md",
    }
    sources = [Source(s, s, p.read_text(encoding="utf-8")) for s, p in paths.items()]
    bulletins, problems = load_bulletins(sources, registry)
    assert not [p for p in problems if p.severity == "error"], problems
    return bulletins, registry


def document(id, title, text):
    return SearchDocument(id, f"b/#a{id}", title, "工作简报", "2021-03-11", (), (), text)


def test_plain_text_keeps_words_and_drops_markup():
    markdown = "**重点**整治[柳园路](https://example.org)沿线 {#x}\n\n- 清理<b>杂物</b>\n1. 劝导"
    assert plain_text(markdown) == "重点整治柳园路沿线 \n清理杂物\n劝导"


@pytest.mark.parametrize(
    "markdown, words",
    [
        ("见[通知](a.md)全文", "见通知全文"),
        ("见![照片](a.png)", "见照片"),
        ("整治 {: .note }", "整治"),
        ("清理<br>杂物", "清理杂物"),
        ("**重点**整治", "重点整治"),
        ("__重点__整治", "重点整治"),
        ("*重点*整治", "重点整治"),
        ("`12345`热线", "12345热线"),
    ],
)
def test_plain_text_drops_each_kind_of_markup_on_its_own(markdown, words):
    # each alone: a body with only this markup still loses it
    assert plain_text(markdown) == words


def test_documents_are_articles_newest_first_with_anchored_urls():
    bulletins, _ = fixture_bulletins()
    documents = search_documents(bulletins, Links(use_directory_urls=True))
    assert [d.id for d in documents] == list(range(10))
    assert documents[0].url == "bulletins/2022/gzjb-003/#a1"
    assert documents[0].date == "2022-04-08" and documents[-1].date == "2020-11-20"
    assert documents[0].departments == ("public-security",)
    assert "交警支队" in documents[0].text
    assert search_documents(bulletins, Links(False))[0].url == "bulletins/2022/gzjb-003.html#a1"


def decode_bigram(flat):
    """{doc id: (title positions, body positions)} from a bigram's flat postings."""
    result, doc, i = {}, 0, 0
    while i < len(flat):
        doc += flat[i]
        counts, i = flat[i + 1 : i + 3], i + 3
        fields = []
        for count in counts:
            positions, at = [], 0
            for delta in flat[i : i + count]:
                at += delta
                positions.append(at)
            fields.append(positions)
            i += count
        result[doc] = tuple(fields)
    return result


def positions(text, key):
    return [i for i in range(len(text) - 1) if text[i : i + 2] == key]


def test_bigram_postings_hold_every_position_in_title_and_body():
    documents = [
        document(0, "學雷鋒", "学雷锋活动，学雷锋"),
        document(1, "消防车通道", "通道 通道"),
    ]
    postings = build_postings(documents)
    for key in ("雷锋", "学雷", "通道", "锋活"):
        expected = {}
        for d in documents:
            found = (positions(fold(d.title), key), positions(fold(d.text), key))
            if found != ([], []):
                expected[d.id] = found
        assert decode_bigram(decode_values(postings[key])) == expected, key
    assert " 通" not in postings and "道 " not in postings  # queries split at spaces


def test_character_postings_count_title_and_body():
    postings = build_postings([document(0, "通道", "通行"), document(3, "道路", "车道与道")])
    assert decode_values(postings["通"]) == [0, 1, 1]
    assert decode_values(postings["道"]) == [0, 1, 0, 3, 1, 2]  # doc delta, title and body count


def test_digits_round_trip_large_positions():
    long_text = "甲" * 20_000 + "消防" + "乙" * 300_000 + "消防"
    postings = build_postings([document(0, "消防", long_text), document(200, "", "消防")])
    assert decode_bigram(decode_values(postings["消防"])) == {
        0: ([0], [20_000, 320_002]),
        200: ([], [0]),
    }


def test_digit_text_round_trips_at_every_digit_boundary():
    """One digit up to 63, then 28 more values per continuing digit; 32- and 64-bit paths."""
    boundaries = [0, 1, 63, 64, 65, 64 * 28 - 1, 64 * 28, 64 * 28 * 28, 2**31 - 1]
    for values in ([], [5] * 10, boundaries, boundaries + [2**31, 2**40 + 7, 3]):
        assert decode_values(encode_values(values)) == values
    assert [len(encode_values([v])) for v in (63, 64, 64 * 28 - 1, 64 * 28)] == [1, 2, 2, 3]


def test_key_bucket_is_fnv1a_over_utf16_units():
    assert key_bucket("a", 2**32) == 0xE40C292C  # the published FNV-1a test vector
    assert key_bucket("工作", 7) == key_bucket("工作", 7 * 2**20) % 7


def load_script(text):
    """The data of a `bulletinSearch.loaded(name, data);` file."""
    assert text.startswith('bulletinSearch.loaded("') and text.endswith(");\n")
    name, _, payload = text[len('bulletinSearch.loaded("') : -3].partition('",')
    return name, json.loads(payload)


@pytest.fixture(scope="module")
def index_files():
    bulletins, registry = fixture_bulletins()
    documents = search_documents(bulletins, Links(True))
    return documents, dict(search_files(documents, registry))


def test_every_key_is_in_its_bucket_or_a_file_named_there(index_files):
    documents, files = index_files
    data = load_script(files["search/data.js"])[1]
    postings = build_postings(documents)
    for key, flat in postings.items():
        bucket = f"i{key_bucket(key, data['buckets'])}"
        entry = load_script(files[f"search/{bucket}.js"])[1][key]
        if isinstance(entry, int):
            entry = load_script(files[f"search/{bucket}-{entry}.js"])[1]
        assert entry == flat, key


def test_bucket_count_is_a_power_of_two_near_eight_square_roots_of_the_articles():
    assert [bucket_count_for(n) for n in (0, 1, 5, 2510, 25080)] == [1, 8, 32, 512, 2048]


def test_pages_name_the_bucket_count_of_data_js(seed_site):
    """search.js asks for a query's buckets before data.js arrives, with the page's count."""
    data = load_script((seed_site.site_dir / "search" / "data.js").read_text(encoding="utf-8"))[1]
    for page in ("index.html", "search/index.html", "bulletins/2021/gzjb-009/index.html"):
        html = (seed_site.site_dir / page).read_text(encoding="utf-8")
        assert f'data-buckets="{data["buckets"]}"' in html, page


def test_data_file_carries_the_fold_table(index_files):
    _, files = index_files
    data = load_script(files["search/data.js"])[1]
    table = {}
    for source, target, length in data["foldRuns"]:
        for offset in range(length):
            table[chr(source + offset)] = chr(target + offset)
    pairs = data["foldPairs"]
    table.update({pairs[i]: pairs[i + 1] for i in range(0, len(pairs), 2)})
    assert table == fold_table()
    assert data["departments"]["fire-rescue"] == "市消防救援支队"


def test_facets_list_articles_per_department_topic_and_date(index_files):
    documents, files = index_files
    facets = load_script(files["search/facets.js"])[1]
    fire = []
    for delta in decode_values(facets["departments"]["fire-rescue"]):
        fire.append((fire[-1] if fire else 0) + delta)
    assert fire == [d.id for d in documents if "fire-rescue" in d.departments]
    assert facets["dates"] == [["2022-04-08", 0], ["2021-03-11", 3], ["2020-11-20", 8]]


def test_document_files_carry_what_a_result_shows(index_files):
    documents, files = index_files
    per_file = load_script(files["search/data.js"])[1]["documentsPerFile"]
    name, group = load_script(files[f"search/d{4 // per_file}.js"])
    assert name == f"d{4 // per_file}"
    shown = group[4 % per_file]
    assert shown["u"] == "bulletins/2021/gzjb-009/#a2" and shown["d"] == "2021-03-11"
    assert "消防车通道" in shown["t"] and shown["p"] == list(documents[4].departments)


def test_every_document_is_in_one_file_in_id_order(index_files):
    documents, files = index_files
    per_file = load_script(files["search/data.js"])[1]["documentsPerFile"]
    assert per_file > 1
    document_files = sorted(
        (int(path[len("search/d") : -3]), path)
        for path in files
        if re.fullmatch(r"search/d\d+\.js", path)
    )
    assert [n for n, _ in document_files] == list(range(len(document_files)))
    shown = [item for _, path in document_files for item in load_script(files[path])[1]]
    assert [s["u"] for s in shown] == [d.url for d in documents]
    assert all(len(load_script(files[p])[1]) == per_file for _, p in document_files[:-1])


def test_postings_sorted_by_16_bit_passes_equal_the_64_bit_sort(monkeypatch):
    """Both sort paths of build_postings give the same postings (the 64-bit one is used when a
    text has more than 65,536 distinct characters)."""
    bulletins, _ = fixture_bulletins()
    documents = search_documents(bulletins, Links(True))
    by_radix = build_postings(documents)
    monkeypatch.setattr("bulletins.search_index._character_ids", lambda code_points: None)
    assert build_postings(documents) == by_radix


def test_character_ids_keep_code_point_order_and_give_up_past_16_bits():
    from bulletins.search_index import _character_ids

    ids = _character_ids(np.array([0x4E2D, 0x41, 0x4E2D, 0x9FA5], dtype=np.uint32))
    assert ids.tolist() == [1, 0, 1, 2]
    assert _character_ids(np.arange(0x20000, dtype=np.uint32)) is None
