"""Build the offline copy of the site (档案移交) as one reproducible zip.

    python scripts/package_archive.py            # -> dist/jianbao-<YYYYMMDD>.zip

The site is built for file:// (Material's `offline` plugin, our vendored iframe-worker shim,
no site_url) into a temporary directory, then zipped with catalog.json, a SHA256SUMS manifest
and 使用说明.txt. Building twice from the same commit gives the same bytes: the build date is
SOURCE_DATE_EPOCH (default: the date of the last git commit, never the clock), the zip entries
are sorted and carry that date, and nothing in the build is random.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from editor_cli import ROOT

# isort: split
# (editor_cli has put hooks/ on sys.path for the import below)
from bulletins.hosting import SITE_SOURCES

README_TEMPLATE = Path(__file__).resolve().parent / "archive_readme.zh.txt"
README = "使用说明.txt"
MANIFEST = "SHA256SUMS"
ZIP_EPOCH_MIN = 315532800  # 1980-01-01, the earliest date a zip entry can carry


def source_date_epoch(project: Path, environ: dict[str, str]) -> int:
    """SOURCE_DATE_EPOCH if set, else the committer date of HEAD."""
    if environ.get("SOURCE_DATE_EPOCH"):
        return int(environ["SOURCE_DATE_EPOCH"])
    committed = _git(project, "log", "-1", "--format=%ct")
    if not committed:
        raise SystemExit(
            f"{project}: not a git checkout; set SOURCE_DATE_EPOCH to the content's date"
        )
    return int(committed)


def git_revision(project: Path) -> str:
    return _git(project, "rev-parse", "--short=12", "HEAD") or "未知"


# A change to SITE_SOURCES not committed is in the zip but not in the revision that
# 使用说明.txt names.
UNCOMMITTED_MARK = "+未提交的改动"


def uncommitted_sources(project: Path) -> list[str]:
    """The site's source files that differ from HEAD or are not in git (none outside git)."""
    quoted_raw = ("-c", "core.quotePath=false")  # 新的.md, not "\346\226\260..."
    changed = _git(project, *quoted_raw, "diff", "--name-only", "HEAD", "--", *SITE_SOURCES)
    added = _git(
        project, *quoted_raw, "ls-files", "--others", "--exclude-standard", "--", *SITE_SOURCES
    )
    return sorted({*changed.splitlines(), *added.splitlines()})


def source_revision(project: Path, allow_uncommitted: bool) -> str:
    """The revision the copy is made from, marked when uncommitted changes were allowed in;
    SystemExit when they were not."""
    changed = uncommitted_sources(project)
    if changed and not allow_uncommitted:
        shown = "\n".join(f"  {path}" for path in changed[:10])
        more = f"\n  ……共 {len(changed)} 个" if len(changed) > 10 else ""
        raise SystemExit(
            f"网站的源文件有未提交的改动，离线副本将与说明里写的版本不符：\n{shown}{more}\n"
            "请先提交（git commit），或加 --allow-uncommitted 打包并在说明里注明。"
        )
    return git_revision(project) + (UNCOMMITTED_MARK if changed else "")


def _git(project: Path, *args: str) -> str:
    """The output of a git command in `project`, or "" outside a checkout."""
    result = subprocess.run(
        ["git", "-C", str(project), *args], capture_output=True, text=True, check=False
    )
    return result.stdout.strip() if result.returncode == 0 else ""


def build_offline_site(project: Path, site_dir: Path, epoch: int) -> None:
    """`mkdocs build --strict` for file://, in a child process so its settings stay its own."""
    environ = {
        **os.environ,
        "SOURCE_DATE_EPOCH": str(epoch),
        "BULLETIN_OFFLINE": "true",
        "BULLETIN_SITE_URL": "",  # no address: no canonical links, feeds or robots.txt offline
    }
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site_dir)],
        cwd=project, env=environ, capture_output=True, text=True, encoding="utf-8", check=False,
    )  # fmt: skip
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build failed:\n{result.stdout}{result.stderr}")


def read_tree(directory: Path) -> dict[str, bytes]:
    """Every file under `directory` by its POSIX path, sorted."""
    paths = sorted(p for p in directory.rglob("*") if p.is_file())
    return {p.relative_to(directory).as_posix(): p.read_bytes() for p in paths}


