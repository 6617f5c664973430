"""Sentences, quoted spans and content terms: the small text toolkit every analysis module shares.

Regex-only on purpose: the analyze stage runs on every event update, and spaCy costs ~150 ms an article
(shared/NOTES.md); a sentence split and a bag of content stems are all fact alignment needs.
Works on ordinary text and on PTB-tokenised text (Timeline17: `` '' quotes, -LRB-, one sentence a line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from storyline.text.normalize import double_apostrophe_marks, fold_punctuation

_ABBREV = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "st",
    "gen",
    "sen",
    "rep",
    "gov",
    "lt",
    "col",
    "sgt",
    "capt",
    "jr",
    "sr",
    "no",
    "vs",
    "inc",
    "corp",
    "co",
    "ltd",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.k",
    "u.n",
    "e.g",
    "i.e",
    "a.m",
    "p.m",
    "mt",
    "ft",
    "pres",
}
# End of sentence: . ! ? optionally followed by closing quotes/brackets, then space and a capital/opening.
_BOUNDARY = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?:\s*'')?\s+(?=[\"'\u201c\u2018(\[`]*[A-Z0-9])")
_LAST_WORD = re.compile(r"([A-Za-z.]+)[.!?]+[\"'\u201d\u2019)\]]*(?:\s*'')?\s+$")

# Quoted spans: curly, straight and PTB (`` ... '') double quotes.
_QUOTED = re.compile(r"\u201c[^\u201d]*\u201d|\"[^\"\n]*\"|``.*?''", re.S)

STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "said",
        "says",
        "say",
        "told",
        "tell",
        "according",
        "one",
        "two",
        "new",
        "year",
        "years",
        "mr",
        "mrs",
        "ms",
        "lrb",
        "rrb",
        "lsb",
        "rsb",
        "us",
        "may",
        "might",
        "must",
        "shall",
        "since",
        "yet",
        "per",
        "via",
        "around",
        "many",
        "much",
        "still",
        "even",
        "last",
        "first",
        "week",
        "month",
        "day",
        "today",
        "yesterday",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
_NUMBER_WORDS = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "thirteen": "13",
    "fourteen": "14",
    "fifteen": "15",
    "twenty": "20",
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "hundred": "100",
    "dozen": "12",
}
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\-]*|\d[\d,.]*\d|\d")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "edly", "ed", "es", "ly", "s")


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article with its character span in the article's text."""

    text: str
    start: int
    end: int
    index: int  # position in the article, 0 = lead


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with offsets; paragraph and line breaks always end a sentence."""
    out: list[Sentence] = []
    for line in re.finditer(r"[^\n]+", text):
        chunk, base = line.group(0), line.start()
        start = 0
        for m in _BOUNDARY.finditer(chunk):
            last = _LAST_WORD.search(chunk, max(0, m.start() - 30), m.end())
            word = last.group(1).lower().rstrip(".") if last else ""
            if word in _ABBREV or (len(word) == 1 and word.isalpha()):
                continue  # "Mr. Smith", "Jan. 20", "J. Doe"
            _add(out, chunk, base, start, m.end())
            start = m.end()
        _add(out, chunk, base, start, len(chunk))
    return out


def _add(out: list[Sentence], chunk: str, base: int, start: int, end: int) -> None:
    piece = chunk[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    s = base + start + lead
    out.append(Sentence(stripped, s, s + len(stripped), len(out)))


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of double-quoted passages (curly, straight, double apostrophes or PTB)."""
    return [m.span() for m in _QUOTED.finditer(double_apostrophe_marks(text))]


def strip_quotes(text: str) -> str:
    """The text with quoted passages replaced by a placeholder word, so the author's voice remains."""
    return _QUOTED.sub(" QUOTE ", double_apostrophe_marks(text))


def quoted_share(text: str) -> float:
    """Share of the characters of ``text`` inside quotation marks."""
    if not text:
        return 0.0
    return sum(e - s for s, e in quoted_spans(text)) / len(text)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude suffix stripper: enough to equate "injured"/"injuries"/"injury" for alignment."""
    w = word.lower()
    for suf in _SUFFIXES:
        if len(w) - len(suf) >= 3 and w.endswith(suf):
            w = w[: -len(suf)]
            break
    return w.rstrip("e") if len(w) > 3 else w


def content_terms(text: str, entity_weight: int = 2) -> list[str]:
    """Content stems of a sentence (cached: facts and timelines both ask for the same sentences)."""
    return list(_content_terms(text, entity_weight))


@lru_cache(maxsize=32768)
def _content_terms(text: str, entity_weight: int) -> tuple[str, ...]:
    """Content stems of a sentence; capitalised words (not sentence-initial) and numbers are entities
    and appear ``entity_weight`` times, so shared names and figures weigh more than common words."""
    folded = fold_punctuation(text)
    terms: list[str] = []
    for i, m in enumerate(_TOKEN.finditer(folded)):
        tok = m.group(0)
        low = tok.lower().strip("'-")
        if low in _NUMBER_WORDS:
            terms.extend([_NUMBER_WORDS[low]] * entity_weight)
            continue
        if tok[0].isdigit():
            terms.extend([tok.replace(",", "")] * entity_weight)
            continue
        if low in STOPWORDS or len(low) < 3:
            continue
        if i > 0 and tok[0].isupper():
            terms.extend([low] * entity_weight)
        else:
            terms.append(stem(low))
    return tuple(terms)


def word_count(text: str) -> int:
    return len(_TOKEN.findall(text))


_DANGLING = re.compile(
    r"^(?:he|she|it|they|this|that|these|those|his|her|its|their|but|and|so|also|"
    r"meanwhile|however|still|yet|then)\b",
    re.I,
)


def readable_alone(text: str, max_quoted: float = 0.6) -> bool:
    """A sentence a reader can take out of its article: not mostly quote, not opening on a reference back."""
    return quoted_share(text) <= max_quoted and not _DANGLING.match(text.lstrip("\"'\u201c` "))
