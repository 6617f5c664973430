"""Quote families across fictional outlets: exact, normalized and altered printings."""

from __future__ import annotations

import time

from storyline.model import Article, Quote
from storyline.nlp.families import build_families
from storyline.nlp.quotes import extract_quotes
from storyline.nlp.speakers import resolve_speakers

ORIGINAL = "We're sure our measures leave a solid base on which the next government can build"

ARTICLES = [
    Article(
        id="w1",
        source="t",
        outlet="Harbour Wire",
        published="2031-04-02T09:00:00",
        seq=3,
        text=f'"{ORIGINAL}," Minister Anna Berg said.',
    ),
    Article(
        id="w2",
        source="t",
        outlet="Kestrel Post",
        published="2031-04-02T11:00:00",
        seq=1,
        text=f'"{ORIGINAL}," Minister Anna Berg said.',
    ),
    Article(
        id="w3",
        source="t",
        outlet="Valmora Daily",
        published="2031-04-02T12:00:00",
        seq=2,
        text="\u201cWe\u2019re sure our measures leave a solid base on which the next government "
        "can build,\u201d Berg said.",
    ),
    Article(
        id="w4",
        source="t",
        outlet="Eastern Courier",
        published="2031-04-03T08:00:00",
        seq=4,
        text='"We\'re sure our measures leave a solid base on which [the incoming cabinet] can build," '
        "Berg said.",
    ),
    Article(
        id="w5",
        source="t",
        outlet="Bay Times",
        published="2031-04-03T09:00:00",
        seq=5,
        text='"Our measures leave a solid base on which the next government can build," Anna Berg said.',
    ),
    Article(
        id="w6",
        source="t",
        outlet="Bay Times",
        published="2031-04-03T10:00:00",
        seq=6,
        text='"The fishing fleet will sail on Monday as planned," harbour master Ivo Rask said.',
    ),
]


def _families() -> tuple[list[Quote], list]:
    per = extract_quotes(ARTICLES)
    quotes = [q for qs in per.values() for q in qs]
    arts = {a.id: a for a in ARTICLES}
    resolve_speakers(quotes, arts)
    return quotes, build_families(quotes, arts)


def test_one_family_for_one_utterance() -> None:
    quotes, fams = _families()
    berg = [q for q in quotes if q.article != "w6"]
    assert len({q.family for q in berg}) == 1
    other = next(q for q in quotes if q.article == "w6")
    assert other.family != berg[0].family
    assert len(fams) == 2


def test_first_seen_and_variants() -> None:
    _quotes, fams = _families()
    fam = next(f for f in fams if len(f.appearances) == 5)
    assert fam.first_seen.article == "w1"  # earliest published, before its lower seq rival
    variants = {a.article: a for a in fam.appearances}
    assert variants["w1"].variant == "exact"
    assert variants["w2"].variant == "exact"
    assert variants["w3"].variant == "normalized"  # curly apostrophe only
    assert variants["w5"].variant == "normalized"  # trimmed start
    assert variants["w4"].variant == "altered"
    assert "incoming cabinet" in (variants["w4"].diff or "")
    assert "next government" in (variants["w4"].diff or "")
    assert fam.speaker is not None


def test_family_ids_are_stable() -> None:
    _, a = _families()
    _, b = _families()
    assert [f.id for f in a] == [f.id for f in b]


def test_different_speakers_same_words_are_two_families() -> None:
    arts = {
        "x1": Article(id="x1", source="t", text=""),
        "x2": Article(id="x2", source="t", text=""),
    }
    q1 = Quote(id="q1", article="x1", text="Thank you all for coming tonight", start=0, end=1, speaker="s1")
    q2 = Quote(id="q2", article="x2", text="Thank you all for coming tonight", start=0, end=1, speaker="s2")
    fams = build_families([q1, q2], arts)
    assert len(fams) == 2 and q1.family != q2.family


def test_index_scales() -> None:
    arts: dict[str, Article] = {}
    quotes: list[Quote] = []
    for i in range(20000):
        aid = f"a{i}"
        arts[aid] = Article(id=aid, source="t", text="", published="2031-01-01", seq=i)
        text = f"statement number {i % 5000} about the harbour budget and the fishing fleet plan {i % 7}"
        quotes.append(Quote(id=f"q{i}", article=aid, text=text, start=0, end=len(text)))
    t0 = time.perf_counter()
    fams = build_families(quotes, arts)
    assert time.perf_counter() - t0 < 10.0
    assert len(fams) < len(quotes)


def test_empty() -> None:
    assert build_families([], {}) == []
