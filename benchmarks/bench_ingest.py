"""Benchmark: source reading (ingest stage only, no cleaning) for files, JSONL, WARC and a local HTTP server.

Synthetic fictional articles (~25 KB of HTML each, the median page size of the extraction benchmark)
are written to a temporary directory as .html files, one .jsonl dump and one gzipped WARC, and served
over HTTP on 127.0.0.1; each is read with ``iter_sources``. Prints documents/second and peak traced
memory per source kind.

    .venv/bin/python benchmarks/bench_ingest.py [--size 2000] [--http 200]
"""

from __future__ import annotations

import argparse
import io
import json
import random
import tempfile
import threading
import time
import tracemalloc
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.errors import InputError
from storyline.ingest import iter_sources
from storyline.ingest.fetch import Fetcher

WORDS = ["harbour", "council", "ferry", "levy", "quay", "tram", "market", "union", "board", "vote",
         "inquiry", "storm", "bridge", "port", "said", "reported", "councillor", "mayor", "timetable"]


def page(n: int, rng: random.Random) -> str:
    paragraphs = []
    size = 0
    while size < 20_000:
        sentence = " ".join(rng.choice(WORDS) for _ in range(18)).capitalize() + "."
        paragraphs.append(f"<p>{sentence} {sentence}</p>")
        size += len(paragraphs[-1])
    nav = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(40))
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Vell story {n}</title></head>'
            f"<body><nav><ul>{nav}</ul></nav><article><h1>Vell story {n}</h1>{''.join(paragraphs)}"
            "</article></body></html>")


def measure(label: str, paths: list[str], **kwargs) -> None:
    tracemalloc.start()
    started = time.perf_counter()
    docs = errors = 0
    for item in iter_sources(paths, **kwargs):
        if isinstance(item, InputError):
            errors += 1
        else:
            docs += 1
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{label:<22} {docs:>6} docs {errors:>3} errors {elapsed:7.2f} s {docs / elapsed:9.0f} docs/s "
          f"peak {peak / 1e6:6.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2000, help="articles per file-based source")
    parser.add_argument("--http", type=int, default=200, help="pages fetched over local HTTP")
    args = parser.parse_args()
    rng = random.Random(7)
    pages = [page(n, rng) for n in range(args.size)]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        html_dir = root / "html"
        html_dir.mkdir()
        for n, body in enumerate(pages):
            (html_dir / f"{n:06d}.html").write_text(body, encoding="utf-8")
        with (root / "dump.jsonl").open("w", encoding="utf-8") as handle:
            for n, body in enumerate(pages):
                handle.write(json.dumps({"id": n, "title": f"Vell story {n}", "html": body}) + "\n")
        with (root / "crawl.warc.gz").open("wb") as handle:
            writer = WARCWriter(handle, gzip=True)
            for n, body in enumerate(pages):
                headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                           protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(
                    f"https://vell.example/{n}", "response", payload=io.BytesIO(body.encode()),
                    http_headers=headers))
        print(f"{args.size} synthetic pages of ~{len(pages[0]) // 1000} KB")
        measure("html files", [str(html_dir)])
        measure("jsonl", [str(root / "dump.jsonl")])
        measure("warc.gz", [str(root / "crawl.warc.gz")])

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            wbufsize = 1 << 16  # one write per response: no Nagle / delayed-ACK stalls on loopback
            disable_nagle_algorithm = True

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                robots = self.path == "/robots.txt"
                body = b"" if robots else pages[int(self.path.strip("/")) % len(pages)].encode()
                self.send_response(200 if body else 404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        urls = [f"http://127.0.0.1:{server.server_port}/{n}" for n in range(args.http)]
        with Fetcher(allow_private=True, per_host_delay=0.0, trust_env=False) as fetcher:
            measure("http (no delay)", urls, fetcher=fetcher)
        server.shutdown()


if __name__ == "__main__":
    main()
