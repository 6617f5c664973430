"""Dedup throughput: shingling + MinHash + LSH query + insert, in memory and on SQLite.

    .venv/bin/python benchmarks/bench_dedup.py --sizes 10000 100000 [--passages] [--long] [--lsh-threshold T]

Corpus: ``storyline.dedup.copygen`` stories (fictional, ~210 words) with 3 medium-strength copies
and 2 hard negatives per story (same topic, same people; follow-ups reusing paragraphs), so half of
all articles are copies and a third look-alikes. The generator writes six topics from one grammar,
so any two of its stories on a topic share far more 4-word phrases than two real stories do; to
give the LSH the background similarity of a real archive, each story group (a story, its copies
and its negatives) gets its own random renaming of half the vocabulary (``--no-diversify`` turns
this off: the worst case, every article resembling a sixth of the corpus).
Articles are processed in batches of 1,000 (one transaction each on SQLite, the way the store adds
articles); the timing excludes corpus generation. Each (size, backend) runs in its own process.
Throughput is given per wall-clock second and per CPU-second of the process (the per-core figure,
robust to a machine shared with other jobs). Peak memory is the process's maximum RSS
(``resource.getrusage``), with the part added while indexing (above the RSS the corpus already
took). tracemalloc is not used: it slows allocation-heavy Python 2-3x.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from storyline.dedup.copygen import GenArticle, generate
from storyline.dedup.minhash import MemoryCopyIndex, find_copies, lsh_params
from storyline.dedup.passages import MemoryPassageIndex, find_reused_passages
from storyline.model import Article
from storyline.settings import dedup as settings
from storyline.store.dedup import SqliteCopyIndex, SqlitePassageIndex

MIGRATION = Path(__file__).resolve().parents[1] / "storyline" / "store" / "migrations" / "0002_dedup.sql"
BATCH = 1000


_WORD = re.compile(r"[A-Za-z]+")
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]


def _renamed(group: str, word: str) -> str:
    """Half the words, chosen per group by a stable hash, become an invented word."""
    h = zlib.crc32(f"{group}\x1f{word.lower()}".encode())
    if h & 1:
        return word
    h >>= 1
    out = []
    for _ in range(2 + h % 3):
        h //= 3
        out.append(_SYLLABLES[h % len(_SYLLABLES)])
        h //= len(_SYLLABLES)
    return "".join(out)


def _diversify(docs: list[GenArticle]) -> None:
    """Rename half the vocabulary per story group, the same way for the whole group."""
    for d in docs:
        group = re.match(r"s\d+", d.id).group()  # type: ignore[union-attr]
        d.text = _WORD.sub(lambda m, g=group: _renamed(g, m.group()), d.text)


def corpus(size: int, seed: int = 1, diversify: bool = True, extra: int = 0) -> list[Article]:
    docs = generate(
        stories=size // 6 + 1, copies_per_story=3, strength="medium", seed=seed, extra_sentences=extra
    )
    docs = docs[:size]
    if diversify:
        _diversify(docs)
    return [
        Article(id=d.id, source="bench", text=d.text, title=d.title, published=d.published, seq=d.seq)
        for d in docs
    ]


def run(
    articles: list[Article], backend: str, passages: bool, lsh_threshold: float, cache_kib: int = 131072
) -> dict[str, float]:
    params = lsh_params(threshold=lsh_threshold)
    conn = None
    db_path = None
    if backend == "sqlite":
        fd, db_path = tempfile.mkstemp(suffix=".db")
        os.close(fd)
        conn = sqlite3.connect(db_path, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        # 128 MB page cache: the band index of 100k articles is ~100 MB of random-key B-tree
        conn.execute(f"PRAGMA cache_size=-{cache_kib}")
        conn.executescript(MIGRATION.read_text())
        index = SqliteCopyIndex(conn, params)
        pindex = SqlitePassageIndex(conn)
    else:
        index = MemoryCopyIndex(params)
        pindex = MemoryPassageIndex()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
    final: dict[str, str | None] = {}
    t0, c0 = time.perf_counter(), time.process_time()
    for i in range(0, len(articles), BATCH):
        batch = articles[i : i + BATCH]
        if conn is not None:
            conn.execute("BEGIN")
        result = find_copies(batch, index)
        if passages:
            find_reused_passages(batch, pindex)
        if conn is not None:
            conn.execute("COMMIT")
        final.update(result)  # includes earlier articles re-pointed to an original that came late
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    size_mb = 0.0
    if conn is not None and db_path is not None:
        conn.close()
        size_mb = os.path.getsize(db_path) / 1e6
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db_path + suffix):
                os.unlink(db_path + suffix)
    return {
        "articles_per_s": len(articles) / elapsed,
        "articles_per_cpu_s": len(articles) / cpu,
        "seconds": elapsed,
        "copies": sum(v is not None for v in final.values()),
        "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3,
        "index_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3 - rss_before,
        "db_mb": size_mb,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--backends", nargs="+", default=["memory", "sqlite"])
    parser.add_argument("--passages", action="store_true", help="also index and resolve reused passages")
    parser.add_argument("--no-diversify", action="store_true", help="keep the generator's six-topic overlap")
    parser.add_argument("--lsh-threshold", type=float, default=settings.LSH_THRESHOLD)
    parser.add_argument("--long", action="store_true", help="~600-word articles instead of ~210")
    parser.add_argument("--cache-kib", type=int, default=131072, help="SQLite page cache (KiB)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:  # one size, one backend, in a fresh process: print the result as JSON
        articles = corpus(args.sizes[0], diversify=not args.no_diversify, extra=20 if args.long else 0)
        words = sum(len(a.text.split()) for a in articles) / len(articles)
        result = run(articles, args.backends[0], args.passages, args.lsh_threshold, args.cache_kib)
        print(json.dumps(dict(result, words=words)))
        return
    params = lsh_params(threshold=args.lsh_threshold)
    print(
        f"shingle_words={params.shingle_words} num_perm={params.num_perm} bands={params.bands} "
        f"rows={params.rows} diversify={not args.no_diversify}"
    )
    for size in args.sizes:
        for backend in args.backends:
            cmd = [sys.executable, __file__, "--child", "--sizes", str(size), "--backends", backend,
                   "--lsh-threshold", str(args.lsh_threshold), "--cache-kib", str(args.cache_kib)]
            cmd += ["--passages"] * args.passages + ["--long"] * args.long
            cmd += ["--no-diversify"] * args.no_diversify
            r = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
            print(
                f"{backend:6s} n={size:>7d} passages={'yes' if args.passages else 'no '} "
                f"{r['articles_per_s']:6.0f} articles/s wall, {r['articles_per_cpu_s']:6.0f} per CPU-second "
                f"({r['seconds']:.1f}s, {r['copies']} copies, "
                f"{r['words']:.0f} words/article)  peak RSS {r['max_rss_mb']:.0f} MB, "
                f"of which indexing {r['index_rss_mb']:.0f} MB"
                + (f"  db {r['db_mb']:.0f} MB" if backend == "sqlite" else ""),
                flush=True,
            )


if __name__ == "__main__":
    main()
