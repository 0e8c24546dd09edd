"""Refresh the vendored `iframe-worker` shim from the npm registry.

The offline copy (scripts/package_archive.py) must not load anything from another host, but
Material's `offline` plugin points at https://unpkg.com/iframe-worker/shim. We ship the shim
from the npm package instead, in docs/assets/vendor/iframe-worker/ with its MIT license, and
hooks/bulletins/hosting.py points the offline build at it. The file is committed, so setting up
the site needs no npm; this script is only for moving to a newer version:

    python scripts/vendor_iframe_worker.py --version 1.0.4

It runs `npm pack`, checks the tarball against the registry's sha512 integrity, and copies
`shim/index.js` and `LICENSE`.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import subprocess
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "iframe-worker"
VERSION = "1.0.4"
ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "assets" / "vendor" / "iframe-worker"
FILES = {"package/shim/index.js": "shim.js", "package/LICENSE": "LICENSE"}


def sri_sha512(data: bytes) -> str:
    """The npm `integrity` string (Subresource Integrity form) of a tarball."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def extract(tarball: bytes, directory: Path) -> dict[str, bytes]:
    """The files of FILES out of an npm tarball, by their vendored name."""
    path = directory / "package.tgz"
    path.write_bytes(tarball)
    found = {}
    with tarfile.open(path, "r:gz") as archive:
        for member, name in FILES.items():
            found[name] = archive.extractfile(member).read()
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--version", default=VERSION, help=f"npm version (default {VERSION})")
    parser.add_argument("--dry-run", action="store_true", help="download and check, write nothing")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temp:
        result = subprocess.run(
            ["npm", "pack", f"{PACKAGE}@{args.version}", "--json", "--pack-destination", temp],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        info = json.loads(result.stdout)[0]
        tarball = (Path(temp) / info["filename"]).read_bytes()
        if sri_sha512(tarball) != info["integrity"]:
            print(f"{PACKAGE}@{args.version}: tarball does not match the registry's integrity")
            return 1
        files = extract(tarball, Path(temp))
    for name, data in sorted(files.items()):
        print(f"{TARGET.relative_to(ROOT) / name}: {len(data)} bytes from {PACKAGE}@{args.version}")
        if not args.dry_run:
            (TARGET / name).write_bytes(data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
