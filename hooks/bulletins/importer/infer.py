"""Departments and topics suggested for an article from the registries.

Departments: every spelling the registry knows (full name, short name, aliases), longest
first so that 市人大常委会 is not read as 市人大; found in the title, or else in the first
paragraph that names one, in order of appearance. A bare alias such as 公安局 right after a
place (东昌府区公安局) is that place's bureau, not the city's, and is skipped.
Topics: the `keywords` of each topic in docs/_data/topics.yml, in the title and first paragraph.
These are suggestions for the editor to judge; nothing here is certain.
"""

from __future__ import annotations

import re

from ..model import Department, Topic
from ..registry import Registry

CITY_PREFIXES = ("市", "聊城", "中共", "共青团")
LOCAL_PLACE_CHARS = "区县镇乡街村"


def departments_in(text: str, registry: Registry) -> list[Department]:
    """Departments named in the text, in order of first appearance, each once."""
    spellings = sorted(registry.departments_by_name, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(spelling) for spelling in spellings))
    found: list[Department] = []
    for match in pattern.finditer(text) if spellings else ():
        spelling = match[0]
        before = text[match.start() - 1] if match.start() else ""
        if not spelling.startswith(CITY_PREFIXES) and before and before in LOCAL_PLACE_CHARS:
            continue
        department = registry.departments_by_name[spelling]
        if department not in found:
            found.append(department)
    return found


def suggest_departments(title: str, paragraphs: list[str], registry: Registry) -> list[Department]:
    """The departments of the title; else those of the first paragraph that names any."""
    for text in [title, *paragraphs]:
        if found := departments_in(text, registry):
            return found
    return []


def suggest_topics(title: str, paragraphs: list[str], registry: Registry) -> list[Topic]:
    """Topics whose keywords occur in the title or the first paragraph, by first occurrence."""
    text = "\n".join([title, *paragraphs[:1]])
    positions: list[tuple[int, int, Topic]] = []
    for order, topic in enumerate(registry.topics.values()):
        hits = [text.find(keyword) for keyword in topic.keywords if keyword and keyword in text]
        if hits:
            positions.append((min(hits), order, topic))
    return [topic for _, _, topic in sorted(positions, key=lambda item: (item[0], item[1]))]
