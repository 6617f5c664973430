"""Reused passages: paragraphs and sentences that appear in several articles, traced to their origin.

Each paragraph, each long-enough sentence and each long-enough quotation is reduced to its
normalised words (quotes, apostrophes, dashes, case, spacing and punctuation folded) and hashed. A
``PassageIndex`` keeps every appearance of each hash; the earliest (publication date, then ingest
order) is the origin. An article's passages are its paragraphs cut into runs that share an origin:
``origin`` None means the text first appeared here, otherwise the id of the article it first
appeared in. A dateline ("LOWICK (Meridian Press) —") is left out, since copies drop it.

Because the index keeps the earliest appearance rather than a per-article verdict, recomputing an
article's passages (``find_reused_passages(..., insert=False)``) always reflects late arrivals.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from storyline.dates import known_publication_date
from storyline.dedup.minhash import OrderKey, order_key
from storyline.model import Article
from storyline.settings import dedup as settings
from storyline.text.normalize import words

_PARAGRAPH = re.compile(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*$)", re.S)
# a sentence ends at . ! ? (and any closing quotes/brackets) before whitespace and a capital, digit
# or opening quote; abbreviations may split a sentence, harmlessly: every printing splits alike
_SENTENCE_END = re.compile(
    r"[.!?\u2026]+[\"'\u201d\u2019\u00bb)\]]*\s+(?=[\"'\u201c\u2018\u00ab(\[]?[A-Z0-9\u00c0-\u024f])"
)


# a wire dateline at the head of a paragraph: "LOWICK (Meridian Press) — ", "ORRIN BAY, March 3 - "
_DATELINE = re.compile(r"[A-Z][A-Z .,'\-]{1,40}(?:,[^\n—–]{1,30})?\s*(?:\([^)\n]{1,60}\))?\s*[—–-]{1,2}\s+")
# words between a pair of quotation marks inside one paragraph (straight or typographic)
_QUOTE = re.compile(r"[\"“„«]([^\"“”„«»\n]{3,}?)[\"”»]")


@dataclass(frozen=True)
class PassageOrigin:
    """Where a passage first appeared."""

    article: str
    start: int
    published: str | None
    seq: int

    @property
    def key(self) -> OrderKey:
        return order_key(self.published, self.seq)


@dataclass(frozen=True)
class Unit:
    """A paragraph or sentence of one article: character span and the hash of its normalised words."""

    start: int
    end: int
    hash: int
    paragraph: int
    kind: str  # "paragraph" | "sentence" | "quote"


@dataclass
class Passage:
    """A span of an article's text; ``origin`` None = first appearance here."""

    start: int
    end: int
    origin: str | None = None
    origin_start: int | None = None

    def to_json(self) -> dict[str, object]:
        """The export form: ``{"start", "end", "origin"}`` (plus ``origin_start`` when reused)."""
        out: dict[str, object] = {"start": self.start, "end": self.end, "origin": self.origin}
        if self.origin is not None:
            out["origin_start"] = self.origin_start
        return out


class PassageIndex(Protocol):
    """Appearances per passage hash. Implementations: memory below, ``SqlitePassageIndex``.

    Every appearance is kept (not only the earliest) so that removing or revising an article
    leaves the right origin for everyone else.
    """

    def lookup(self, hashes: Iterable[int]) -> dict[int, PassageOrigin]:
        """The earliest appearance of each known hash."""
        ...

    def add(self, items: Sequence[tuple[int, PassageOrigin]]) -> None:
        """Record appearances (one per hash and article; re-adding is a no-op)."""
        ...

    def remove_article(self, article_id: str) -> None:
        """Forget an article's appearances (call before re-adding a revised article)."""
        ...


class MemoryPassageIndex:
    def __init__(self) -> None:
        self._seen: dict[int, dict[str, PassageOrigin]] = {}
        self._by_article: dict[str, set[int]] = {}

    def __len__(self) -> int:
        return len(self._seen)

    def lookup(self, hashes: Iterable[int]) -> dict[int, PassageOrigin]:
        out = {}
        for h in hashes:
            seen = self._seen.get(h)
            if seen:
                out[h] = min(seen.values(), key=lambda o: o.key)
        return out

    def add(self, items: Sequence[tuple[int, PassageOrigin]]) -> None:
        for h, origin in items:
            self._seen.setdefault(h, {}).setdefault(origin.article, origin)
            self._by_article.setdefault(origin.article, set()).add(h)

    def remove_article(self, article_id: str) -> None:
        for h in self._by_article.pop(article_id, ()):
            seen = self._seen[h]
            seen.pop(article_id, None)
            if not seen:
                del self._seen[h]


def _hash(text: str) -> tuple[int, int]:
    """(hash of the normalised words, number of words)."""
    tokens = words(text)
    digest = hashlib.blake2b(" ".join(tokens).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True), len(tokens)


