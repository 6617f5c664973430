"""Article features for event clustering: weighted word counts, a title+lead space, entities, a date.

Three sparse spaces, after Miranda et al. 2018 ("Multilingual Clustering of Streaming News"):

- ``text``: word counts of title (x TITLE_WEIGHT), lead (x LEAD_WEIGHT) and body (x 1);
- ``title``: word counts of title and lead only (what the story is "about" in one line);
- ``dense`` (with the ``multilingual`` extra): a multilingual sentence embedding of headline and
  lead (:mod:`storyline.cluster.embed`), which joins reports of one event in different languages;
- ``ents``: named entities found by a fast heuristic (runs of capitalised tokens, acronyms) and
  numbers. spaCy NER runs at ~7 articles/s here, far too slow for the clustering path; the heuristic
  runs at thousands per second. Names and numbers also survive translation, which is what links a
  Malay or Chinese report of an event to the English one (``Fat Leonard``, ``COVID-19``, ``1,300``).

Chinese/Japanese text has no spaces: CJK runs become character bigrams. Counts here are raw; the
online IDF weighting happens in :mod:`storyline.cluster.online`, which owns the document frequencies.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

import numpy as np

from storyline.cluster.crosslingual import gloss_run
from storyline.cluster.embed import embed_articles
from storyline.dates import known_publication_date
from storyline.model import Article
from storyline.settings import cluster as settings
from storyline.text.normalize import fold_punctuation

# Function words of the languages in the development data (English, Malay/Indonesian). IDF would
# down-weight them anyway; dropping them keeps vectors and posting lists short.
_STOPWORD_TEXT = """
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me more
most my myself no nor not now of off on once only or other our ours out over own same she should so
some such than that the their theirs them themselves then there these they this those through to too
under until up very was we were what when where which while who whom why will with would you your
yours said says say told tell according may might must shall one two three new year years week weeks
day days time last first mr mrs ms lrb rrb lsb rsb yang dan di ke dari ini itu untuk dengan pada
dalam tidak akan ada oleh juga telah atau kepada bagi sebagai mereka kami kita ia dia beliau
tersebut lebih bahawa bahwa kata katanya menurut
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

