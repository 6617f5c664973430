"""Quote families: the same utterance printed by several outlets.

Matching works on folded words with editorial bracket marks removed ("[W]e" = "We"), so
different quotation marks, apostrophes, dashes and case never split a family. Candidates come from
an inverted index of word shingles (no all-pairs comparison); two quotes join when they share
enough shingles of the shorter one, which also catches trimmed ends and inserted words, and when
their speakers do not contradict each other.

Variants are judged against the family text (the fullest printing):
- ``exact``: printed identically;
- ``normalized``: the same words after ``normalize_for_match`` and bracket removal, or a
  contiguous excerpt of them (a trimmed quote is not a misquote);
- ``altered``: words differ beyond that; ``diff`` lists them ("-it +the next administration").
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict

from storyline.dates import known_publication_date, publication_key
from storyline.ids import stable_id
from storyline.model import Article, FirstSeen, Quote, QuoteAppearance, QuoteFamily
from storyline.settings import quotes as cfg
from storyline.text.normalize import normalize_for_match, words

_BRACKETS = re.compile(r"[\[\]]")
_ELLIPSIS = re.compile(r"\.\.\.|\u2026")


def _match_words(text: str) -> list[str]:
    return words(_ELLIPSIS.sub(" ", _BRACKETS.sub("", text)))


def _shingles(ws: list[str]) -> set[tuple[str, ...]]:
    n = cfg.FAMILY_SHINGLE
    if len(ws) < n:
        return {tuple(ws)} if ws else set()
    return {tuple(ws[i : i + n]) for i in range(len(ws) - n + 1)}


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _order_key(q: Quote, articles: dict[str, Article]) -> tuple[int, str, int, str, int]:
    art = articles.get(q.article)
    rank, when = publication_key(known_publication_date(art) if art else None)
    return (rank, when, art.seq if art else 0, q.article, q.start)


def _sub_sequence(short: list[str], long: list[str]) -> bool:
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def _diff(family_words: list[str], ws: list[str]) -> str:
    parts: list[str] = []
    sm = difflib.SequenceMatcher(a=family_words, b=ws, autojunk=False)
    ops = sm.get_opcodes()
    # leading/trailing deletions are trims, not alterations
    while ops and ops[0][0] == "delete":
        ops = ops[1:]
    while ops and ops[-1][0] == "delete":
        ops = ops[:-1]
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        if i2 > i1:
            parts.append("-" + " ".join(family_words[i1:i2]))
        if j2 > j1:
            parts.append("+" + " ".join(ws[j1:j2]))
    return " ".join(parts)


def build_families(quotes: list[Quote], articles: dict[str, Article]) -> list[QuoteFamily]:
    """Group quotes into families, set ``quote.family`` and return the families (id order)."""
    if not quotes:
        return []
    ordered = sorted(quotes, key=lambda q: _order_key(q, articles))
    toks = [_match_words(q.text) for q in ordered]
    uf = _UnionFind(len(ordered))
    exact: dict[tuple[str, ...], int] = {}
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    shingles = [_shingles(ws) for ws in toks]
    for i, q in enumerate(ordered):
        key = tuple(toks[i])
        if not key:
            continue
        j = exact.get(key)
        if j is not None and _compatible(ordered[j], q):
            uf.union(j, i)
            continue
        exact.setdefault(key, i)
        if len(toks[i]) < cfg.FAMILY_MIN_WORDS:
            continue
        counts: dict[int, int] = defaultdict(int)
        for sh in shingles[i]:
            posting = index[sh]
            if len(posting) <= cfg.FAMILY_MAX_POSTING:
                for c in posting:
                    counts[c] += 1
            posting.append(i)
        best = None
        for c, shared in counts.items():
            smaller = min(len(shingles[i]), len(shingles[c]))
            good = smaller and shared / smaller >= cfg.FAMILY_MIN_OVERLAP and _compatible(ordered[c], q)
            if good and (best is None or shared > best[0]):
                best = (shared, c)
        if best is not None:
            uf.union(best[1], i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(ordered)):
        groups[uf.find(i)].append(i)
    families: list[QuoteFamily] = []
    used: set[str] = set()
    for members in sorted(groups.values()):
        first = ordered[members[0]]
        fullest = max(members, key=lambda m: (len(toks[m]), -m))
        fam_q = ordered[fullest]
        fam_words = toks[fullest]
        fam_norm = normalize_for_match(fam_q.text)
        fid = stable_id("f", normalize_for_match(first.text))
        if fid in used:  # same words, different speakers: two families
            fid = stable_id("f", normalize_for_match(first.text), first.id)
        used.add(fid)
        apps: list[QuoteAppearance] = []
        speaker = next((ordered[m].speaker for m in members if ordered[m].speaker), None)
        for m in members:
            q = ordered[m]
            q.family = fid
            if q.text == fam_q.text:
                apps.append(QuoteAppearance(q.article, q.id, "exact"))
            elif (
                normalize_for_match(q.text) == fam_norm
                or toks[m] == fam_words
                or _sub_sequence(toks[m], fam_words)
            ):
                apps.append(QuoteAppearance(q.article, q.id, "normalized"))
            else:
                apps.append(QuoteAppearance(q.article, q.id, "altered", _diff(fam_words, toks[m])))
        art = articles.get(first.article)
        families.append(
            QuoteFamily(
                id=fid,
                speaker=speaker,
                text=fam_q.text,
                first_seen=FirstSeen(first.article, art.published if art else None),
                appearances=apps,
            )
        )
    families.sort(key=lambda f: f.id)
    return families


def _compatible(a: Quote, b: Quote) -> bool:
    """Two printings can be one utterance unless both name different speakers."""
    return not (a.speaker and b.speaker and a.speaker != b.speaker)
