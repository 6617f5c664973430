"""RSS/Atom feeds to RawDocuments (feedparser), one per new or changed entry.

Safety: the bytes are first parsed by defusedxml with entity declarations forbidden, so a billion-laughs
or external-entity feed is refused before feedparser sees it; feedparser always gets a byte stream
(handed a str or bytes it would open it as a file name or URL).

An entry carrying the article becomes a document by itself. An entry carrying only a summary (no
``content`` and a short description) gets its linked page fetched, since the summary is not the
article; if that fetch fails the summary is kept, with the error reported, so nothing is lost.
"""

from __future__ import annotations

import hashlib
import html as html_lib
import io
import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin
from xml.etree.ElementTree import ParseError

import feedparser
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as safe_fromstring

from storyline.errors import InputError
from storyline.ingest.fetch import FetchState, now_iso
from storyline.model import RawDocument
from storyline.settings import ingest as settings

Item = RawDocument | InputError
PageFetcher = Callable[[str], "RawDocument | InputError | None"]

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_EMAIL_THEN_NAME = re.compile(r"^\S+@\S+\s*\((.+)\)$")
_NAME_THEN_EMAIL = re.compile(r"^(.+?)\s*[<(]\S+@\S+[>)]$")
_BARE_EMAIL = re.compile(r"^\S+@\S+$")


def check_safe_xml(data: bytes, source: str) -> None:
    """Raise InputError when the XML declares entities or external references (entity bombs, XXE).

    Malformed XML passes: feedparser's lenient parser reads many broken real feeds, and it never
    expands declared entities.
    """
    try:
        safe_fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        raise InputError(source, f"refused: the feed declares XML entities or external references "
                                 f"({type(error).__name__})") from None
    except (ParseError, ValueError, UnicodeError):
        pass


def parse_feed(data: bytes, source: str, *, content_type: str | None = None) -> Any:
    """The feedparser result for ``data``; raise InputError when it is unsafe or not a feed."""
    if not data.strip():
        raise InputError(source, "empty feed")
    check_safe_xml(data, source)
    headers = {"content-type": content_type} if content_type else {}
    result = feedparser.parse(io.BytesIO(data), response_headers=headers, resolve_relative_uris=True,
                              sanitize_html=True)
    if not result.get("version") and not result.entries:
        problem = result.get("bozo_exception")
        detail = f" ({_first_line(problem)})" if problem else ""
        raise InputError(source, f"not an RSS/Atom feed{detail}")
    return result


def iter_feed_bytes(
    data: bytes,
    source: str,
    *,
    fetch_page: PageFetcher | None = None,
    state: FetchState | None = None,
    content_type: str | None = None,
) -> Iterator[Item]:
    """Documents for the entries of the feed in ``data`` that ``state`` has not seen in this form.

    An entry is new when its id (or link) was never seen, and changed when its digest (title, link,
    dates, text) differs from the one remembered: a changed entry is read again, so a silently edited
    story reaches the store as a new revision. An entry whose page could not be fetched (its summary is
    kept meanwhile) is tried again at the next polls, at most FEED_ENTRY_RETRIES times. With
    ``fetch_page`` None, summary-only entries keep their summary (offline runs).
    """
    try:
        result = parse_feed(data, source, content_type=content_type)
    except InputError as error:
        if state is not None:
            state.feed_polled(source, now_iso(), f"error: {error.reason}")
        yield error
        return
    feed_title = _plain(result.feed.get("title")) or None
    for index, entry in enumerate(result.entries, 1):
        entry_id = _entry_id(entry)
        digest = _entry_digest(entry)
        remembered = state.entry_digest(source, entry_id) if state is not None else None
        failures = _failures(remembered, digest)
        if remembered == digest or failures >= settings.FEED_ENTRY_RETRIES:
            continue  # seen, or its page failed on every try and its summary was kept
        complete = True
        for item in entry_documents(entry, source, index, feed_title, fetch_page):
            if isinstance(item, InputError):
                complete = False  # retried at the next poll, up to FEED_ENTRY_RETRIES times
            yield item
        if state is not None:
            state.put_entry(source, entry_id, digest if complete else f"retry{failures + 1}:{digest}")
    if state is not None:
        state.feed_polled(source, now_iso(), "ok")


