"""catalog.json is written one entry per line, with the same content as a plain dump."""

from __future__ import annotations

import json

from bulletins.catalog import catalog_json


def test_catalog_json_round_trips_with_one_entry_per_line():
    catalog = {
        "format": 1,
        "bulletins": [
            {"title": "工作简报 第9期", "articles": [{"n": 1}, {"n": 2}]},
            {"title": "第10期"},
        ],
        "departments": [],
        "years": [{"year": 2021, "issues": 2}],
    }
    text = catalog_json(catalog)
    assert json.loads(text) == catalog
    assert list(json.loads(text)) == list(catalog)  # key order kept
    lines = text.splitlines()
    assert lines[0] == "{" and lines[-1] == "}" and text.endswith("}\n")
    assert '{"title": "工作简报 第9期", "articles": [{"n": 1}, {"n": 2}]},' in lines
    assert '"departments": [],' in lines
    assert catalog_json(catalog) == text  # same bytes every time
