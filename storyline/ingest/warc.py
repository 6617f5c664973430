"""WARC and ARC archives (warcio) to RawDocuments: every HTML response record with status 200.

Streamed record by record (an archive of gigabytes never sits in memory; each record body is capped),
gzip or not (warcio detects per-record gzip). A broken record costs one InputError and the reader
resynchronises at the next record boundary (the next gzip member, or the next ``WARC/1.`` header line of
an uncompressed archive), so one damaged record does not lose the rest of the archive.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from storyline.errors import InputError
from storyline.ingest.decode import BinaryContent, charset_from_content_type, decode_bytes
from storyline.model import RawDocument
from storyline.settings import ingest as settings

Item = RawDocument | InputError

_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_MARKER = b"\nWARC/1."
_BROKEN = (ArchiveLoadFailed, StatusAndHeadersParserException, zlib.error, EOFError, ValueError, OSError)


def iter_warc(path: Path) -> Iterator[Item]:
    """The HTML pages archived in ``path``; source is ``path#URL``, file_mtime the capture date."""
    source = str(path)
    with path.open("rb") as handle:
        head = handle.read(4)
        if not head:
            yield InputError(source, "empty file")
            return
        gzipped = head.startswith(b"\x1f\x8b")
        handle.seek(0)
        start = _first_bytes(handle, gzipped)
        if not start.lstrip().startswith((b"WARC/", b"filedesc://")):
            # warcio would take any first line for an ARC header and read garbage as records
            shown = start[:16].decode("ascii", "backslashreplace")
            yield InputError(source, f"not a WARC/ARC archive (starts with {shown!r})")
            return
        handle.seek(0)
        pages = 0
        errors = 0
        records = 0
        position: int | None = 0
        while position is not None:
            handle.seek(position)
            resume_after = position
            try:
                for offset, item in _records(handle, position, source):
                    resume_after = offset
                    records += 1
                    if item is None:
                        continue
                    if isinstance(item, InputError):
                        errors += 1
                    else:
                        pages += 1
                    yield item
                position = None
            except _BROKEN as error:
                errors += 1
                what = "not a WARC/ARC archive" if records == 0 else "broken record"
                yield InputError(f"{source}@{resume_after}", f"{what} ({_first_line(error)})")
                position = _next_boundary(handle, resume_after + 1, gzipped)
                # errors between here and the next good record are one broken region: say it once
                while position is not None and not _starts_record(handle, position):
                    position = _next_boundary(handle, position + 1, gzipped)
        if pages == 0 and errors == 0:
            yield InputError(source, "no HTML pages (status 200, text/html) in the archive")


def _records(handle: BinaryIO, base: int, source: str) -> Iterator[tuple[int, Item | None]]:
    """(offset, item) per record; item None for records that are not HTML pages."""
    iterator = ArchiveIterator(handle, arc2warc=True)
    for number, record in enumerate(iterator, 1):
        item = _record_item(record, source, number)
        # only now: asking for the offset makes warcio read the record to its end
        yield base + iterator.get_record_offset(), item


def _record_item(record: Any, source: str, number: int) -> Item | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    uri = (record.rec_headers.get_header("WARC-Target-URI") or "").strip("<>") or None
    where = f"{source}#{uri}" if uri else f"{source}#record{number}"
    if record.http_headers.get_statuscode() != "200":
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    media_type = content_type.split(";", 1)[0].strip().lower()
    if media_type not in settings.HTML_CONTENT_TYPES:
        return None
    try:
        body = record.content_stream().read(settings.MAX_DOCUMENT_BYTES + 1)
    except (zlib.error, EOFError, ValueError, OSError) as error:
        return InputError(where, f"broken record body ({_first_line(error)})")
    if len(body) > settings.MAX_DOCUMENT_BYTES:
        return InputError(where, f"larger than {settings.MAX_DOCUMENT_BYTES // (1024 * 1024)} MB")
    missing = getattr(record.raw_stream, "limit", 0)
    if isinstance(missing, int) and missing > 0:  # the archive ended inside this record
        return InputError(where, f"broken record (truncated: {missing} bytes missing)")
    try:
        html = decode_bytes(body, declared=charset_from_content_type(content_type), markup=True)
    except BinaryContent as error:
        return InputError(where, str(error))
    if not html.strip():
        return InputError(where, "empty response body")
    captured = record.rec_headers.get_header("WARC-Date")
    if captured and captured.endswith("Z"):  # same spelling as file dates: 2025-03-01T12:00:00+00:00
        captured = captured[:-1] + "+00:00"
    return RawDocument(source=where, html=html, url=uri, file_mtime=captured)


def _first_bytes(handle: BinaryIO, gzipped: bool) -> bytes:
    """The first bytes of the archive's content, gunzipped when needed (b"" if unreadable)."""
    raw = handle.read(64 * 1024)
    if not gzipped:
        return raw[:64]
    try:
        return zlib.decompressobj(wbits=31).decompress(raw, 64)
    except zlib.error:
        return b""


def _next_boundary(handle: BinaryIO, start: int, gzipped: bool) -> int | None:
    """Offset of the next place a record may start at or after ``start``, or None at the end."""
    marker = _GZIP_MAGIC if gzipped else _WARC_MARKER
    chunk_size = 1024 * 1024
    position = start
    while True:
        handle.seek(position)
        chunk = handle.read(chunk_size + len(marker))
        if len(chunk) < len(marker):
            return None
        found = chunk.find(marker)
        if found >= 0:
            return position + found + (0 if gzipped else 1)
        position += chunk_size


def _starts_record(handle: BinaryIO, position: int) -> bool:
    """Whether a record can be read at ``position`` (tried, then rewound by the caller's seek)."""
    handle.seek(position)
    try:
        next(iter(ArchiveIterator(handle, arc2warc=True)))
    except StopIteration:
        return True
    except _BROKEN:
        return False
    return True


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0][:160] if lines else type(error).__name__
