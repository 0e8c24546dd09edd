"""Front matter composed by libyaml (for speed) reads exactly as PyYAML's own parser reads it."""

from __future__ import annotations

import pytest
import yaml
from bulletins import frontmatter
from conftest import FIXTURES, ROOT

TEXTS = [
    path.read_text(encoding="utf-8")
    for path in sorted(
        [*(ROOT / "docs" / "bulletins").rglob("*.md"), *(FIXTURES / "import").glob("*/expected.md")]
    )
] + [
    "---\nseries: NO\nissue: 010\ndate: 2021-02-30\nx: \"q\"\ny: 'single'\nz: |\n  block\n---\n",
    "---\nseries: a\nseries: b\n---\nbody\n",
    "---\nseries: a\n  bad: [\n---\n",
    "---\narticles: [a, b\n---\n",
]


@pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="PyYAML built without libyaml")
@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_libyaml_and_pyyaml_give_the_same_front_matter(text, monkeypatch):
    assert issubclass(frontmatter.COMPOSE_LOADER, yaml.CSafeLoader)
    fast = frontmatter.split_front_matter(text, "x.md")
    monkeypatch.setattr(frontmatter, "COMPOSE_LOADER", yaml.SafeLoader)
    assert repr(frontmatter.split_front_matter(text, "x.md")) == repr(fast)
