"""The text stage over the bundled demo corpus, checked against its labels (storyline/demo/labels.json).

The demo's plain-text files imitate real input (mastheads with taglines, all-caps mastheads,
"Published <date>, <time>" lines, a byline printed as a footer), so the titles, outlets and dates read
from them are a regression test for the header rules. Titles compare with punctuation folded: the
HTML pages print curly apostrophes where the labels have straight ones.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.errors import InputError
from storyline.ingest import iter_sources
from storyline.model import Article
from storyline.text.clean import canonical_url, clean_document
from storyline.text.normalize import fold_punctuation

DEMO = Path(__file__).resolve().parents[1] / "storyline" / "demo"


def _cleaned() -> list[tuple[Article, dict]]:
    labels = json.loads((DEMO / "labels.json").read_text(encoding="utf-8"))
    by_url = {canonical_url(url): label for url, label in labels.items()}
    by_file = {
        (DEMO / label["file"]).resolve(): label for label in labels.values() if label.get("format") != "jsonl"
    }
    pairs = []
    for raw in iter_sources([str(DEMO / "corpus")]):
        assert not isinstance(raw, InputError), raw
        article = clean_document(raw)
        label = by_url.get(canonical_url(article.url)) if article.url else None
        if label is None:
            label = by_file.get(Path(raw.source.split("#")[0]).resolve())
        assert label is not None, f"no label for {raw.source}"
        pairs.append((article, label))
    return pairs


@pytest.fixture(scope="module")
def cleaned() -> list[tuple[Article, dict]]:
    return _cleaned()


def test_every_labelled_document_is_read(cleaned: list[tuple[Article, dict]]) -> None:
    labels = json.loads((DEMO / "labels.json").read_text(encoding="utf-8"))
    assert len(cleaned) == len(labels)


def test_titles_outlets_and_days_match_the_labels(cleaned: list[tuple[Article, dict]]) -> None:
    wrong = []
    for article, label in cleaned:
        title = fold_punctuation(article.title) if article.title else None
        expected = fold_punctuation(label["headline"]) if label["headline"] else None
        if title != expected:
            wrong.append(f"{article.source}: title {article.title!r} != {label['headline']!r}")
        if article.outlet != label["outlet"]:
            wrong.append(f"{article.source}: outlet {article.outlet!r} != {label['outlet']!r}")
        if (article.published or "")[:10] != label["published"][:10]:
            wrong.append(f"{article.source}: published {article.published!r} != {label['published']!r}")
    assert not wrong, "\n".join(wrong)


def test_no_demo_date_comes_from_the_file(cleaned: list[tuple[Article, dict]]) -> None:
    assert all(article.date_source in ("metadata", "text") for article, _ in cleaned)


def _by_file(cleaned: list[tuple[Article, dict]], name: str) -> Article:
    return next(a for a, label in cleaned if label.get("file", "").endswith(name))


def test_masthead_tagline_and_timed_date_line(cleaned: list[tuple[Article, dict]]) -> None:
    a = _by_file(cleaned, "port-ledger-wirecopy.txt")
    assert a.title == "Dock strike enters second day as ships pile up off Porthaven"
    assert a.outlet == "The Harbor Ledger"
    assert a.published == "2026-03-03T09:02" and a.date_source == "text"
    assert a.authors == ["Tomas Reyes", "Ana Lund"] and a.wire == "Meridian Wire"
    assert "The Harbor Ledger" in a.removed and "Porthaven's newspaper since 1872" in a.removed
    assert a.paragraphs[0].startswith("PORTHAVEN, March 3 (Meridian Wire)")


def test_all_caps_masthead_and_headline_with_full_stop(cleaned: list[tuple[Article, dict]]) -> None:
    a = _by_file(cleaned, "accord-bramwell-opinion.txt")
    assert a.title == "A decade of promises is not a guarantee. Valen flinched."
    assert a.outlet == "Bramwell Review"
    assert a.authors == ["Philippa Ward-Nash"]
    assert a.published == "2026-04-17" and a.date_source == "text"
    for line in ("BRAMWELL REVIEW", "Argument, ideas, dissent", "Opinion"):
        assert line in a.removed
    assert a.paragraphs[0].startswith("I have sat through")


def test_footer_byline_gives_outlet_author_and_date(cleaned: list[tuple[Article, dict]]) -> None:
    a = _by_file(cleaned, "water-courier-headless.txt")
    assert a.title is None
    assert a.outlet == "Northgate Courier" and a.authors == ["Hannah Vo"]
    assert a.published == "2026-03-18" and a.date_source == "text"
