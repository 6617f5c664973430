"""Files and directories to RawDocuments: .txt, .md, .html, .json, .jsonl (feeds and WARC files are
recognised here and handed to their own modules).

Every bad input becomes an :class:`InputError` in the stream, never an exception out of it, so one
unreadable file costs one line of output and the rest of the batch goes on.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO, Literal

from storyline.errors import InputError
from storyline.ingest.decode import BinaryContent, decode_bytes
from storyline.ingest.records import record_to_document, records_in_json
from storyline.model import RawDocument
from storyline.settings import ingest as settings

Kind = Literal["text", "html", "json", "jsonl", "feed", "warc"]
Item = RawDocument | InputError
# Reads a feed or WARC file; given by the caller so this module needs neither feedparser nor warcio.
Reader = Callable[[Path, str | None], Iterator[Item]]

_KINDS: tuple[tuple[tuple[str, ...], Kind], ...] = (
    (settings.WARC_EXTENSIONS, "warc"),
    (settings.TEXT_EXTENSIONS, "text"),
    (settings.HTML_EXTENSIONS, "html"),
    (settings.JSONL_EXTENSIONS, "jsonl"),
    (settings.JSON_EXTENSIONS, "json"),
    (settings.FEED_EXTENSIONS, "feed"),
)


def kind_of(path: Path | str) -> Kind | None:
    """What a file is, by its (case-insensitive) extension; None for anything we do not read."""
    name = str(path).lower()
    for extensions, kind in _KINDS:
        if name.endswith(extensions):
            return kind
    return None


def walk(paths: list[str]) -> Iterator[tuple[Path, bool] | InputError]:
    """Each readable file under ``paths`` as (path, explicitly named), in a stable sorted order.

    Directories are walked recursively without following symlinked directories (no loops), skipping
    hidden files and directories (``.git``, ``.DS_Store``) and files of unknown kinds. A path that does
    not exist, or an explicitly named file of an unknown kind, is an error.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk_dir(path)
        elif path.exists():
            if kind_of(path) is None:
                yield InputError(raw, f"unsupported file type {path.suffix or '(no extension)'!r}")
            else:
                yield path, True
        else:
            yield InputError(raw, "no such file or directory")


def _walk_dir(root: Path) -> Iterator[tuple[Path, bool] | InputError]:
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
        while errors:
            error = errors.pop()
            yield InputError(str(error.filename or dirpath), f"cannot read directory: {error.strerror}")
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or kind_of(name) is None:
                continue
            yield Path(dirpath) / name, False
    while errors:
        error = errors.pop()
        yield InputError(str(error.filename or root), f"cannot read directory: {error.strerror}")


def iter_files(
    paths: list[str],
    *,
    read_feed: Reader | None = None,
    read_warc: Reader | None = None,
) -> Iterator[Item]:
    """RawDocuments (and InputErrors) for every file under ``paths``; see :func:`iter_file`."""
    for entry in walk(paths):
        if isinstance(entry, InputError):
            yield entry
        else:
            yield from guarded(str(entry[0]), iter_file(entry[0], read_feed=read_feed, read_warc=read_warc))


def guarded(source: str, items: Iterator[Item]) -> Iterator[Item]:
    """``items``, with an unexpected exception (a library's bug on a strange input, JSON nested too deep
    for the parser) turned into one InputError naming the source, so it cannot end the whole batch."""
    try:
        yield from items
    except InputError as error:
        yield error
    except Exception as error:
        reason = f"unexpected error reading it ({type(error).__name__}: {_first_line(error)})"
        yield InputError(source, reason)


def iter_file(
    path: Path,
    *,
    read_feed: Reader | None = None,
    read_warc: Reader | None = None,
) -> Iterator[Item]:
    """The documents in one file: one for .txt/.md/.html, one per record for .json/.jsonl, one per entry
    for a feed, one per HTML response for a WARC. ``source`` is the path, or ``path#N`` for the N-th
    line of a JSONL file / N-th record of a JSON array."""
    source = str(path)
    try:
        stat = path.stat()
    except OSError as error:
        yield InputError(source, f"cannot read: {error.strerror or error}")
        return
    mtime = datetime.fromtimestamp(stat.st_mtime, tz=UTC).isoformat(timespec="seconds")
    kind = kind_of(path)
    try:
        if kind == "jsonl":
            yield from _iter_jsonl(path, mtime)
        elif kind == "json":
            yield from _iter_json(path, stat.st_size, mtime)
        elif kind == "feed":
            if read_feed is None:
                yield InputError(source, "feeds are not supported here")
            else:
                yield from read_feed(path, mtime)
        elif kind == "warc":
            if read_warc is None:
                yield InputError(source, "WARC archives are not supported here")
            else:
                yield from read_warc(path, mtime)
        elif kind in ("text", "html"):
            yield from _iter_single(path, kind, stat.st_size, mtime)
        else:
            yield InputError(source, f"unsupported file type {path.suffix or '(no extension)'!r}")
    except OSError as error:
        yield InputError(source, f"cannot read: {error.strerror or error}")


