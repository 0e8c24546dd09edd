"""Run one `mkdocs build` of a project in a variant, for benchmarks/build_bench.py.

    python benchmarks/build_variant.py VARIANT PROJECT_DIR SITE_DIR

- `full`: exactly what `mkdocs build --strict` does (the CLI's own steps).
- `nosearch`: the same without the site's search index (the hooks skip it when
  BULLETIN_NO_SEARCH_INDEX is set) and without any search plugin (Material's `search`, not
  used by this site), to see what the search index costs.
- `indented`: the full build without dropping the templates' indentation (the hooks'
  `drop_template_indentation` replaced by nothing), to see what that pass saves in output size.
- `plain`: a plain Material build of the same Markdown: no project hooks, no macros, no search,
  and a navigation of the hand-written pages only (the bulletins are then reached through nothing,
  as in the real site where the hooks' year pages list them). What the full build costs beyond it
  is the share of the hooks, their generated pages and templates.
- `material-search`: the plain build with Material's own search plugin (`lang: zh`; it segments
  Chinese with jieba when jieba is installed, as Material's documentation advises for Chinese).
  What it costs beyond `plain` is what search costs a plain Material site of these bulletins,
  beside which the site's own search index can be weighed. Not one of build_bench.py's default
  variants: with jieba it takes longer than the full build.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

VARIANTS = ("full", "nosearch", "indented", "plain", "material-search")
HOOKLESS_VARIANTS = ("plain", "material-search")  # plain Material builds: no hook runs
# Material's search plugin as a Chinese site would configure it (theme language zh).
MATERIAL_SEARCH = {"search": {"lang": ["zh"]}}
NO_SEARCH_INDEX_ENV = "BULLETIN_NO_SEARCH_INDEX"  # read by hooks/bulletin_hooks.py


def _drop_plugins(config, should_drop) -> None:
    from mkdocs.plugins import PluginCollection

    # A new collection: deleting from the old one would leave the plugin's events registered.
    kept = PluginCollection()
    for name, plugin in config.plugins.items():
        if not should_drop(name):
            kept[name] = plugin
    config.plugins = kept


def build(variant: str, project_dir: Path, site_dir: Path) -> None:
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.config import load_config

    # plain: the home page and the guide link pages only the hooks generate; not an error there.
    plain = variant in HOOKLESS_VARIANTS
    # material-search: the plugins key replaced (the file's offline and macros plugins go too).
    options = {"plugins": [MATERIAL_SEARCH]} if variant == "material-search" else {}
    config = load_config(
        str(project_dir / "mkdocs.yml"), site_dir=str(site_dir), strict=not plain, **options
    )
    if variant in ("nosearch", "plain"):
        os.environ[NO_SEARCH_INDEX_ENV] = "1"
        _drop_plugins(config, lambda name: "search" in name)
    if variant == "indented":
        for name in config["hooks"]:  # the hook module's own name for it, used by on_env
            config.plugins[name].drop_template_indentation = lambda env: None
    if plain:
        hooks = set(config["hooks"])
        _drop_plugins(config, lambda name: name in hooks or name == "macros")
        config.nav = ["index.md", "guide.md"]
        config.validation.nav.omitted_files = 10  # bulletins are not in this nav: say nothing
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build.build(config, dirty=False)
    finally:
        config.plugins.on_shutdown()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 3 or argv[0] not in VARIANTS:
        print(
            f"usage: build_variant.py {{{','.join(VARIANTS)}}} PROJECT_DIR SITE_DIR",
            file=sys.stderr,
        )
        return 2
    build(argv[0], Path(argv[1]), Path(argv[2]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
