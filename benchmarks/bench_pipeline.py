"""The whole pipeline, as ``storyline ingest`` runs it: articles/second and peak memory at stated sizes.

A synthetic stream of news (``bench_cluster.Stream``: events reported by 1-12 articles over a few
days, a Zipf vocabulary, names and places per event) is dressed as real input: a headline line,
bylines, quotes in the usual forms with named speakers, and one wire story in ten reprinted by
other outlets with small edits. It is written to a JSONL file and ingested into a fresh SQLite
database through ``storyline.pipeline.ingest_sources`` (clean → store → quotes → copies → events →
opinion → speakers and families → analysis of every event), timed end to end in wall-clock seconds.

    .venv/bin/python benchmarks/bench_pipeline.py                 # 1,000 and 5,000 articles
    .venv/bin/python benchmarks/bench_pipeline.py --sizes 10000
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_cluster import Stream

from storyline.pipeline import ingest_sources
from storyline.store.sqlite import Store

OUTLETS = [
    "The Harbor Ledger",
    "Northgate Courier",
    "Riverside Post",
    "Capitol Dispatch",
    "The Valley Sentinel",
    "Bramwell Review",
    "Eastmere Times",
    "Salt Harbor Gazette",
]
CUES = ["said", "told reporters", "added", "said on Tuesday", "insisted", "warned"]
ROLES = ["Finance Minister", "union leader", "Mayor", "spokeswoman", "chief executive", "Senator"]


def _quote(rng: random.Random, words: list[str], name: str, role: str) -> str:
    said = " ".join(rng.sample(words, 12)).capitalize()
    form = rng.random()
    if form < 0.4:
        return f'"{said}," {role} {name} {rng.choice(CUES)}.'
    if form < 0.7:
        return f'{name.split()[-1]} said: "{said}."'
    if form < 0.9:
        return f'"{said}," she said, "{" ".join(rng.sample(words, 8))}."'
    return f'{name} called the plan "{" ".join(rng.sample(words, 3))}" and left.'


def records(n: int, seed: int = 3) -> list[dict[str, object]]:
    rng = random.Random(seed)
    out: list[dict[str, object]] = []
    for article in Stream(seed).take(n):
        paragraphs = article.text.split("\n\n")
        words = article.text.split()[:200]
        names = [w for w in article.title.split() if w[:1].isupper()][1:3] or ["Ana Roemer"]
        speaker = " ".join(names[:2]) if len(names) > 1 else f"Ana {names[0]}"
        for k in range(1, len(paragraphs), 2):
            paragraphs[k] = _quote(rng, words, speaker, rng.choice(ROLES)) + " " + paragraphs[k]
        outlet = rng.choice(OUTLETS)
        text = "\n\n".join([f"By {rng.choice(['Tomas Reyes', 'Ana Lund', 'Jonas Bell'])}", *paragraphs])
        record = {
            "url": f"https://news.example/{article.id}",
            "title": article.title,
            "text": text,
            "published": article.published,
            "outlet": outlet,
        }
        out.append(record)
        if rng.random() < 0.1 and len(out) < n:  # a wire story reprinted with a trimmed end
            copy = dict(
                record,
                url=f"https://copy.example/{article.id}",
                outlet=rng.choice(OUTLETS),
                text=text.rsplit("\n\n", 1)[0].replace('"', "\u201c", 1),
            )
            out.append(copy)
    return out[:n]


def run(size: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "bench.jsonl"
        corpus.write_text("\n".join(json.dumps(r) for r in records(size)) + "\n", encoding="utf-8")
        started = time.perf_counter()
        cpu = time.process_time()
        with Store(Path(tmp) / "bench.db") as store:
            report = ingest_sources(store, [str(corpus)])
            events = len(store.events())
        wall = time.perf_counter() - started
        cpu = time.process_time() - cpu
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"{size:>7} articles  {size / wall:7.1f} articles/s wall  {size / cpu:7.1f} per CPU-second  "
            f"{events} events  {len(report.errors)} errors  peak RSS {peak:.0f} MB",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    args = parser.parse_args()
    print(f"storyline pipeline benchmark (python {sys.version.split()[0]})")
    for size in args.sizes:
        run(size)


if __name__ == "__main__":
    main()
