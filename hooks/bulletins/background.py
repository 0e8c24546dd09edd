"""Work that runs beside the build: a forked process where the system forks, else in line.

MkDocs renders pages on one core. Writing the search index needs only the parsed bulletins, so a
build starts it as soon as they exist and collects it at the end: on a machine with two cores
the index is built while the pages are rendered. A failure in the child (a traceback, or a child
that died) is raised in the build by `result()`, so a broken index never goes out silently.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable
from typing import Any


class BackgroundError(RuntimeError):
    """The background work failed; the message holds the child's traceback."""


class BackgroundTask:
    """`function()` started now, in a forked child when possible; `result()` waits for it."""

    def __init__(self, function: Callable[[], Any], *, fork: bool = True) -> None:
        self._function = function
        self._process = None
        if fork and "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("fork")  # the child shares the parsed bulletins
            self._receiver, sender = context.Pipe(duplex=False)
            self._process = context.Process(target=_run, args=(function, sender), daemon=True)
            self._process.start()
            sender.close()  # the child holds the only sending end: EOF if it dies

    @property
    def forked(self) -> bool:
        return self._process is not None

    def result(self) -> Any:
        """The function's return value; raises BackgroundError if it failed."""
        if self._process is None:
            return self._function()
        try:
            outcome, value = self._receiver.recv()
        except EOFError:
            self._process.join()
            raise BackgroundError(
                f"background process ended without a result (exit code {self._process.exitcode})"
            ) from None
        finally:
            self._receiver.close()
        self._process.join()
        if outcome == "error":
            raise BackgroundError(value)
        return value

    def cancel(self) -> None:
        """Stop the child (the build failed elsewhere and will not collect it)."""
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
            self._process.join()


def _run(function: Callable[[], Any], sender) -> None:
    try:
        sender.send(("ok", function()))
    except BaseException:  # everything reaches the build, which fails with it
        sender.send(("error", traceback.format_exc()))
    finally:
        sender.close()
