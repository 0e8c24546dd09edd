"""A static web server on 127.0.0.1 for the benchmarks, sending text gzip-compressed as a
production web server does (nginx `gzip on`, and every static host). Python's http.server alone
sends everything uncompressed; `gzip=False` measures that.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from pathlib import Path

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


@functools.lru_cache(maxsize=4096)
def _compressed(path: Path, modified: float) -> bytes:
    # Compressed once per file and version, as a server with gzip_static or a cache would.
    return gzip.compress(path.read_bytes(), compresslevel=6)


class _Handler(http.server.SimpleHTTPRequestHandler):
    gzip = True

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.gzip and wants_gzip and path.suffix in COMPRESSIBLE and path.is_file()):
            return super().do_GET()
        body = _compressed(path, path.stat().st_mtime)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class StaticServer:
    """Serves `directory` at `self.base` in a thread until `close()`."""

    def __init__(self, directory: Path, *, gzip: bool = True) -> None:
        handler_class = type("Handler", (_Handler,), {"gzip": gzip})
        handler = functools.partial(handler_class, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