SOURCE_FOLDER = "source"  # catalog.json's "source" paths, e.g. docs/bulletins/2021/gzjb-009.md


def preserved_sources(project: Path, catalog: dict) -> dict[str, bytes]:
    """The Markdown of the bulletins the copy publishes (the catalog's: no drafts) and the
    registries, the form the site is rebuilt from, under source/ (attachments are in the site)."""
    paths = [bulletin["source"] for bulletin in catalog["bulletins"]]
    paths += sorted(
        p.relative_to(project).as_posix() for p in (project / "docs/_data").glob("*.yml")
    )
    return {f"{SOURCE_FOLDER}/{path}": (project / path).read_bytes() for path in sorted(paths)}


def archive_readme(template: str, date: str, revision: str, catalog: dict) -> bytes:
    issues = len(catalog["bulletins"])
    articles = sum(len(b["articles"]) for b in catalog["bulletins"])
    text = template.format(date=date, revision=revision, issues=issues, articles=articles)
    # For Windows Notepad on older archive machines: a BOM to detect UTF-8, CRLF line ends.
    return "\ufeff".encode() + text.replace("\n", "\r\n").encode("utf-8")


def sha256sums(files: dict[str, bytes]) -> bytes:
    """`sha256sum -c` format, one line per file, sorted by path."""
    lines = [
        f"{hashlib.sha256(data).hexdigest()}  {path}\n" for path, data in sorted(files.items())
    ]
    return "".join(lines).encode("utf-8")


def zip_archive(files: dict[str, bytes], folder: str, epoch: int) -> bytes:
    """A zip whose bytes depend only on `files`, `folder` and `epoch`."""
    when = dt.datetime.fromtimestamp(max(epoch, ZIP_EPOCH_MIN), dt.UTC)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(files):
            info = zipfile.ZipInfo(f"{folder}/{path}", date_time=when.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, so that the permissions below are read
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[path], compresslevel=9)
    return buffer.getvalue()


def package(project: Path, name: str, epoch: int, revision: str) -> tuple[str, bytes]:
    """(file name, zip bytes) of the offline copy of `project`'s site, made from `revision`."""
    date = dt.datetime.fromtimestamp(epoch, dt.UTC).date()
    folder = f"{name}-{date:%Y%m%d}"
    with tempfile.TemporaryDirectory() as temp:
        site_dir = Path(temp) / "site"
        build_offline_site(project, site_dir, epoch)
        files = read_tree(site_dir)
    catalog = json.loads(files["catalog.json"])
    files.update(preserved_sources(project, catalog))
    template = README_TEMPLATE.read_text(encoding="utf-8")
    files[README] = archive_readme(template, date.isoformat(), revision, catalog)
    files[MANIFEST] = sha256sums(files)  # every file but the manifest itself
    return f"{folder}.zip", zip_archive(files, folder, epoch)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the offline copy of the site as a zip.")
    parser.add_argument("--project", type=Path, default=ROOT, help="project root (mkdocs.yml)")
    parser.add_argument("--output-dir", type=Path, default=None, help="default: <project>/dist")
    parser.add_argument("--name", default="jianbao", help="file name prefix (default: jianbao)")
    parser.add_argument("--force", action="store_true", help="overwrite a different zip")
    parser.add_argument("--dry-run", action="store_true", help="build and report, write nothing")
    parser.add_argument(
        "--allow-uncommitted",
        action="store_true",
        help=f"package uncommitted changes to the site's sources, the revision marked '{UNCOMMITTED_MARK}'",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    revision = source_revision(args.project, args.allow_uncommitted)
    epoch = source_date_epoch(args.project, dict(os.environ))
    filename, data = package(args.project, args.name, epoch, revision)
    target = (args.output_dir or args.project / "dist") / filename
    elapsed = time.perf_counter() - started
    summary = f"{target}: {len(data):,} bytes, {elapsed:.1f} s"
    if args.dry_run:
        print(f"{summary} (dry run, not written)")
        return 0
    if target.exists() and target.read_bytes() != data and not args.force:
        print(f"{target} exists with other contents; use --force to replace it", file=sys.stderr)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    print(summary)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
