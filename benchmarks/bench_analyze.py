"""Benchmark: time to analyse one event (facts, coverage, framing, summary, timeline) at 20 and 100 articles.

Synthetic fictional articles (~600 words each, about 30 sentences) drawn from a pool of facts with
several wordings each, a quarter of them wire copies, so alignment has real paraphrases and copies to
handle. Prints seconds per event, articles/second and peak traced memory.

    .venv/bin/python benchmarks/bench_analyze.py [--sizes 20 100] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import resource
import time
import tracemalloc

from storyline.analyze.event import analyze_event
from storyline.analyze.sentences import _content_terms, stem
from storyline.model import Article, Event, Quote

PLACES = ["Port Elsby", "Harwick", "Lowmere", "Carrow", "Dunmore", "Varn", "Orvale", "Kestrel City"]
PEOPLE = ["Lina Forde", "Aron Pell", "Dana Orel", "Pia Lund", "Omar Said", "Jon Bresk", "Maren Holt"]
DAYS = [
    "on Monday",
    "on Tuesday",
    "last Friday",
    "yesterday",
    "on March 6",
    "earlier this month",
    "on Jan. 20",
]
TEMPLATES = [
    "A crane collapsed at {place} harbour {day}, injuring {n} dock workers, police said.",
    "{n} workers were hurt when a crane came down at the {place} docks {day}, police confirmed.",
    "The harbour operator in {place} suspended all operations {day}, the company said.",
    "Officials in {place} said {day} that an inquiry into the collapse would report within {n} weeks.",
    "{person}, a spokesperson for the port, said the site would stay closed while inspectors worked.",
    "The union said {day} that the crane was more than {n} years old and overdue for replacement.",
    "Inspectors from {place} found cracks in {n} other cranes during checks {day}, according to a report.",
    "\u201cWe are devastated by what happened,\u201d {person} told reporters in {place}.",
    "Shipping companies diverted {n} vessels to other ports {day}, the maritime agency said.",
    "Insurance claims linked to the collapse could reach {n} million, analysts at a {place} bank estimated.",
    "The city council of {place} will hold an emergency session {day}, the mayor's office said.",
    "Local schools collected donations for the families of the {n} injured workers, {person} said.",
]


def make_articles(n: int, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    arts: list[Article] = []
    for i in range(n):
        if arts and rng.random() < 0.25:
            orig = rng.choice([a for a in arts if not a.copy_of])
            arts.append(
                Article(
                    id=f"b{i}",
                    source=f"b{i}",
                    text=orig.text,
                    outlet=f"Outlet {i % 12}",
                    published=orig.published,
                    copy_of=orig.id,
                    wire="EWS",
                    seq=i,
                )
            )
            continue
        paras = []
        for _ in range(10):
            sents = [
                rng.choice(TEMPLATES).format(
                    place=rng.choice(PLACES),
                    person=rng.choice(PEOPLE),
                    day=rng.choice(DAYS),
                    n=rng.randint(2, 40),
                )
                for _ in range(3)
            ]
            paras.append(" ".join(sents))
        arts.append(
            Article(
                id=f"b{i}",
                source=f"b{i}",
                text="\n\n".join(paras),
                outlet=f"Outlet {i % 12}",
                published=f"2026-03-{10 + i % 10:02d}",
                seq=i,
            )
        )
    return arts


def quotes_for(arts: list[Article]) -> list[Quote]:
    out = []
    for a in arts:
        start = a.text.find("\u201c")
        if start >= 0:
            end = a.text.find("\u201d", start)
            out.append(
                Quote(
                    id=f"q{a.id}",
                    article=a.id,
                    text=a.text[start + 1 : end],
                    start=start + 1,
                    end=end,
                    family="fam1",
                    speaker="sp1",
                )
            )
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[20, 100])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    for size in args.sizes:
        arts = make_articles(size)
        quotes = quotes_for(arts)
        event = Event(id=f"ev{size}", title="bench", articles=[a.id for a in arts])
        words = sum(len(a.text.split()) for a in arts) / size
        analyze_event(event, arts, quotes)  # warm-up (imports, regex compilation)
        times = []
        for _ in range(args.repeat):
            _content_terms.cache_clear()  # time a cold event, not the term cache
            stem.cache_clear()
            t0 = time.perf_counter()
            analyze_event(event, arts, quotes)
            times.append(time.perf_counter() - t0)
        _content_terms.cache_clear()
        stem.cache_clear()
        tracemalloc.start()
        analyze_event(event, arts, quotes)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        best = min(times)
        print(
            f"{size} articles (~{words:.0f} words each, {sum(1 for a in arts if a.copy_of)} copies): "
            f"best {best:.3f} s/event, median {sorted(times)[len(times) // 2]:.3f} s, "
            f"{size / best:.0f} articles/s, peak traced {peak / 2**20:.1f} MiB, "
            f"max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
        )


if __name__ == "__main__":
    main()