_TOKEN = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")
# _TOKEN's matches of 2 or more characters (what tokens keep), without producing the single ones
_LONG_TOKEN = re.compile(r"(?:[^\W_]{2,}|[^\W_](?=['\-][^\W_]))(?:['\-][^\W_]+)*")
# _LONG_TOKEN (and _NUMBER below) compiled for ASCII text, where Unicode and ASCII character classes
# match alike and the ASCII ones are checked faster (most English news is ASCII once its punctuation
# is folded)
_LONG_TOKEN_ASCII = re.compile(_LONG_TOKEN.pattern, re.ASCII)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NUMBER_ASCII = re.compile(_NUMBER.pattern, re.ASCII)
# A capitalised token (or acronym, or token with inner digits like COVID-19), optionally followed by
# more capitalised tokens or short connectors inside a name ("Bank of England", "bin Laden").
_CAP = r"(?:[A-Z][\w'\-]*[\w]|[A-Z])"
_ENTITY = re.compile(rf"{_CAP}(?:\s+(?:(?:of|de|du|da|al|bin|binti|van|von|der|la|le)\s+)?{_CAP})*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"'\n]\s*|\s-\s)$")


@dataclass(slots=True)
class ArticleFeatures:
    """Raw weighted term counts per space, the article's date as a day number (or None), and its
    unit-length headline+lead embedding (None without the multilingual extra)."""

    text: dict[str, float]
    title: dict[str, float]
    ents: dict[str, float]
    day: float | None
    dense: np.ndarray | None = None


def tokens(text: str, names: Counter[str] | None = None) -> list[str]:
    """Lower-cased word tokens; stopwords and 1-char words dropped. CJK runs become character
    bigrams plus the English glosses of their dictionary words (entity names of proper-noun
    entries are counted into ``names`` when given)."""
    low = text.lower()
    if not _CJK.search(low):  # fast path: no CJK anywhere
        return [t for t in _TOKEN.findall(low) if len(t) > 1 and t not in STOPWORDS]
    out: list[str] = []
    for tok in _TOKEN.findall(low):
        if _CJK.search(tok):
            for run in _CJK.findall(tok):
                if len(run) == 1:
                    continue
                out.extend(run[i : i + 2] for i in range(len(run) - 1))
                glossed, found = gloss_run(run)
                out.extend(glossed)
                if names is not None:
                    for name in found:
                        names["e:" + name] += 1
            rest = _CJK.sub(" ", tok).split()
            out.extend(r for r in rest if len(r) > 1 and r not in STOPWORDS)
        elif len(tok) > 1 and tok not in STOPWORDS:
            out.append(tok)
    return out


def token_counts(text: str, names: Counter[str] | None = None, cjk: bool = True) -> dict[str, int]:
    """:func:`tokens` counted, in first-seen order (counting first and filtering distinct words is
    faster). ``cjk=False``: the caller knows the text has no CJK character."""
    low = text.lower()
    if low.isascii():
        counts = Counter(_LONG_TOKEN_ASCII.findall(low))
    elif cjk and _CJK.search(low):
        return dict(Counter(tokens(text, names)))
    else:
        counts = Counter(_LONG_TOKEN.findall(low))
    for t in STOPWORDS.intersection(counts):
        dict.__delitem__(counts, t)
    return counts


def entities(text: str) -> Counter[str]:
    """Heuristic entity and number terms of a text, each prefixed by its kind (``e:``/``n:``).

    A run of capitalised tokens is a name unless it is one sentence-initial token that is also a
    common word. Each multi-token name adds the whole name and its last token (the surname or head:
    "Mark Rutte" -> "mark rutte", "rutte"), so a later bare "Rutte" still matches.
    """
    out: dict[str, int] = {}
    get = out.get
    for m in _ENTITY.finditer(text):
        name = m.group(0)
        lows = name.lower().split()
        if len(lows) == 1:
            low = lows[0]
            if low in STOPWORDS or len(low) < 2:
                continue
            start = m.start()
            initial = _SENTENCE_START.search(text[max(0, start - 3) : start])
            # a sentence-initial capital is a name only if the word recurs and never in lower case
            if initial and not name.isupper() and (f" {low} " in text or text.count(name) < 2):
                continue
            key = "e:" + low
            out[key] = get(key, 0) + 1
        else:
            heads = [p for p in lows if p not in STOPWORDS]
            if not heads:
                continue
            key = "e:" + " ".join(lows)
            out[key] = get(key, 0) + 1
            key = "e:" + heads[-1]
            out[key] = get(key, 0) + 1
    for num in (_NUMBER_ASCII if text.isascii() else _NUMBER).findall(text):
        num = num.replace(",", "")
        if len(num) >= 2 or not num.isdigit():
            key = "n:" + num
            out[key] = get(key, 0) + 1
    return Counter(out)


def parse_day(value: str | None) -> float | None:
    """An ISO date or datetime as a day number (proleptic ordinal, fractional hours); None if absent."""
    if not value:
        return None
    value = value.strip()
    try:
        if len(value) <= 10:
            return float(date.fromisoformat(value[:10]).toordinal())
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
        return dt.toordinal() + (dt.hour * 3600 + dt.minute * 60 + dt.second) / 86400.0
    except ValueError:
        try:
            return float(date.fromisoformat(value[:10]).toordinal())
        except ValueError:
            return None


@lru_cache(maxsize=8)
def _first_words(n: int) -> re.Pattern[str]:
    return re.compile(rf"\s*(?:\S+\s+){{{n - 1}}}\S+")


def split_lead(text: str, lead_words: int) -> tuple[str, str]:
    """The first ``lead_words`` words of the body and the rest, split on a word boundary."""
    m = _first_words(lead_words).match(text) if lead_words > 0 else None
    if m is None:
        return text, ""
    return text[: m.end()], text[m.end() :]


def _scale_cjk(counts: dict[str, float], factor: float) -> None:
    """Multiply the CJK character bigrams of ``counts`` by ``factor`` in place (0 drops them)."""
    if factor == 1.0:
        return
    for term in [t for t in counts if _CJK.match(t)]:
        if factor == 0.0:
            del counts[term]
        else:
            counts[term] *= factor


def features_batch(articles: Sequence[Article]) -> list[ArticleFeatures]:
    """:func:`article_features` of several articles, their embeddings computed in one batch (the
    encoder is ~3x faster on a batch than one text at a time)."""
    dense = embed_articles(articles)
    return [article_features(a, dense[i] if dense is not None else None, embed=False)
            for i, a in enumerate(articles)]


def article_features(article: Article, dense: np.ndarray | None = None, embed: bool = True) -> ArticleFeatures:
    """The three count vectors, the date and (``embed``, when available) the embedding of one article
    (pure; no corpus statistics). ``dense`` passes an embedding computed already."""
    title = fold_punctuation(article.title or "")
    body = fold_punctuation(article.text or "")
    lead, rest = split_lead(body, settings.LEAD_WORDS)
    gloss_names: Counter[str] = Counter()
    cjk = not (body.isascii() and title.isascii()) and bool(_CJK.search(body) or _CJK.search(title))
    title_c = token_counts(title, gloss_names, cjk)
    lead_c = token_counts(lead, gloss_names, cjk)
    text: dict[str, float] = dict(token_counts(rest, gloss_names, cjk))
    for weight, counts in ((settings.TITLE_WEIGHT, title_c), (settings.LEAD_WEIGHT, lead_c)):
        for t, c in counts.items():
            text[t] = text.get(t, 0.0) + weight * c
    title_counts: dict[str, float] = dict(lead_c)
    for t, c in title_c.items():
        title_counts[t] = title_counts.get(t, 0.0) + 2.0 * c
    if cjk:  # CJK text: re-weight its character bigrams
        _scale_cjk(text, settings.CJK_BIGRAM_WEIGHT["text"])
        _scale_cjk(title_counts, settings.CJK_BIGRAM_WEIGHT["title"])
    ents = entities(title + "\n" + body)
    ents.update(gloss_names)
    for key in entities(title):
        ents[key] += 1  # names in the headline count once more
    if dense is None and embed:
        vectors = embed_articles([article])
        dense = vectors[0] if vectors else None
    return ArticleFeatures(
        text=text, title=title_counts, ents=dict(ents), day=parse_day(known_publication_date(article)),
        dense=dense,
    )
