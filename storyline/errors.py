"""Errors that name their input, so a batch can report one line per bad source and go on."""

from __future__ import annotations


class StorylineError(Exception):
    """Base class for storyline's own errors."""


class InputError(StorylineError):
    """One input (file, URL, feed entry, WARC record) could not be read or made into an article.

    ``str(error)`` is the one line shown to the user: the source, then what is wrong with it.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
