"""without_cyclic_gc pauses Python's cyclic collector for one call and restores it."""

from __future__ import annotations

import gc

import pytest
from bulletins.gc_pause import without_cyclic_gc


@without_cyclic_gc
def collector_enabled_inside(fail: bool = False) -> bool:
    if fail:
        raise ValueError("step failed")
    return gc.isenabled()


def test_paused_during_the_call_and_enabled_after():
    assert gc.isenabled()
    assert collector_enabled_inside() is False
    assert gc.isenabled()


def test_enabled_again_when_the_call_fails():
    with pytest.raises(ValueError):
        collector_enabled_inside(fail=True)
    assert gc.isenabled()


def test_left_disabled_when_it_was_disabled():
    gc.disable()
    try:
        assert collector_enabled_inside() is False
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_objects_kept_are_looked_at_before_the_call_returns():
    """The young generation is collected inside the step, so the step's timing includes it."""

    @without_cyclic_gc
    def keep_many_objects():
        return [[index] for index in range(20_000)]

    kept = keep_many_objects()
    assert gc.get_count()[0] < 1_000  # about 20,000 without the collection at the end
    assert len(kept) == 20_000
