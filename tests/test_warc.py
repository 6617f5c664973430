"""WARC/ARC archives: HTML 200 responses become documents; broken records cost one error each."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.errors import InputError
from storyline.ingest import iter_sources
from storyline.model import RawDocument

PAGE = "<html><head><title>Dockside market {n}</title></head><body><p>Market day {n} in Vell \u2014 " \
       "\u201cbusy\u201d, said stallholder Ada Fenn.</p></body></html>"


def response(writer: WARCWriter, url: str, body: bytes, *, status: str = "200 OK",
             content_type: str = "text/html; charset=utf-8") -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
    writer.write_record(record)


def build(path: Path, *, gz: bool) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        response(writer, "https://vell-market.example/1", PAGE.format(n=1).encode())
        response(writer, "https://vell-market.example/logo.png", b"\x89PNG\r\n", content_type="image/png")
        response(writer, "https://vell-market.example/gone", b"<p>gone</p>", status="404 Not Found")
        response(writer, "https://vell-market.example/2", PAGE.format(n=2).encode("cp1252"),
                 content_type="text/html; charset=windows-1252")
        response(writer, "https://vell-market.example/3", PAGE.format(n=3).encode())


def run(paths: list[Path]) -> tuple[list[RawDocument], list[InputError]]:
    docs: list[RawDocument] = []
    errors: list[InputError] = []
    for item in iter_sources([str(p) for p in paths]):
        (errors if isinstance(item, InputError) else docs).append(item)
    return docs, errors


@pytest.mark.parametrize("gz", [False, True])
def test_html_responses_become_documents(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    build(path, gz=gz)
    docs, errors = run([path])
    assert errors == []
    assert [d.url for d in docs] == [f"https://vell-market.example/{n}" for n in (1, 2, 3)]
    assert docs[0].source == f"{path}#https://vell-market.example/1"
    assert docs[1].html and "Market day 2 in Vell \u2014 \u201cbusy\u201d" in docs[1].html
    assert docs[0].file_mtime and docs[0].file_mtime.startswith("20")


@pytest.mark.parametrize("gz", [False, True])
def test_broken_record_is_one_error_and_the_rest_is_read(tmp_path: Path, gz: bool) -> None:
    good = tmp_path / "good"
    build(good, gz=gz)
    data = good.read_bytes()
    with good.open("rb") as handle:
        iterator = ArchiveIterator(handle)
        starts = []
        for _ in iterator:
            starts.append(iterator.get_record_offset())
    target = starts[4]  # the second page (records: warcinfo, page 1, image, 404, page 2, page 3)
    if gz:
        # the whole compressed body of that record becomes garbage (its gzip header and the next
        # record's member stay whole), so the damage does not depend on the compressed bytes, which
        # vary with each record's random id and date
        body = starts[5] - target - 10
        broken = data[: target + 10] + (b"\x00garbage\x00" * (body // 9 + 1))[:body] + data[starts[5] :]
    else:
        broken = data[:target] + b"GARBAGE" + data[target + 7 :]
    path = tmp_path / ("broken.warc.gz" if gz else "broken.warc")
    path.write_bytes(broken)
    docs, errors = run([path])
    assert [d.url for d in docs] == ["https://vell-market.example/1", "https://vell-market.example/3"]
    assert len(errors) == 1 and errors[0].source.startswith(f"{path}@")
    assert errors[0].reason.startswith("broken record (")


def test_not_an_archive_empty_and_no_html(tmp_path: Path) -> None:
    (tmp_path / "a.warc").write_text("<html>this is not a WARC</html>")
    (tmp_path / "b.warc.gz").write_bytes(gzip.compress(b"plain text, gzipped, not a WARC"))
    (tmp_path / "c.warc").write_bytes(b"")
    images = tmp_path / "d.warc"
    with images.open("wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        response(writer, "https://x.example/i.png", b"\x89PNG", content_type="image/png")
    (tmp_path / "e.txt").write_text("The batch goes on after bad archives.")
    docs, errors = run([tmp_path])
    assert [Path(d.source).name for d in docs] == ["e.txt"]
    reasons = [e.reason for e in errors]
    assert reasons[0] == "not a WARC/ARC archive (starts with '<html>this is no')"
    assert reasons[1] == "not a WARC/ARC archive (starts with 'plain text, gzip')"
    assert reasons[2:] == ["empty file", "no HTML pages (status 200, text/html) in the archive"]


def test_truncated_gzip_archive_keeps_what_was_read(tmp_path: Path) -> None:
    good = tmp_path / "good.warc.gz"
    build(good, gz=True)
    data = good.read_bytes()
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 40])
    docs, errors = run([path])
    assert [d.url for d in docs] == ["https://vell-market.example/1", "https://vell-market.example/2"]
    assert len(errors) == 1 and errors[0].source == f"{path}#https://vell-market.example/3"
    assert errors[0].reason.startswith("broken record (truncated: ")  # compressed size varies by a byte


@pytest.mark.parametrize("gz", [False, True])
def test_arc_files(tmp_path: Path, gz: bool) -> None:
    body = b"HTTP/1.0 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Quay fish prices rose.</p>"
    meta = b"1 0 Vell Archive\nURL IP-address Archive-date Content-type Archive-length\n"
    header = b"filedesc://vell.arc 0.0.0.0 20250301120000 text/plain %d\n" % len(meta)
    record = b"http://vell-market.example/fish 192.0.2.1 20250301120000 text/html %d\n" % len(body)
    parts = [header + meta + b"\n", record + body + b"\n"]
    path = tmp_path / ("old.arc.gz" if gz else "old.arc")
    path.write_bytes(b"".join(gzip.compress(p) for p in parts) if gz else b"".join(parts))
    docs, errors = run([path])
    assert errors == []
    expected = [("http://vell-market.example/fish", "2025-03-01T12:00:00+00:00")]
    assert [(d.url, d.file_mtime) for d in docs] == expected
    assert docs[0].html == "<p>Quay fish prices rose.</p>"
