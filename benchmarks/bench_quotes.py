"""Throughput of the quote stage on generated news articles (fictional people and outlets).

Usage: .venv/bin/python benchmarks/bench_quotes.py [N_ARTICLES] [--polnear FOLDER]   (default 500)

Each article is ~600 words in ~14 paragraphs, like a wire story: half the paragraphs are plain
reporting, the rest carry quotes in the usual forms (trailing cue, colon introduction, split quote,
partial quote inside a sentence, a bare follow-up quote paragraph, a scare quote). Prints
articles/second for extract_quotes (single process, so per core), for resolve_speakers and
build_families over all the quotes, and the peak resident memory. With ``--polnear FOLDER`` (a
PolNeAR split, e.g. ../shared/datasets/polnear/train) the first N real articles of that folder are
timed instead of generated ones.
"""

from __future__ import annotations

import random
import resource
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from storyline.model import Article, Quote
from storyline.nlp.families import build_families
from storyline.nlp.quotes import extract_quotes
from storyline.nlp.spacy_model import load_nlp, nlp_status
from storyline.nlp.speakers import resolve_speakers

FIRST = ["Ilse", "Tomas", "Oren", "Mia", "Ruben", "Lena", "Ada", "Ivo", "Nora", "Karel", "Sanne", "Piet"]
LAST = ["Varga", "Bright", "Malick", "Harrow", "Olsen", "Ostrova", "Fenwick", "Rask", "Lund", "Brenner"]
ROLES = [
    "Pact Secretary-General",
    "Kestrel foreign minister",
    "harbour master",
    "Valmora's ambassador to the Pact",
    "Kremlinsk spokesman",
    "Finance Minister",
]
CUES = ["said", "told the Harbour Wire", "added", "said on Tuesday", "insisted", "told reporters", "warned"]
FILLER = [
    "The",
    "talks",
    "resumed",
    "after",
    "a",
    "two-week",
    "pause",
    "as",
    "delegations",
    "from",
    "both",
    "coastal",
    "states",
    "met",
    "in",
    "the",
    "old",
    "customs",
    "house",
    "to",
    "discuss",
    "fishing",
    "quotas,",
    "shipping",
    "lanes",
    "and",
    "the",
    "disputed",
    "lighthouse",
    "on",
    "the",
    "northern",
    "spit,",
    "a",
    "question",
    "that",
    "has",
    "soured",
    "relations",
    "since",
    "the",
    "treaty",
    "lapsed",
    "three",
    "winters",
    "ago.",
]
SAY = [
    "we",
    "will",
    "not",
    "accept",
    "any",
    "deal",
    "that",
    "leaves",
    "our",
    "fishermen",
    "without",
    "access",
    "to",
    "the",
    "northern",
    "grounds",
    "and",
    "we",
    "expect",
    "our",
    "partners",
    "to",
    "understand",
    "that",
    "patience",
    "has",
    "limits",
    "after",
    "so",
    "many",
    "rounds",
    "of",
    "talks",
]


def _sentence(rng: random.Random, words: list[str], n: int) -> str:
    start = rng.randrange(0, max(1, len(words) - n))
    s = " ".join(words[start : start + n])
    return s[0].upper() + s[1:]


def make_article(i: int, rng: random.Random) -> Article:
    people = [(rng.choice(FIRST), rng.choice(LAST), rng.choice(ROLES)) for _ in range(3)]
    paras = [f"Coastal states edge toward harbour deal {i}"]
    for k in range(14):
        f, last, role = people[k % 3]
        form = rng.random()
        if form < 0.45:
            paras.append(_sentence(rng, FILLER, 40) + ". " + _sentence(rng, FILLER, 25) + ".")
        elif form < 0.6:
            paras.append(
                f'"{_sentence(rng, SAY, 14)}," {role} {f} {last} {rng.choice(CUES)}. '
                + _sentence(rng, FILLER, 20)
                + "."
            )
        elif form < 0.7:
            paras.append(f'{last} {rng.choice(CUES)}: "{_sentence(rng, SAY, 18)}."')
        elif form < 0.8:
            paras.append(f"\u201c{_sentence(rng, SAY, 9)},\u201d he said, \u201c{' '.join(SAY[:8])}.\u201d")
        elif form < 0.9:
            paras.append(
                f'{f} {last} said the offer was "{" ".join(rng.sample(SAY, 4))}" and would fail. '
                + _sentence(rng, FILLER, 20)
                + "."
            )
        elif form < 0.95:
            paras.append(f'"{_sentence(rng, SAY, 16)}."')
        else:
            paras.append(
                f'The so-called "{" ".join(rng.sample(FILLER, 2))}" was not discussed. '
                + _sentence(rng, FILLER, 20)
                + "."
            )
    return Article(
        id=f"bench{i}",
        source="bench",
        text="\n\n".join(paras),
        outlet=f"Outlet {i % 7}",
        published=f"2031-{1 + i % 12:02d}-{1 + i % 28:02d}",
        seq=i,
    )


def main() -> None:
    args = sys.argv[1:]
    folder = None
    if "--polnear" in args:
        k = args.index("--polnear")
        folder = Path(args[k + 1])
        del args[k : k + 2]
    n = int(args[0]) if args else 500
    if folder is not None:
        from storyline.evaluate.quotes import load_polnear

        articles = load_polnear(folder)[0][:n]
        n = len(articles)
    else:
        rng = random.Random(7)
        articles = [make_article(i, rng) for i in range(n)]
    words = sum(len(a.text.split()) for a in articles) / n
    load_nlp()  # model load is not part of the per-article cost
    print(f"nlp: {nlp_status()}")
    t0 = time.perf_counter()
    per: dict[str, list] = {}
    for k in range(0, n, 100):
        per.update(extract_quotes(articles[k : k + 100]))
    t1 = time.perf_counter()
    quotes = [q for qs in per.values() for q in qs]
    arts = {a.id: a for a in articles}
    resolve_speakers(quotes, arts)
    t2 = time.perf_counter()
    build_families(quotes, arts)
    t3 = time.perf_counter()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{n} articles, {words:.0f} words each, {len(quotes)} quotes")
    print(f"extract_quotes: {n / (t1 - t0):.1f} articles/s ({t1 - t0:.2f}s, one process = one core)")
    print(f"resolve_speakers: {len(quotes) / (t2 - t1):.0f} quotes/s")
    print(f"build_families: {len(quotes) / (t3 - t2):.0f} quotes/s")
    print(f"whole quote stage: {n / (t3 - t0):.1f} articles/s; peak RSS {peak_mb:.0f} MB")
    # corpus-level steps at 100k quotes: the extracted quotes copied into more (dated) articles
    big_arts: dict[str, Article] = {}
    big: list[Quote] = []
    k = 0
    while len(big) < 100_000:
        for a in articles:
            copy_id = f"{a.id}-{k}"
            big_arts[copy_id] = replace(a, id=copy_id, published=f"20{31 + k % 5}-{(a.published or '2031-01-01')[5:]}")
            big.extend(replace(q, id=f"{q.id}-{k}", article=copy_id, family="") for q in per[a.id])
        k += 1
    t4 = time.perf_counter()
    resolve_speakers(big, big_arts)
    t5 = time.perf_counter()
    build_families(big, big_arts)
    t6 = time.perf_counter()
    print(f"{len(big)} quotes: resolve_speakers {t5 - t4:.2f}s, build_families {t6 - t5:.2f}s")


if __name__ == "__main__":
    main()
