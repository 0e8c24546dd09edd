"""The opt-in timing of hook events (hooks/bulletins/timing.py)."""

from __future__ import annotations

import json

from bulletins import timing


def event(value, *, config=None):
    return value * 2


def test_disabled_timing_returns_the_function_itself(monkeypatch):
    monkeypatch.delenv(timing.ENV_VAR, raising=False)
    assert timing.timed("on_files")(event) is event


def test_enabled_timing_adds_up_calls_and_writes_a_report(monkeypatch, tmp_path):
    report = tmp_path / "timings.json"
    monkeypatch.setenv(timing.ENV_VAR, str(report))
    timing.reset()
    wrapped = timing.timed("on_page_markdown")(event)
    assert wrapped is not event and wrapped.__name__ == "event"
    assert [wrapped(n, config=None) for n in range(3)] == [0, 2, 4]
    timing.write_report()
    data = json.loads(report.read_text(encoding="utf-8"))
    assert list(data) == ["on_page_markdown"]
    assert data["on_page_markdown"]["calls"] == 3
    assert data["on_page_markdown"]["seconds"] >= 0
    assert data["on_page_markdown"]["cpu_seconds"] >= 0
    timing.reset()
    timing.write_report()
    assert json.loads(report.read_text(encoding="utf-8")) == {}
