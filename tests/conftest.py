"""Shared fixtures: a database built from the bundled demo corpus, and a generator of small corpora."""

from __future__ import annotations

import random
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from corpus_gen import make_article_text

from storyline.store.sqlite import Store

SHARED = Path(__file__).resolve().parents[2] / "shared"
needs_shared = pytest.mark.skipif(
    not SHARED.exists(), reason="../shared (labelled data) is not beside the checkout"
)


@pytest.fixture(scope="session")
def demo_corpus() -> Iterator[Path]:
    with resources.as_file(resources.files("storyline.demo") / "corpus") as path:
        yield Path(path)


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory, demo_corpus: Path) -> Path:
    """The demo corpus ingested once for the whole session; tests must only read it."""
    from storyline.pipeline import ingest_sources

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with Store(path) as store:
        report = ingest_sources(store, [str(demo_corpus)])
    assert not report.errors, report.errors
    return path


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    """Twelve distinct plain-text articles in a folder."""
    rng = random.Random(11)
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(12):
        (folder / f"article_{i:03d}.txt").write_text(make_article_text(rng, i), encoding="utf-8")
    return folder
