"""BackgroundTask: the search index is written beside the build; its failures fail the build."""

from __future__ import annotations

import os

import pytest
from bulletins.background import BackgroundError, BackgroundTask


def test_result_of_a_forked_child_reaches_the_parent():
    task = BackgroundTask(lambda: {"pid": os.getpid(), "values": [1, 2, 3]})
    assert task.forked
    result = task.result()
    assert result["values"] == [1, 2, 3]
    assert result["pid"] != os.getpid()  # it really ran in another process


def test_in_line_task_runs_when_its_result_is_asked_for():
    calls = []
    task = BackgroundTask(lambda: calls.append("ran") or "done", fork=False)
    assert not task.forked and calls == []
    assert task.result() == "done" and calls == ["ran"]


def test_exception_in_the_child_is_raised_with_its_traceback():
    def broken():
        raise OSError("No space left on device: 'site/search/i3.js'")

    with pytest.raises(BackgroundError, match=r"(?s)Traceback.*No space left on device"):
        BackgroundTask(broken).result()


def test_child_that_dies_without_a_result_fails():
    with pytest.raises(BackgroundError, match="exit code 7"):
        BackgroundTask(lambda: os._exit(7)).result()


def test_cancel_stops_the_child(tmp_path):
    marker = tmp_path / "finished"

    def slow():
        import time

        time.sleep(30)
        marker.write_text("yes")

    task = BackgroundTask(slow)
    task.cancel()
    assert not marker.exists()
