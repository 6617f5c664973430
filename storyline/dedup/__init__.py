"""Copies and reused passages.

- ``minhash``: MinHash signatures over word shingles, LSH bands, ``find_copies`` (who is a copy of
  whom), behind the ``CopyIndex`` interface (``MemoryCopyIndex`` here, ``SqliteCopyIndex`` in
  ``storyline.store.dedup``).
- ``passages``: paragraph and sentence reuse with its origin, ``find_reused_passages``, behind
  ``PassageIndex``.
- ``copies``: ``CopyFinder``, the one-article-at-a-time face of both for the pipeline.
- ``copygen``: fictional syndication with realistic edits, for measurement.
"""

from __future__ import annotations

from storyline.dedup.copies import CopyFinder, passages_json
from storyline.dedup.minhash import CopyIndex, IndexEntry, LshParams, MemoryCopyIndex, find_copies, lsh_params
from storyline.dedup.passages import (
    MemoryPassageIndex,
    Passage,
    PassageIndex,
    PassageOrigin,
    find_reused_passages,
    reused_share,
)

__all__ = [
    "CopyFinder",
    "CopyIndex",
    "IndexEntry",
    "LshParams",
    "MemoryCopyIndex",
    "MemoryPassageIndex",
    "Passage",
    "PassageIndex",
    "PassageOrigin",
    "find_copies",
    "find_reused_passages",
    "lsh_params",
    "passages_json",
    "reused_share",
]