def units(text: str, min_words: int = settings.PASSAGE_MIN_WORDS) -> list[Unit]:
    """Paragraphs, sentences and quotations of ``text`` that are long enough to trace.

    Every paragraph contributes its sentences in order (a short sentence gets hash 0, never looked
    up, so that spans still tile the paragraph); paragraphs and quotations (the words between
    quotation marks, marks included in the span) count from ``min_words`` words. A dateline
    ("LOWICK (Meridian Press) — ") is left out of the units: outlets drop it from wire copy.
    """
    out: list[Unit] = []
    for p_index, pm in enumerate(_PARAGRAPH.finditer(text or "")):
        p_start, p_end = pm.start(), pm.end()
        dateline = _DATELINE.match(text, p_start, p_end)
        if dateline:
            p_start = dateline.end()
        p_hash, p_words = _hash(text[p_start:p_end])
        if p_words >= min_words:
            out.append(Unit(p_start, p_end, p_hash, p_index, "paragraph"))
        s_start = p_start
        cuts = [m.end() for m in _SENTENCE_END.finditer(text, p_start, p_end)] + [p_end]
        for cut in cuts:
            chunk = text[s_start:cut].rstrip()
            if chunk:
                s_hash, s_words = _hash(chunk)
                kept = s_hash if s_words >= min_words else 0
                out.append(Unit(s_start, s_start + len(chunk), kept, p_index, "sentence"))
            s_start = cut
        for qm in _QUOTE.finditer(text, p_start, p_end):
            q_hash, q_words = _hash(qm.group(1))
            if q_words >= min_words:
                out.append(Unit(qm.start(), qm.end(), q_hash, p_index, "quote"))
    return out


def _origin_of(h: int, found: dict[int, PassageOrigin], article_id: str) -> PassageOrigin | None:
    origin = found.get(h) if h else None
    return origin if origin is not None and origin.article != article_id else None


def _pieces(
    sentence: Unit, quotes: list[Unit], found: dict[int, PassageOrigin], article_id: str
) -> list[Passage]:
    """An untraced sentence cut around the traced quotations inside it."""
    out, pos = [], sentence.start
    for q in quotes:
        origin = _origin_of(q.hash, found, article_id)
        if origin is None or q.start < pos or q.end > sentence.end:
            continue
        if q.start > pos:
            out.append(Passage(pos, q.start))
        out.append(Passage(q.start, q.end, origin.article, origin.start))
        pos = q.end
    if pos < sentence.end:
        out.append(Passage(pos, sentence.end))
    return out


def passages_of(article_id: str, article_units: list[Unit], found: dict[int, PassageOrigin]) -> list[Passage]:
    """Tile each paragraph into runs sharing an origin.

    A whole-paragraph match wins; otherwise each sentence is traced, and an untraced sentence is
    cut around the quotations in it that are traced (a lifted quote in a new frame).
    """
    out: list[Passage] = []
    by_paragraph: dict[int, list[Unit]] = {}
    for u in article_units:
        by_paragraph.setdefault(u.paragraph, []).append(u)
    for group in by_paragraph.values():
        whole = next((u for u in group if u.kind == "paragraph"), None)
        origin = _origin_of(whole.hash, found, article_id) if whole else None
        if whole is not None and origin is not None:
            out.append(Passage(whole.start, whole.end, origin.article, origin.start))
            continue
        quotes = [u for u in group if u.kind == "quote"]
        current: Passage | None = None
        for u in group:
            if u.kind != "sentence":
                continue
            origin = _origin_of(u.hash, found, article_id)
            pieces = (
                [Passage(u.start, u.end, origin.article, origin.start)]
                if origin is not None
                else _pieces(u, quotes, found, article_id)
            )
            for piece in pieces:
                if current is not None and current.origin == piece.origin:
                    current.end = piece.end
                else:
                    current = piece
                    out.append(current)
    return out


def find_reused_passages(
    articles: Sequence[Article],
    index: PassageIndex,
    insert: bool = True,
    min_words: int = settings.PASSAGE_MIN_WORDS,
) -> dict[str, list[Passage]]:
    """Per article, its passages with their origins; with ``insert`` the articles join the index.

    Articles are taken in (published, seq) order and each is looked up before it is added, so
    reuse inside the batch is found. With ``insert=False`` nothing is written: use it to show an
    article already indexed (its own first appearances then read as original).
    """
    result: dict[str, list[Passage]] = {}
    for article in sorted(articles, key=lambda a: order_key(known_publication_date(a), a.seq)):
        article_units = units(article.text, min_words)
        hashes = {u.hash for u in article_units if u.hash}
        found = index.lookup(hashes)
        result[article.id] = passages_of(article.id, article_units, found)
        if insert:
            me = [
                (u.hash, PassageOrigin(article.id, u.start, known_publication_date(article), article.seq))
                for u in article_units
                if u.hash
            ]
            index.add(me)
    return result


def reused_share(passages: Sequence[Passage]) -> float:
    """Share of an article's passage characters that first appeared elsewhere (0 for no text)."""
    total = sum(p.end - p.start for p in passages)
    reused = sum(p.end - p.start for p in passages if p.origin is not None)
    return reused / total if total else 0.0
