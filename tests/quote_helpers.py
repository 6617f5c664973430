"""Helpers shared by the quote-stage tests."""

from __future__ import annotations

import pytest

from storyline.model import Article, Quote
from storyline.nlp.quotes import extract_quotes
from storyline.settings import quotes as cfg


def quotes_by_text(text: str) -> dict[str, Quote]:
    """The quotes extracted from one article made of ``text``, keyed by their quoted words."""
    return {q.text: q for q in extract_quotes([Article(id="a", source="t", text=text)])["a"]}


def quote_with_and_without(monkeypatch: pytest.MonkeyPatch, text: str, quote: str, switch: str) -> tuple[Quote, Quote]:
    """The quote ``quote`` of ``text`` extracted with the rule ``switch`` on, then with it off."""
    on = quotes_by_text(text)[quote]
    monkeypatch.setattr(cfg, switch, False)
    return on, quotes_by_text(text)[quote]
