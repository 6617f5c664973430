"""Helpers shared by the quote-stage tests."""

from __future__ import annotations

from storyline.model import Article, Quote
from storyline.nlp.quotes import extract_quotes


def quotes_by_text(text: str) -> dict[str, Quote]:
    """The quotes extracted from one article made of ``text``, keyed by their quoted words."""
    return {q.text: q for q in extract_quotes([Article(id="a", source="t", text=text)])["a"]}
