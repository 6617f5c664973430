"""The bundled demo corpus: 52 fictional articles, their gold labels and corpus-level facts.

Everything here is invented (outlets, people, places, events); see README.md in this folder. The
helpers only locate and read the files, so the CLI, web demo and evaluation code need not know the
layout. Ingesting the corpus is the ingest stage's job: point it at :func:`corpus_dir`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DEMO_DIR = Path(__file__).resolve().parent


def corpus_dir() -> Path:
    """Folder holding ``articles.jsonl``, ``txt/`` and ``html/``."""
    return DEMO_DIR / "corpus"


def corpus_files() -> list[Path]:
    """Every input file of the corpus, JSONL first, then text files, then pages, each sorted."""
    root = corpus_dir()
    return [root / "articles.jsonl", *sorted((root / "txt").glob("*.txt")),
            *sorted((root / "html").glob("*.html"))]


def labels() -> dict[str, dict[str, Any]]:
    """Gold annotations keyed by article URL (storyline, event, copy_of, opinion, quotes, ...)."""
    return json.loads((DEMO_DIR / "labels.json").read_text(encoding="utf-8"))


def facts() -> dict[str, Any]:
    """Corpus-level facts: storyline and event titles, the wire story and its copies, quote variants,
    role changes, shared surnames, headline-less articles."""
    return json.loads((DEMO_DIR / "facts.json").read_text(encoding="utf-8"))
