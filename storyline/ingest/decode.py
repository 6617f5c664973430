"""Bytes to text, robustly: a wrong or missing charset must never crash a batch or mangle a page.

Order of trust: a byte-order mark, then a charset the document or the server declares (HTML ``<meta
charset>``, XML declaration, HTTP ``Content-Type``), then strict UTF-8 (most of the web), then
charset-normalizer's guess, then cp1252 with replacement (what browsers do for unlabelled Western pages).
Binary content (NUL bytes, control characters) is refused instead of being decoded into garbage.
"""

from __future__ import annotations

import codecs
import re

from storyline.settings import ingest as settings

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class BinaryContent(ValueError):
    """The bytes are not text in any encoding we can honestly claim."""


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML ``<meta>`` or an XML declaration names in the first bytes, if valid."""
    head = data[:4096]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if not match:
        return None
    return _valid_codec(match.group(1).decode("ascii", "ignore"))


def charset_from_content_type(content_type: str | None) -> str | None:
    """The ``charset=`` parameter of an HTTP Content-Type header, if it names a known codec."""
    if not content_type:
        return None
    match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", content_type, re.IGNORECASE)
    return _valid_codec(match.group(1)) if match else None


def _valid_codec(name: str) -> str | None:
    try:
        codec = codecs.lookup(name.strip().lower())
    except LookupError:
        return None
    # Pages that say latin-1/ascii almost always mean windows-1252 (the WHATWG encoding standard maps them
    # so); decoding as cp1252 keeps curly quotes and dashes that latin-1 would turn into C1 controls.
    if codec.name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    return codec.name


def decode_bytes(data: bytes, *, declared: str | None = None, markup: bool = False) -> str:
    """Decode ``data`` to str; raise :class:`BinaryContent` when it is not text.

    ``declared`` is a charset from outside the bytes (HTTP header). ``markup`` says the bytes are HTML or
    XML, so an in-document declaration is looked for. A declared charset that fails to decode the bytes
    is ignored (pages often lie) rather than trusted into mojibake.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(encoding, errors="replace")
            _check_text(text)
            return text
    if b"\x00" in data[: settings.SNIFF_BYTES]:
        raise BinaryContent("binary content (NUL bytes)")
    candidates: list[str] = []
    if declared:
        candidates.append(declared)
    if markup:
        inner = declared_charset(data)
        if inner:
            candidates.append(inner)
    candidates.append("utf-8")
    for encoding in dict.fromkeys(candidates):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        _check_text(text)
        return text
    text = _guess(data)
    _check_text(text)
    return text


def _guess(data: bytes) -> str:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - charset-normalizer comes with httpx/requests/trafilatura
        return data.decode("cp1252", errors="replace")
    best = from_bytes(data[: 256 * 1024]).best()
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding, errors="replace")
        except LookupError:
            pass
    return data.decode("cp1252", errors="replace")


def _check_text(text: str) -> None:
    sample = text[: settings.SNIFF_BYTES]
    if not sample:
        return
    if "\x00" in sample:
        raise BinaryContent("binary content (NUL bytes)")
    controls = len(_CONTROL.findall(sample))
    if controls / len(sample) > settings.MAX_CONTROL_SHARE:
        raise BinaryContent("binary content (not text in any known encoding)")
