"""Dispatch of one ingest run: which reader handles a URL, a feed file or a WARC file, sharing one
fetcher (so rate limits and robots.txt caches span the whole run) created only when needed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from storyline.errors import InputError
from storyline.ingest.files import guarded
from storyline.model import RawDocument

if TYPE_CHECKING:
    from storyline.ingest.fetch import Fetcher, FetchState

Item = RawDocument | InputError


class Sources:
    """Readers for the non-file sources of one run; :meth:`close` releases the network client."""

    def __init__(
        self,
        *,
        allow_private: bool = False,
        fetch_state: FetchState | None = None,
        fetcher: Fetcher | None = None,
        fetch_linked: bool = True,
    ) -> None:
        self.allow_private = allow_private
        self.fetch_state = fetch_state
        self.fetch_linked = fetch_linked
        self._fetcher = fetcher
        self._owns_fetcher = fetcher is None

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            from storyline.ingest.fetch import Fetcher

            self._fetcher = Fetcher(allow_private=self.allow_private, state=self.fetch_state)
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None and self._owns_fetcher:
            self._fetcher.close()
            self._fetcher = None

    def _page_fetcher(self) -> Callable[[str], Item | None] | None:
        """Fetches a feed entry's page, creating the network client only when first needed."""
        if not self.fetch_linked:
            return None
        from storyline.ingest.pages import fetch_page_document

        return lambda link: fetch_page_document(link, self.fetcher)

    def url(self, url: str) -> Iterator[Item]:
        """A fetched URL: a page becomes one document, a feed one per new entry."""
        from storyline.ingest.pages import iter_url

        items = iter_url(url, self.fetcher, state=self.fetch_state, fetch_linked=self.fetch_linked)
        yield from guarded(url, items)

    def feed_file(self, path: Path, mtime: str | None) -> Iterator[Item]:
        from storyline.ingest.feeds import iter_feed_bytes

        source = str(path)
        try:
            data = path.read_bytes()
        except OSError as error:
            yield InputError(source, f"cannot read: {error.strerror or error}")
            return
        yield from guarded(source, iter_feed_bytes(data, source, fetch_page=self._page_fetcher(),
                                                   state=self.fetch_state))

    def warc_file(self, path: Path, mtime: str | None) -> Iterator[Item]:
        from storyline.ingest.warc import iter_warc

        yield from guarded(str(path), iter_warc(path))

