"""The files of the search index as the browser loads them: JavaScript, one `<script>` each.

Every file calls `bulletinSearch.loaded(name, data)`, so the index loads through `<script>` tags
and works from `file://` as over HTTP (Chromium refuses `fetch()` and workers there). A query
fetches only what it needs: the data file (fold table, names), the bucket of each of its keys
(a large posting list has a file of its own, named in its bucket), and the file of each result
shown (eight consecutive articles share one). The facets (department, topic, date per article)
load once for filtering.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from .registry import Registry
from .search_fold import fold_table
from .search_index import (
    SPACE_CODE_POINTS,
    SearchDocument,
    build_postings,
    encode_values,
    key_bucket,
)

SEARCH_DIR = "search"
OWN_FILE_BYTES = 6_000  # a posting list this large gets a file of its own
# Consecutive documents share a file: a file per article made 25,000 of the 34,000 files of a
# site of 5,000 issues (static hosts limit files per site; a disc copies small files slowly) and
# writing them was the index's largest cost. Eight cost a result list ~3 kB (gzip) per file.
DOCUMENTS_PER_FILE = 8


def _script(name: str, data) -> str:
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f'bulletinSearch.loaded("{name}",{payload});\n'


def _fold_runs() -> tuple[list[list[int]], str]:
    """The fold table as runs [source, target, length] plus a string of single pairs."""
    runs: list[list[int]] = []
    for source, target in fold_table().items():
        s, t = ord(source), ord(target)
        if runs and runs[-1][0] + runs[-1][2] == s and runs[-1][1] + runs[-1][2] == t:
            runs[-1][2] += 1
        else:
            runs.append([s, t, 1])
    pairs = "".join(chr(s) + chr(t) for s, t, length in runs if length == 1)
    return [run for run in runs if run[2] > 1], pairs


def _id_deltas(ids: list[int]) -> str:
    """Ascending ids as digit text of their deltas, as posting lists are stored."""
    return encode_values([b - a for a, b in zip([0] + ids, ids, strict=False)])


def bucket_count_for(document_count: int) -> int:
    """How many buckets the small posting lists share: the least power of two ≥ 8·√documents.

    A function of the number of articles alone, so that pages can name it before the index
    exists (search.js then asks for a query's buckets without waiting for data.js). Measured on
    the benchmark corpus it keeps buckets at 5–12 kB from 500 to 5,000 issues: the small lists
    grow with the number of distinct words, slower than the articles.
    """
    count = 1
    while count * count < 64 * document_count:
        count *= 2
    return count


def search_files(documents: list[SearchDocument], registry: Registry) -> Iterator[tuple[str, str]]:
    """(path under the site, content) of every file of the search index, one at a time."""
    # Digit text (see search_index.py) needs no escaping in JSON.
    encoded = {k: '"' + v + '"' for k, v in build_postings(documents).items()}
    bucket_count = bucket_count_for(len(documents))

    buckets: list[list[str]] = [[] for _ in range(bucket_count)]
    own_files = [0] * bucket_count
    for key in sorted(encoded):
        bucket = key_bucket(key, bucket_count)
        entry = json.dumps(key, ensure_ascii=False) + ":"
        if len(encoded[key]) < OWN_FILE_BYTES:
            buckets[bucket].append(entry + encoded[key])
            continue
        name = f"i{bucket}-{own_files[bucket]}"
        own_files[bucket] += 1
        yield f"{SEARCH_DIR}/{name}.js", f'bulletinSearch.loaded("{name}",{encoded[key]});\n'
        buckets[bucket].append(entry + str(own_files[bucket] - 1))  # a number: see i{b}-{n}.js
    for bucket, entries in enumerate(buckets):
        body = "{" + ",".join(entries) + "}"
        yield f"{SEARCH_DIR}/i{bucket}.js", f'bulletinSearch.loaded("i{bucket}",{body});\n'

    for first in range(0, len(documents), DOCUMENTS_PER_FILE):
        name = document_file(first)
        shown = [_shown(d) for d in documents[first : first + DOCUMENTS_PER_FILE]]
        yield f"{SEARCH_DIR}/{name}.js", _script(name, shown)

    runs, pairs = _fold_runs()
    yield (
        f"{SEARCH_DIR}/data.js",
        _script(
            "data",
            {
                "buckets": bucket_count,
                "documents": len(documents),
                "documentsPerFile": DOCUMENTS_PER_FILE,  # document n is in document_file(n)
                "foldRuns": runs,
                "foldPairs": pairs,
                "spaces": "".join(map(chr, SPACE_CODE_POINTS.tolist())),  # where queries split
                "departments": {
                    k: registry.departments[k].short for k in sorted(registry.departments)
                },
                "topics": {k: registry.topics[k].name for k in sorted(registry.topics)},
            },
        ),
    )
    yield f"{SEARCH_DIR}/facets.js", _script("facets", _facets(documents))


def document_file(document_id: int) -> str:
    """The name of the file holding a document: d0 holds documents 0-7, d1 8-15, …"""
    return f"d{document_id // DOCUMENTS_PER_FILE}"


def _shown(document: SearchDocument) -> dict:
    """What a result shows of its article."""
    return {
        "u": document.url,
        "t": document.title,
        "b": document.bulletin_title,
        "d": document.date,
        "p": list(document.departments),
        "x": document.text,
    }


def _facets(documents: list[SearchDocument]) -> dict:
    """Per department and topic the ids of its articles (deltas); per date its first id."""
    by_department: dict[str, list[int]] = {}
    by_topic: dict[str, list[int]] = {}
    dates: list[list] = []
    for document in documents:
        for department in document.departments:
            by_department.setdefault(department, []).append(document.id)
        for topic in document.topics:
            by_topic.setdefault(topic, []).append(document.id)
        if not dates or dates[-1][0] != document.date:
            dates.append([document.date, document.id])
    return {
        "departments": {k: _id_deltas(v) for k, v in sorted(by_department.items())},
        "topics": {k: _id_deltas(v) for k, v in sorted(by_topic.items())},
        "dates": dates,  # [ISO date, first id]; ids are newest first, so dates descend
    }
