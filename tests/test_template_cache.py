"""`mkdocs serve` compiles each template once, and again only when it changes."""

from __future__ import annotations

import jinja2
from bulletins.template_cache import MemoryBytecodeCache


class CountingEnvironment(jinja2.Environment):
    compiled = 0

    def compile(self, *args, **kwargs):
        CountingEnvironment.compiled += 1
        return super().compile(*args, **kwargs)


def render(cache: MemoryBytecodeCache, templates: dict[str, str]) -> str:
    # A new environment each time, as MkDocs makes one per rebuild.
    environment = CountingEnvironment(loader=jinja2.DictLoader(templates), bytecode_cache=cache)
    return environment.get_template("page.html").render(name="简报")


def test_a_new_environment_reuses_the_compiled_template():
    cache, templates = MemoryBytecodeCache(), {"page.html": "<p>{{ name }}</p>"}
    CountingEnvironment.compiled = 0
    assert render(cache, templates) == "<p>简报</p>"
    assert render(cache, templates) == "<p>简报</p>"
    assert CountingEnvironment.compiled == 1


def test_an_edited_template_is_compiled_again():
    cache = MemoryBytecodeCache()
    CountingEnvironment.compiled = 0
    render(cache, {"page.html": "<p>{{ name }}</p>"})
    assert render(cache, {"page.html": "<h1>{{ name }}</h1>"}) == "<h1>简报</h1>"
    assert CountingEnvironment.compiled == 2
