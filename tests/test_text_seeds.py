"""The real plain-text seeds in ../shared/seeds (read at run time, never copied): structure only."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.model import Article, RawDocument
from storyline.text.clean import clean_document

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = sorted((SHARED / "seeds").glob("*.txt")) if (SHARED / "seeds").exists() else []

pytestmark = pytest.mark.skipif(len(SEEDS) < 5, reason="needs ../shared/seeds")


def _clean(index: int) -> Article:
    path = SEEDS[index]
    return clean_document(RawDocument(source=str(path), text=path.read_text(encoding="utf-8")))


def test_every_seed_cleans_into_an_english_article_without_losing_paragraphs() -> None:
    for i, path in enumerate(SEEDS):
        a = _clean(i)
        source_lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        kept = len(a.paragraphs) + len(a.removed) + (1 if a.title else 0)
        assert kept == len(source_lines), path.name  # every line is text, title or removed
        assert a.language == "en" and a.confidence > 0.8
        assert "\n\n\n" not in a.text


def test_headline_less_seed_with_embedded_post() -> None:
    a = _clean(1)
    assert a.title is None
    assert len(a.removed) == 3
    assert a.removed[0].startswith("https://t.co/")
    assert "(@" in a.removed[1]


def test_masthead_seed() -> None:
    a = _clean(2)
    assert a.title is not None and a.outlet is not None
    assert len(a.authors) == 2 and a.wire is not None
    assert len(a.removed) == 5  # icon text, two masthead lines, caption, byline


def test_read_also_seed_keeps_its_subhead() -> None:
    a = _clean(3)
    assert len(a.removed) == 2
    assert a.removed[0].startswith("Photo:") and a.removed[1].startswith("Read also:")
    assert sum(1 for p in a.paragraphs if len(p.split()) <= 8) >= 1  # the subhead is still there