def _iter_single(path: Path, kind: Kind, size: int, mtime: str) -> Iterator[Item]:
    source = str(path)
    if size > settings.MAX_DOCUMENT_BYTES:
        limit = _megabytes(settings.MAX_DOCUMENT_BYTES)
        yield InputError(source, f"larger than {limit} ({_megabytes(size)})")
        return
    data = path.read_bytes()
    try:
        text = decode_bytes(data, markup=kind == "html")
    except BinaryContent as error:
        yield InputError(source, str(error))
        return
    if not text.strip():
        yield InputError(source, "empty file")
        return
    if kind == "html":
        yield RawDocument(source=source, html=text, file_mtime=mtime)
    else:
        yield RawDocument(source=source, text=text, file_mtime=mtime)


def _iter_json(path: Path, size: int, mtime: str) -> Iterator[Item]:
    source = str(path)
    if size > settings.MAX_JSON_FILE_BYTES:
        limit = _megabytes(settings.MAX_JSON_FILE_BYTES)
        yield InputError(source, f"larger than {limit} ({_megabytes(size)})")
        return
    try:
        text = decode_bytes(path.read_bytes())
    except BinaryContent as error:
        yield InputError(source, str(error))
        return
    if not text.strip():
        yield InputError(source, "empty file")
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        yield InputError(source, f"invalid JSON ({error.msg} at line {error.lineno} column {error.colno})")
        return
    except RecursionError:
        yield InputError(source, "invalid JSON (nested too deeply)")
        return
    records = records_in_json(value)
    if records is None:
        yield InputError(source, "expected a JSON object or an array of records")
        return
    if not records:
        yield InputError(source, "no records")
        return
    single = len(records) == 1 and records[0] is value
    for index, record in enumerate(records, 1):
        yield from _record(record, source if single else f"{source}#{index}", mtime)


def _iter_jsonl(path: Path, mtime: str) -> Iterator[Item]:
    source = str(path)
    found = False
    with path.open("rb") as handle:
        head = handle.read(settings.SNIFF_BYTES)
        if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
            yield InputError(source, "binary content (NUL bytes)")
            return
        handle.seek(0)
        for lineno, line in _lines(handle):
            line_source = f"{source}#{lineno}"
            if line is None:
                found = True
                yield InputError(line_source, f"line longer than {_megabytes(settings.MAX_DOCUMENT_BYTES)}")
                continue
            if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            if not line.strip():
                continue
            found = True
            try:
                text = decode_bytes(line.rstrip(b"\r\n"))
            except BinaryContent as error:
                yield InputError(line_source, str(error))
                continue
            try:
                record = json.loads(text)
            except json.JSONDecodeError as error:
                reason = f"invalid JSON on line {lineno} ({error.msg} at column {error.colno})"
                yield InputError(line_source, reason)
                continue
            except RecursionError:
                yield InputError(line_source, f"invalid JSON on line {lineno} (nested too deeply)")
                continue
            yield from _record(record, line_source, mtime)
    if not found:
        yield InputError(source, "empty file")


def _lines(handle: BinaryIO) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines, each capped: an over-long line is skipped (yielded as None) without reading it
    into memory whole, so one giant line cannot exhaust memory."""
    limit = settings.MAX_DOCUMENT_BYTES
    lineno = 0
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        lineno += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = handle.readline(1024 * 1024)
            yield lineno, None
            continue
        yield lineno, line


def _record(record: Any, source: str, mtime: str) -> Iterator[Item]:
    try:
        yield record_to_document(record, source, file_mtime=mtime)
    except InputError as error:
        yield error


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0][:160] if lines else type(error).__name__


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size} bytes"
