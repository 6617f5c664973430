"""Ingest: turn what users have (paths, files, feeds, WARC archives, URLs) into RawDocuments.

The one entry point is :func:`iter_sources`. It yields a :class:`RawDocument` per article and an
:class:`InputError` per bad input, in input order, and never raises for a bad input: the caller shows
``str(error)`` (one line naming the source) and goes on with the batch.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from storyline.errors import InputError
from storyline.ingest.files import iter_files, kind_of, walk
from storyline.model import RawDocument

if TYPE_CHECKING:
    from storyline.ingest.fetch import Fetcher, FetchState

__all__ = ["is_url", "iter_sources", "kind_of", "read_url_list", "walk"]


def is_url(value: str) -> bool:
    """True for an http(s) URL given where a path could be."""
    return value.lower().startswith(("http://", "https://"))


def read_url_list(path: str) -> Iterator[str | InputError]:
    """URLs from a ``--urls`` file: one per line; blank lines and ``#`` comments skipped."""
    try:
        lines = Path(path).read_text(encoding="utf-8-sig", errors="replace").splitlines()
    except OSError as error:
        yield InputError(path, f"cannot read: {error.strerror or error}")
        return
    for lineno, line in enumerate(lines, 1):
        value = line.strip()
        if not value or value.startswith("#"):
            continue
        if is_url(value):
            yield value
        else:
            yield InputError(f"{path}#{lineno}", f"not an http(s) URL: {value[:80]!r}")


def iter_sources(
    paths: list[str],
    *,
    urls_file: str | None = None,
    allow_private: bool = False,
    fetch_state: FetchState | None = None,
    fetcher: Fetcher | None = None,
    fetch_linked: bool = True,
) -> Iterator[RawDocument | InputError]:
    """Every document in ``paths`` (files, directories, http(s) URLs) and in the ``urls_file`` list.

    A URL is fetched and read as a page or a feed by what the server sends. ``allow_private`` lets the
    fetcher reach loopback/private addresses (off by default: a URL list must not probe the local
    network). ``fetch_state`` remembers ETag/Last-Modified and seen feed entries, so re-polling yields
    nothing new; a buffering state (SqliteFetchState) must be ``flush()``-ed by the caller after each
    batch of the yielded documents is stored (inside that batch's transaction or after it), never
    before. ``fetch_linked`` lets feed entries that carry only a summary fetch their page. A fetcher
    (``fetcher``, or one made from storyline.settings.ingest) is created only when something needs
    the network.
    """
    from storyline.ingest.sources import Sources

    sources = Sources(allow_private=allow_private, fetch_state=fetch_state, fetcher=fetcher,
                      fetch_linked=fetch_linked)
    try:
        for raw in paths:
            if is_url(raw):
                yield from sources.url(raw)
            else:
                yield from iter_files([raw], read_feed=sources.feed_file, read_warc=sources.warc_file)
        if urls_file is not None:
            for entry in read_url_list(urls_file):
                if isinstance(entry, InputError):
                    yield entry
                else:
                    yield from sources.url(entry)
    finally:
        sources.close()
