"""`mkdocs serve --dirty` made exact: which built pages a rebuild must redo.

With --dirty MkDocs rebuilds a page only when its Markdown file is newer than its HTML (a page
whose HTML is missing counts as new). The pages of this site also show what other files hold: a
bulletin page names its neighbours in the series and its attachments; every page carries the
navigation, the registries' names, the templates and mkdocs.yml. This module compares those
inputs with the last build's and says what to delete so that MkDocs builds it again: everything
when a site-wide input changed, else the bulletin pages whose own outside inputs changed and the
pages of bulletins that are gone. Generated pages (listings) are rebuilt by MkDocs every time.
"""

from __future__ import annotations

import os
from collections.abc import Hashable
from dataclasses import dataclass, field

from .model import Bulletin


@dataclass(frozen=True)
class BuildInputs:
    site_wide: Hashable  # what every page shows: navigation, registry, templates, configuration
    pages: dict[str, Hashable] = field(default_factory=dict)  # output path -> its outside inputs


def build_inputs(
    site_wide: Hashable,
    bulletin_outputs: dict[str, Bulletin],
    neighbours: dict[str, tuple[Bulletin | None, Bulletin | None]],
    attachments: dict[str, list],
) -> BuildInputs:
    """The inputs of this build: `site_wide` as given, and per bulletin page (output path ->
    bulletin) what it shows from outside its own file (see overrides/bulletin.html)."""
    return BuildInputs(
        site_wide,
        {
            output: (
                tuple(
                    None if b is None else (b.source_path, b.title, b.date)
                    for b in neighbours.get(bulletin.source_path, (None, None))
                ),
                tuple(attachments.get(bulletin.source_path, [])),
            )
            for output, bulletin in bulletin_outputs.items()
        },
    )


def newest_modification(directory: str) -> float:
    """The latest modification time of any file under `directory` (templates)."""
    newest = 0.0
    for root, _, names in os.walk(directory):
        for name in names:
            newest = max(newest, os.path.getmtime(os.path.join(root, name)))
    return newest


def outputs_to_redo(previous: BuildInputs | None, current: BuildInputs) -> list[str] | None:
    """Output paths to delete before a dirty rebuild; None when the whole site must be rebuilt."""
    if previous is None:  # the first build writes into an empty directory
        return []
    if previous.site_wide != current.site_wide:
        return None
    return sorted(
        path
        for path, inputs in previous.pages.items()
        if path not in current.pages or current.pages[path] != inputs
    )
