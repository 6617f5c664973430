"""Fetched URLs to RawDocuments: a page is one document, a feed one per new entry.

Whether a URL is a page or a feed is decided by what the server sends (content type, then a sniff of the
first bytes, since many servers label feeds text/html or application/xml), never by the URL's look.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from storyline.errors import InputError
from storyline.ingest.decode import BinaryContent, charset_from_content_type, decode_bytes
from storyline.ingest.fetch import Fetcher, FetchState, Response, UrlState, now_iso
from storyline.model import RawDocument
from storyline.settings import ingest as settings

Item = RawDocument | InputError

_ANY_TYPE = settings.HTML_CONTENT_TYPES + settings.FEED_CONTENT_TYPES + settings.PLAIN_CONTENT_TYPES
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)
_HTML_ROOT = re.compile(rb"<(!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)


def looks_like_feed(response: Response) -> bool:
    """A feed by content type (XML types included), or a body whose root is <rss>, <feed> or <rdf:RDF>
    whatever the label says (many servers send feeds as text/html)."""
    if response.media_type in settings.FEED_CONTENT_TYPES:
        return True  # XML that is not a feed then gets "not an RSS/Atom feed", not a garbled page
    head = response.body[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    feed = _FEED_ROOT.search(head)
    if not feed:
        return False
    html = _HTML_ROOT.search(head)
    return html is None or html.start() > feed.start()


def iter_url(
    url: str,
    fetcher: Fetcher,
    *,
    state: FetchState | None = None,
    fetch_linked: bool = True,
) -> Iterator[Item]:
    """The documents at ``url``; nothing when it did not change since the last fetch (304 or same body)."""
    try:
        response = fetcher.get(url, accept=_ANY_TYPE)
    except InputError as error:
        yield error
        return
    if response.not_modified or response.unchanged:
        return
    if looks_like_feed(response):
        from storyline.ingest.feeds import iter_feed_bytes

        fetch_page = (lambda link: fetch_page_document(link, fetcher)) if fetch_linked else None
        failed = False
        for item in iter_feed_bytes(
            response.body, url, fetch_page=fetch_page, state=state, content_type=response.content_type
        ):
            failed = failed or isinstance(item, InputError)
            yield item
        if failed and state is not None:
            # Something in the feed is to be retried: forget the validators, or the next poll's 304
            # (or same-body shortcut) would hide the entries that still need reading.
            state.put_url(url, UrlState(last_status=response.status, last_fetched=now_iso()))
        return
    yield response_document(response)


def response_document(response: Response) -> Item:
    """A 200 page response as a RawDocument (html, or text for text/plain); InputError when not text."""
    declared = charset_from_content_type(response.content_type)
    plain = response.media_type in settings.PLAIN_CONTENT_TYPES
    try:
        body = decode_bytes(response.body, declared=declared, markup=not plain)
    except BinaryContent as error:
        return InputError(response.url, str(error))
    if not body.strip():
        return InputError(response.url, "empty response")
    if plain:
        return RawDocument(source=response.url, text=body, url=response.final_url)
    return RawDocument(source=response.url, html=body, url=response.final_url)


def fetch_page_document(url: str, fetcher: Fetcher) -> Item | None:
    """The HTML page a feed entry links to; None when it did not change since the last fetch."""
    try:
        response = fetcher.get(url, accept=settings.HTML_CONTENT_TYPES)
    except InputError as error:
        return error
    if response.not_modified or response.unchanged:
        return None
    return response_document(response)
