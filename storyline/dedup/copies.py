"""One article at a time: the copy verdict and the passage index, as the pipeline adds articles.

``CopyFinder`` wraps the two indexes behind the functions of ``minhash`` and ``passages`` for a
caller that processes articles one by one inside its own transaction::

    finder = CopyFinder(SqliteCopyIndex(conn))          # passages go to the same connection
    article.copy_of = finder.add(article)
    finder.save_passages(article)
    ...
    for other_id, copy_of in finder.take_changes().items():   # earlier originals that came late
        write copy_of back to the other article

The passage index is taken from the copy index's ``passage_index()`` when not given, so the dedup
stage never imports the store.
"""

from __future__ import annotations

from storyline.dedup.minhash import CopyIndex, find_copies
from storyline.dedup.passages import (
    MemoryPassageIndex,
    Passage,
    PassageIndex,
    PassageOrigin,
    find_reused_passages,
    passages_of,
    units,
)
from storyline.model import Article
from storyline.settings import dedup as settings


class CopyFinder:
    def __init__(
        self,
        index: CopyIndex,
        passages: PassageIndex | None = None,
        threshold: float = settings.COPY_CONTAINMENT,
    ) -> None:
        self.index = index
        make = getattr(index, "passage_index", None)
        self.passage_index: PassageIndex = passages or (make() if make else MemoryPassageIndex())
        self.threshold = threshold
        self._changes: dict[str, str | None] = {}

    def add(self, article: Article) -> str | None:
        """Index ``article`` and return its ``copy_of`` (None when it is an original).

        When it turns out to be the earlier original of articles already indexed, their new
        ``copy_of`` is kept for ``take_changes``.
        """
        result = find_copies([article], self.index, self.threshold)
        copy_of = result.pop(article.id)
        self._changes.update(result)
        return copy_of

    def take_changes(self) -> dict[str, str | None]:
        """``copy_of`` of other, already-stored articles that changed since the last call."""
        changes, self._changes = self._changes, {}
        return changes

    def save_passages(self, article: Article) -> list[Passage]:
        """Record ``article``'s paragraphs and sentences (replacing an earlier revision's) and return
        its passages as they read now."""
        self.passage_index.remove_article(article.id)
        return find_reused_passages([article], self.passage_index, insert=True)[article.id]

    def passages(self, article: Article) -> list[Passage]:
        """``article``'s passages against the index as it is now, without writing (for display)."""
        return find_reused_passages([article], self.passage_index, insert=False)[article.id]


def passages_json(article: Article, index: PassageIndex) -> list[dict[str, object]]:
    """The export field ``passages``: ``[{"start", "end", "origin", "origin_start"?}]``."""
    article_units = units(article.text)
    found: dict[int, PassageOrigin] = index.lookup({u.hash for u in article_units if u.hash})
    return [p.to_json() for p in passages_of(article.id, article_units, found)]
