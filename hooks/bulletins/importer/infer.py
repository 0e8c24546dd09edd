"""Departments and topics suggested for an article from the registries.

Departments: every spelling the registry knows (full name, short name, aliases), longest
first so that 市人大常委会 is not read as 市人大; found in the title, or else in the first
paragraph that names one, in order of appearance. A bare alias such as 公安局 right after a
place (东昌府区公安局) is that place's bureau, not the city's, and is skipped.
Topics: the `keywords` of each topic in docs/_data/topics.yml (see `suggest_topics`).
These are suggestions for the editor to judge; nothing here is certain.
"""

from __future__ import annotations

import re

from ..model import Department, Topic
from ..registry import Registry

CITY_PREFIXES = ("市", "聊城", "中共", "共青团")
LOCAL_PLACE_CHARS = "区县镇乡街村"
MIN_TOPIC_MENTIONS = 2


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
    """Topics with a keyword in the title, or keywords found twice or more in the article
    (once, in an article of one paragraph).

    One passing mention (the 动员会 whose spirit most articles begin by invoking) is not what
    an article is about; on the seed issue this rule finds 12 of the editors' 14 topics with 19
    suggestions, against 9 with 17 for "title and first paragraph". Ordered by first mention.
    """
    text = "\n".join([title, *paragraphs])
    needed = MIN_TOPIC_MENTIONS if len(paragraphs) > 1 else 1  # a one-paragraph note: any mention
    found: list[tuple[int, int, Topic]] = []
    for order, topic in enumerate(registry.topics.values()):
        keywords = [keyword for keyword in topic.keywords if keyword and keyword in text]
        mentions = sum(text.count(keyword) for keyword in keywords)
        if any(keyword in title for keyword in keywords) or mentions >= needed:
            found.append((min(text.find(keyword) for keyword in keywords), order, topic))
    return [topic for _, _, topic in sorted(found, key=lambda item: (item[0], item[1]))]