def entry_documents(
    entry: Any, feed_source: str, index: int, feed_title: str | None, fetch_page: PageFetcher | None
) -> Iterator[Item]:
    """The document for one entry (fetching its page for a summary-only entry) and any error."""
    link = entry.get("link") or None
    if link and feed_source.startswith(("http://", "https://")):
        link = urljoin(feed_source, link)  # relative links resolve against the feed's URL
    source = link or f"{feed_source}#entry{index}"
    title = _plain(entry.get("title")) or None
    # dict.get: feedparser's own get() maps a missing "updated" to "published" with a warning
    published = _iso(dict.get(entry, "published_parsed")) or _iso(dict.get(entry, "updated_parsed"))
    updated = _iso(dict.get(entry, "updated_parsed"))
    if updated == published:
        updated = None
    meta: dict[str, Any] = {
        "title": title,
        "published": published,
        "updated": updated,
        "date_source": "feed" if published else None,
        "authors": _authors(entry),
        "record_id": entry.get("id") or None,
    }
    body, is_html, full = _body(entry)
    if not full and link and fetch_page is not None:
        page = fetch_page(link)
        if isinstance(page, RawDocument):
            page.source = link
            page.url = page.url or link
            for key, value in meta.items():
                if value:
                    setattr(page, key, value)
            yield page
            return
        if page is None:  # the page did not change since we last read it
            return
        yield InputError(link, f"{page.reason}; kept the feed's summary instead")
    if not body:
        yield InputError(source, "feed entry has no text")
        return
    if is_html:
        wrapped = f"<html><head><title>{html_lib.escape(title or '')}</title></head>" \
                  f"<body><article>{body}</article></body></html>"
        yield RawDocument(source=source, html=wrapped, url=link, outlet=feed_title, **meta)
    else:
        yield RawDocument(source=source, text=body, url=link, outlet=feed_title, **meta)


def _body(entry: Any) -> tuple[str, bool, bool]:
    """(text, is_html, is the full article) from the entry's content, else its summary."""
    contents = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
    if contents:
        best = max(contents, key=lambda c: len(c.get("value", "")))
        return best["value"], _is_html(best.get("type")), True
    summary = entry.get("summary") or ""
    detail = entry.get("summary_detail") or {}
    full = len(_plain(summary)) >= settings.FEED_FULL_TEXT_MIN_CHARS
    return summary, _is_html(detail.get("type")), full


def _is_html(kind: str | None) -> bool:
    return kind is None or "html" in kind


def _entry_id(entry: Any) -> str:
    for key in ("id", "link"):
        value = entry.get(key)
        if value:
            return str(value)
    return "sha1:" + hashlib.sha1(f"{entry.get('title')}\x1f{entry.get('summary')}".encode()).hexdigest()


def _failures(remembered: str | None, digest: str) -> int:
    """How many polls failed to read this version of the entry (remembered as "retryN:<digest>")."""
    if remembered and remembered.startswith("retry") and remembered.endswith(":" + digest):
        count = remembered[5 : -len(digest) - 1]
        return int(count) if count.isdigit() else 0
    return 0


def _entry_digest(entry: Any) -> str:
    contents = "\x1e".join(c.get("value", "") for c in entry.get("content") or [])
    parts = (entry.get("title"), entry.get("link"), dict.get(entry, "published"), dict.get(entry, "updated"),
             entry.get("summary"), contents)
    return hashlib.sha1("\x1f".join(str(p or "") for p in parts).encode("utf-8")).hexdigest()


def _authors(entry: Any) -> list[str]:
    """Author names; RSS ``<author>`` strings are parsed here, since feedparser's e-mail splitting
    mangles addresses with long top-level domains ("x@news.example (Name)" -> name "ple (Name")."""
    details = [a for a in entry.get("authors") or [] if isinstance(a, dict)]
    if len(details) > 1:  # Atom with several <author><name>: the names are clean
        names = [_author_name(_plain(a.get("name"))) for a in details]
    else:
        names = [_author_name(_plain(entry.get("author")))]
    return [n for n in dict.fromkeys(names) if n]


def _author_name(raw: str) -> str | None:
    match = _EMAIL_THEN_NAME.match(raw) or _NAME_THEN_EMAIL.match(raw)
    if match:
        return match.group(1).strip() or None
    if _BARE_EMAIL.match(raw):
        return None
    return raw or None


def _iso(parsed: Any) -> str | None:
    if not parsed:
        return None
    try:
        return datetime(*parsed[:6], tzinfo=UTC).isoformat(timespec="seconds")
    except (TypeError, ValueError):
        return None


def _plain(value: Any) -> str:
    if not value:
        return ""
    return _SPACE.sub(" ", html_lib.unescape(_TAG.sub(" ", str(value)))).strip()


def _first_line(error: object) -> str:
    lines = str(error).strip().splitlines()
    return lines[0][:200] if lines else type(error).__name__
