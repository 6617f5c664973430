"""Web latency at scale: every page and the main API listings against a generated database.

Generates a synthetic corpus straight into a Store (articles with text and FTS, events, storylines,
speakers, quotes, quote families, copies, a few revisions), starts uvicorn on 127.0.0.1 in a separate
process, then runs a bounded load generator (httpx, a fixed number of requests per page, a few
concurrent clients) and prints p50/p95/max latency and requests/second per page, plus the server's
peak resident memory.

    .venv/bin/python benchmarks/bench_web.py --articles 100000 --requests 200 --concurrency 4

The generated database is cached (``--db``, default in the temp dir, keyed by size); ``--rebuild``
makes it again. The corpus is invented: pseudo-words drawn from a Zipf distribution so searches hit
common, middling and rare words.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from storyline.model import (
    Article,
    Event,
    FirstSeen,
    OutletCoverage,
    Quote,
    QuoteAppearance,
    QuoteFamily,
    RoleSpell,
    Speaker,
    Storyline,
    SummarySentence,
    TimelineEntry,
)
from storyline.store.sqlite import Store

SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ren",
    "tu",
    "sa",
    "vor",
    "el",
    "din",
    "qua",
    "bre",
    "po",
    "nis",
    "ta",
    "gor",
    "ul",
]


def vocabulary(rng: random.Random, size: int = 3000) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words, key=lambda w: (len(w), w))


def zipf_weights(n: int) -> list[float]:
    """Cumulative Zipf weights (``random.choices`` would re-accumulate plain weights on every call)."""
    return list(itertools.accumulate(1.0 / (i + 1) for i in range(n)))


def sentence(rng: random.Random, vocab: list[str], weights: list[float], n: int) -> str:
    words = rng.choices(vocab, cum_weights=weights, k=n)
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def day(base: float, offset_days: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(base + offset_days * 86400))


def build(path: Path, n_articles: int, seed: int = 7) -> None:
    """Write the synthetic corpus: ~10 articles per event, ~5 events per storyline, 2 quotes per article."""
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    weights = zipf_weights(len(vocab))
    outlets = [f"The {w.capitalize()} Post" for w in vocab[100:140]]
    n_events = max(1, n_articles // 10)
    n_storylines = max(1, n_events // 5)
    n_speakers = max(1, n_articles // 50)
    base = time.mktime((2023, 1, 1, 0, 0, 0, 0, 0, 0))
    store = Store(path)
    started = time.perf_counter()
    # events are spread over two years; each article falls within a few days of its event's start
    event_day = [rng.uniform(0, 730) for _ in range(n_events)]
    speakers = [
        Speaker(
            id=f"s{i:05d}",
            name=f"{vocab[rng.randrange(300, 900)].capitalize()} "
            f"{vocab[rng.randrange(900, 2000)].capitalize()}",
            aliases=[vocab[rng.randrange(900, 2000)].capitalize()],
            roles=["minister of " + vocab[i % 500]],
            role_history=[
                RoleSpell("minister of " + vocab[i % 500], day(base, 10)[:10], day(base, 700)[:10])
            ],
        )
        for i in range(n_speakers)
    ]
    families: dict[str, QuoteFamily] = {}
    quotes: dict[str, list[Quote]] = {}
    articles: list[Article] = []
    event_articles: dict[int, list[str]] = {}
    for i in range(n_articles):
        ev = rng.randrange(n_events)
        aid = f"a{i:06d}"
        paras = [
            " ".join(sentence(rng, vocab, weights, rng.randint(8, 18)) for _ in range(3)) for _ in range(4)
        ]
        qs: list[Quote] = []
        for k in range(2):
            fam_no = (ev * 3 + k) if rng.random() < 0.7 else rng.randrange(n_events * 3)
            fam_id = f"f{fam_no:07d}"
            speaker = f"s{(fam_no * 7) % n_speakers:05d}"
            words = (
                sentence(rng, vocab, weights, 10)[:-1] if fam_id not in families else families[fam_id].text
            )
            if rng.random() < 0.1:
                words = words + " " + vocab[rng.randrange(len(vocab))]
            para = f"\u201c{words},\u201d said {speakers[int(speaker[1:])].name}."
            start = sum(len(p) + 2 for p in paras) + 1
            paras.append(para)
            qid = f"q{i:06d}{k}"
            qs.append(
                Quote(
                    id=qid,
                    article=aid,
                    text=words,
                    start=start,
                    end=start + len(words),
                    speaker=speaker,
                    speaker_text=speakers[int(speaker[1:])].name,
                    cue="said",
                    family=fam_id,
                )
            )
            if fam_id not in families:
                families[fam_id] = QuoteFamily(
                    id=fam_id, speaker=speaker, text=words, first_seen=FirstSeen(aid, None), appearances=[]
                )
            fam = families[fam_id]
            fam.appearances.append(QuoteAppearance(aid, qid, "exact" if words == fam.text else "altered"))
        text = "\n\n".join(paras)
        published = day(base, event_day[ev] + rng.uniform(0, 4))
        articles.append(
            Article(
                id=aid,
                source=f"https://example.org/{aid}",
                url=f"https://example.org/{aid}",
                text=text,
                title=sentence(rng, vocab, weights, 7)[:-1],
                outlet=rng.choice(outlets),
                published=published,
                date_source="metadata",
                content_hash=hashlib.sha1(text.encode()).hexdigest(),
                removed=["Sign up for our newsletter"],
                event=f"e{ev:06d}",
                opinion=round(rng.random() ** 3, 3),
                opinion_evidence=["frankly"] if rng.random() < 0.2 else [],
            )
        )
        event_articles.setdefault(ev, []).append(aid)
        quotes[aid] = qs
        for fam in (families[q.family] for q in qs):
            if fam.first_seen.article == aid:
                fam.first_seen = FirstSeen(aid, published)
    for chunk_start in range(0, len(articles), 5000):
        chunk = articles[chunk_start : chunk_start + 5000]
        store.add_articles(chunk)
        with store.transaction():
            for article in chunk:
                roots = event_articles[int(article.event[1:])]
                if roots[0] != article.id and rng.random() < 0.2:
                    article.copy_of = roots[0]
                store.replace_quotes(article.id, quotes[article.id])
                store.save_article_results(article)
    # a few revised articles
    revised = []
    for article in articles[: max(1, n_articles // 1000)]:
        article.text += "\n\nThis article was updated."
        article.content_hash = hashlib.sha1(article.text.encode()).hexdigest()
        revised.append(article)
    store.add_articles(revised)
    with store.transaction():
        store.replace_speakers(speakers)
        store.replace_families(list(families.values()))
        for ev in range(n_events):
            ids = event_articles.get(ev, [])
            start = day(base, event_day[ev])[:10]
            end = day(base, event_day[ev] + 4)[:10]
            by_outlet: dict[str, list[str]] = {}
            for aid in ids:
                by_outlet.setdefault(articles[int(aid[1:])].outlet or "", []).append(aid)
            store.save_event(
                Event(
                    id=f"e{ev:06d}",
                    title=sentence(rng, vocab, weights, 6)[:-1],
                    articles=[],
                    storyline=f"l{ev % n_storylines:05d}",
                    start=start,
                    end=end,
                    independent_sources=max(1, len(by_outlet) - 1),
                    summary=[SummarySentence(sentence(rng, vocab, weights, 14), ids[:2]) for _ in range(3)],
                    timeline=[TimelineEntry(start, sentence(rng, vocab, weights, 9), ids[:1])],
                    coverage=[
                        OutletCoverage(o, a, unique_facts=[sentence(rng, vocab, weights, 9)])
                        for o, a in by_outlet.items()
                    ],
                )
            )
        for sl in range(n_storylines):
            days = [event_day[e] for e in range(sl, n_events, n_storylines)]
            store.save_storyline(
                Storyline(
                    id=f"l{sl:05d}",
                    title=sentence(rng, vocab, weights, 5)[:-1],
                    events=[],
                    start=day(base, min(days))[:10],
                    end=day(base, max(days) + 4)[:10],
                )
            )
    store.conn.execute("PRAGMA optimize")
    store.close()
    elapsed = time.perf_counter() - started
    print(
        f"built {n_articles} articles, {n_events} events, {n_storylines} storylines, {n_speakers} speakers, "
        f"{len(families)} quote families in {elapsed:.1f}s ({n_articles / elapsed:.0f} articles/s)"
    )


# Indexes the web layer would like in the store's migrations (measured with --proposed-indexes).
PROPOSED_INDEXES = {
    "events_end": 'CREATE INDEX events_end ON events("end", id)',
    "storylines_end": 'CREATE INDEX storylines_end ON storylines("end", id)',
    "articles_event_cover": (
        "CREATE INDEX articles_event_cover ON articles(event, published, outlet, copy_of)"
    ),
    "speakers_name": "CREATE INDEX speakers_name ON speakers(name, id)",
}


def set_proposed_indexes(db: Path, wanted: bool) -> None:
    with Store(db) as store:
        for name, sql in PROPOSED_INDEXES.items():
            store.conn.execute(f"DROP INDEX IF EXISTS {name}")
            if wanted:
                store.conn.execute(sql)
        store.conn.execute("ANALYZE")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    code = (
        "import uvicorn, sys; from storyline.web.app import create_app; "
        f"uvicorn.run(create_app({str(db)!r}), host='127.0.0.1', port={port}, log_level='warning')"
    )
    proc = subprocess.Popen([sys.executable, "-c", code])
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/static/style.css", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not start")


def peak_rss_mib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def targets(db: Path, rng: random.Random) -> dict[str, list[str]]:
    """URLs per page kind, drawn from the database (each request picks one at random)."""
    with Store(db) as store:
        conn = store.conn

        def ids(sql: str, k: int = 50) -> list[str]:
            return [r[0] for r in conn.execute(sql + f" ORDER BY random() LIMIT {k}")]

        vocab = vocabulary(random.Random(7))
        events = ids("SELECT id FROM events")
        lines = ids("SELECT id FROM storylines")
        speakers = ids("SELECT id FROM speakers")
        families = ids("SELECT id FROM quote_families")
        articles = ids("SELECT id FROM articles")
        last_page = max(1, conn.execute("SELECT count(*) FROM storylines").fetchone()[0] // 20)
    words = [vocab[3], vocab[40], vocab[400], vocab[2500], f"{vocab[10]} {vocab[60]}"]
    return {
        "stories /": ["/"],
        "stories ?page=N": [f"/?page={rng.randint(2, last_page)}" for _ in range(20)],
        "search": [f"/search?q={w.replace(' ', '+')}" for w in words],
        "storyline": [f"/storylines/{i}" for i in lines],
        "event": [f"/events/{i}" for i in events],
        "event ?since=": [f"/events/{i}?since=2024-01-01" for i in events],
        "speakers": ["/speakers", "/speakers?page=3"],
        "speaker": [f"/speakers/{i}" for i in speakers],
        "quote family": [f"/families/{i}" for i in families],
        "article": [f"/articles/{i}" for i in articles],
        "api articles": ["/api/articles", "/api/articles?outlet=The+" + vocab[100].capitalize() + "+Post"],
        "api events": ["/api/events", "/api/events?since=2024-06-01"],
        "api quotes": [f"/api/quotes?speaker={i}" for i in speakers],
        "api search": [f"/api/search?q={w.replace(' ', '+')}" for w in words],
    }


def run_load(
    base: str, urls: list[str], n: int, concurrency: int, rng: random.Random
) -> tuple[list[float], float]:
    picks = [rng.choice(urls) for _ in range(n)]
    latencies: list[float] = []
    with httpx.Client(base_url=base, timeout=30) as client:
        client.get(picks[0])  # warm the connection and the page's code path

        def one(url: str) -> float:
            t0 = time.perf_counter()
            response = client.get(url)
            elapsed = time.perf_counter() - t0
            if response.status_code != 200:
                raise SystemExit(f"{url}: HTTP {response.status_code}")
            return elapsed

        t0 = time.perf_counter()
        with ThreadPoolExecutor(concurrency) as pool:
            latencies = list(pool.map(one, picks))
        wall = time.perf_counter() - t0
    return latencies, n / wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200, help="requests per page kind")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--only", default="", help="comma-separated page kinds to run")
    parser.add_argument(
        "--proposed-indexes", action="store_true", help="add the indexes proposed for the store first"
    )
    args = parser.parse_args()
    db = args.db or Path(tempfile.gettempdir()) / f"storyline-bench-web-{args.articles}.db"
    if args.rebuild or not db.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        build(db, args.articles)
    set_proposed_indexes(db, args.proposed_indexes)
    rng = random.Random(11)
    pages = targets(db, rng)
    port = free_port()
    server = start_server(db, port)
    try:
        print(
            f"\n{args.articles} articles · {args.requests} requests per page · {args.concurrency} clients · "
            f"db {db.stat().st_size / 1e6:.0f} MB · "
            f"proposed indexes {'on' if args.proposed_indexes else 'off'}"
        )
        print(f"{'page':<18}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'req/s':>9}")
        worst = 0.0
        only = {x.strip() for x in args.only.split(",") if x.strip()}
        for name, urls in pages.items():
            if only and name not in only:
                continue
            lat, rps = run_load(f"http://127.0.0.1:{port}", urls, args.requests, args.concurrency, rng)
            lat_ms = sorted(x * 1000 for x in lat)
            p50 = statistics.median(lat_ms)
            p95 = lat_ms[min(len(lat_ms) - 1, int(0.95 * len(lat_ms)))]
            worst = max(worst, p95)
            print(f"{name:<18}{p50:>9.1f}{p95:>9.1f}{lat_ms[-1]:>9.1f}{rps:>9.1f}")
        print(f"worst p95: {worst:.1f} ms · server peak RSS {peak_rss_mib(server.pid):.0f} MiB")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
