"""Watch mode: poll feeds on an interval and hand what is new to the pipeline.

State (seen entries, ETags) lives in the FetchState, i.e. in the store, so a restarted watch neither
re-ingests old entries nor re-downloads unchanged feeds. A poll that fails (network down, feed broken)
is reported in one line through ``on_error`` and the watch goes on; only an exception from the caller's
``handle_documents`` (the store failing) stops it, since going on would drop articles.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field

from storyline.errors import InputError
from storyline.ingest import iter_sources
from storyline.ingest.fetch import Fetcher, FetchState
from storyline.model import RawDocument

log = logging.getLogger("storyline.watch")

_UNITS = {"s": 1.0, "sec": 1.0, "m": 60.0, "min": 60.0, "h": 3600.0, "d": 86400.0}
_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(s|sec|min|m|h|d)", re.IGNORECASE)


def parse_interval(text: str) -> float:
    """Seconds in an interval like ``10m``, ``90s``, ``1h30m``, ``1.5h``, ``2d`` or a bare ``600``.

    Raises ValueError (with a message fit for the CLI) for anything else or for a zero interval.
    """
    value = text.strip().lower().replace(" ", "")
    if not value:
        raise ValueError("empty interval")
    if re.fullmatch(r"\d+(\.\d+)?", value):
        seconds = float(value)
    else:
        parts = _PART.findall(value)
        if not parts or "".join(a + b for a, b in parts) != value:
            raise ValueError(f"invalid interval {text!r}: use e.g. 30s, 10m, 1h30m, 1d")
        seconds = sum(float(amount) * _UNITS[unit] for amount, unit in parts)
    if seconds <= 0:
        raise ValueError(f"invalid interval {text!r}: must be more than zero")
    return seconds


@dataclass
class PollResult:
    """What one poll of one feed gave, for the caller's progress display."""

    iteration: int
    feed: str
    documents: int = 0  # new or changed entries handed on
    handled: int = 0  # what handle_documents returned (e.g. articles stored)
    errors: list[InputError] = field(default_factory=list)


def _log_error(message: str) -> None:
    log.warning("%s", message)


def watch_feeds(
    feeds: list[str],
    every_seconds: float,
    handle_documents: Callable[[list[RawDocument]], int],
    state: FetchState,
    *,
    iterations: int | None = None,
    on_error: Callable[[str], None] = _log_error,
    on_poll: Callable[[PollResult], None] | None = None,
    transaction: Callable[[], AbstractContextManager[object]] | None = None,
    allow_private: bool = False,
    fetcher: Fetcher | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> int:
    """Poll ``feeds`` every ``every_seconds`` (``iterations`` times, or forever); return the total handled.

    Each feed's new documents go to ``handle_documents`` in one call (the caller stores them and returns
    how many it took); only then is ``state.flush()`` called, so entries are marked seen after they are
    stored, never before. With ``transaction`` (e.g. ``store.transaction``), both run inside one
    transaction. State of polls that gave nothing new (poll times, 304s) is flushed too. ``on_error``
    gets each bad input as its one-line message. An exception from ``handle_documents`` propagates with
    the state unflushed (the entries will be read again); so does Ctrl-C (KeyboardInterrupt).
    """
    own_fetcher = fetcher is None
    if fetcher is None:
        fetcher = Fetcher(allow_private=allow_private, state=state)
    total = 0
    iteration = 0
    try:
        while iterations is None or iteration < iterations:
            iteration += 1
            started = clock()
            for feed in feeds:
                result = PollResult(iteration=iteration, feed=feed)
                documents: list[RawDocument] = []
                try:
                    for item in iter_sources([feed], fetch_state=state, fetcher=fetcher,
                                             allow_private=allow_private):
                        if isinstance(item, InputError):
                            result.errors.append(item)
                        else:
                            documents.append(item)
                except Exception as error:  # a bug or an unexpected library error: report, keep watching
                    result.errors.append(InputError(feed, f"poll failed ({type(error).__name__}: {error})"))
                for error in result.errors:
                    on_error(str(error))
                result.documents = len(documents)
                try:
                    with transaction() if transaction is not None else nullcontext():
                        if documents:
                            result.handled = handle_documents(documents)
                            total += result.handled
                        state.flush()
                except BaseException:
                    discard = getattr(state, "discard", None)
                    if discard is not None:  # the documents were not stored: forget we read them
                        discard()
                    raise
                if on_poll is not None:
                    on_poll(result)
            if iterations is not None and iteration >= iterations:
                break
            wait = every_seconds - (clock() - started)
            if wait > 0:
                sleep(wait)
    finally:
        if own_fetcher:
            fetcher.close()
    return total
