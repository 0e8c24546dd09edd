"""The registries editors keep in YAML: series, departments and topics."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import yaml

from .model import Department, Series, Topic
from .problems import Problem, did_you_mean
from .text_encoding import decode_utf8
from .yaml_messages import yaml_error_text
from .yaml_scalars import COMPOSE_LOADER

REGISTRY_FILES = {"series": "series.yml", "departments": "departments.yml", "topics": "topics.yml"}
ID_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-")
# Said when a registry has errors: the bulletins are not checked until it is right, since each
# of their names of that kind would be reported as well, hiding the cause.
REGISTRY_STOP = "名录错误，改正名录后才会检查各期简报"


@dataclass
class Registry:
    series: dict[str, Series] = field(default_factory=dict)  # by id
    departments: dict[str, Department] = field(default_factory=dict)  # by id
    topics: dict[str, Topic] = field(default_factory=dict)  # by id
    # name lookups: every accepted spelling -> the entry
    series_by_name: dict[str, Series] = field(default_factory=dict)
    departments_by_name: dict[str, Department] = field(default_factory=dict)
    topics_by_name: dict[str, Topic] = field(default_factory=dict)

    def find_series(self, name: str) -> tuple[Series | None, str]:
        """(series, "") or (None, message with the closest valid value)."""
        found = self.series_by_name.get(name)
        if found:
            return found, ""
        return None, f"“{name}”不是名录中的系列{did_you_mean(name, self.series_by_name)}"

    def find_department(self, name: str) -> tuple[Department | None, str]:
        found = self.departments_by_name.get(name)
        if found:
            return found, ""
        hint = did_you_mean(name, self.departments_by_name)
        return None, f"“{name}”不是名录中的部门{hint}"

    def find_topic(self, name: str) -> tuple[Topic | None, str]:
        found = self.topics_by_name.get(name)
        if found:
            return found, ""
        return None, f"“{name}”不是名录中的专题{did_you_mean(name, self.topics_by_name)}"


def _load_yaml(text: str):
    """(values, node tree) of a registry file: libyaml when it has no error (a tenth of a second
    less per build and `mkdocs serve` rebuild), else PyYAML's parser for its error messages."""
    try:
        return yaml.load(text, Loader=COMPOSE_LOADER), yaml.compose(text, Loader=COMPOSE_LOADER)
    except yaml.YAMLError:
        return yaml.safe_load(text), yaml.compose(text, Loader=yaml.SafeLoader)


def load_registry(directory: str, display_dir: str) -> tuple[Registry, list[Problem]]:
    """Read the three registry files from `directory`; `display_dir` is how paths are reported."""
    registry = Registry()
    problems: list[Problem] = []
    for kind, filename in REGISTRY_FILES.items():
        path = os.path.join(directory, filename)
        shown = f"{display_dir}/{filename}"
        try:
            with open(path, "rb") as handle:
                text, unreadable = decode_utf8(handle.read(), shown)
            if text is None:
                problems += unreadable
                continue
            entries, root = _load_yaml(text)
        except FileNotFoundError:
            problems.append(Problem(shown, 0, "", "名录文件不存在"))
            continue
        except yaml.YAMLError as error:
            line, reason = yaml_error_text(error, 1)
            problems.append(Problem(shown, line, "", f"YAML 格式有误：{reason}"))
            continue
        if not isinstance(entries, list):
            problems.append(Problem(shown, 1, "", "应为条目列表（每条以“- ”开头）"))
            continue
        for index, (entry, node) in enumerate(zip(entries, root.value, strict=True)):
            line = node.start_mark.line + 1
            problems += _add_entry(registry, kind, entry, f"[{index}]", shown, line)
    return registry, problems


def _text(entry: dict, key: str) -> str:
    """A text value, "" when absent or empty (YAML reads `name:` as null, not as text)."""
    value = entry.get(key)
    return "" if value is None else str(value).strip()


def _add_entry(
    registry: Registry, kind: str, entry, where: str, shown: str, line: int
) -> list[Problem]:
    if not isinstance(entry, dict):
        return [Problem(shown, line, where, "应写 id 和 name")]
    entry_id, name = _text(entry, "id"), _text(entry, "name")
    if not entry_id:
        return [Problem(shown, line, f"{where}.id", "必填，不能为空")]
    if set(entry_id) - ID_CHARS:
        return [
            Problem(shown, line, f"{where}.id", f"“{entry_id}”只能由小写英文字母、数字和“-”组成")
        ]
    if not name:
        return [Problem(shown, line, f"{where}.name", "必填，不能为空")]
    by_id, by_name = {
        "series": (registry.series, registry.series_by_name),
        "departments": (registry.departments, registry.departments_by_name),
        "topics": (registry.topics, registry.topics_by_name),
    }[kind]
    if entry_id in by_id:
        return [Problem(shown, line, f"{where}.id", f"id 重复：“{entry_id}”")]
    if kind == "series":
        item = Series(id=entry_id, name=name, masthead=_text(entry, "masthead"))
        spellings = [name]
    elif kind == "departments":
        short = _text(entry, "short") or name
        aliases = tuple(str(a).strip() for a in entry.get("aliases") or ())
        item = Department(id=entry_id, name=name, short=short, aliases=aliases)
        spellings = [name, short, *aliases]
    else:
        keywords = tuple(str(k).strip() for k in entry.get("keywords") or ())
        description = _text(entry, "description")
        item = Topic(id=entry_id, name=name, description=description, keywords=keywords)
        spellings = [name]
    problems = []
    for spelling in spellings:
        taken = by_name.get(spelling)
        if taken and taken.id != entry_id:
            problems.append(Problem(shown, line, where, f"“{spelling}”已经是“{taken.id}”的名称"))
            continue
        by_name[spelling] = item
    by_id[entry_id] = item
    return problems
