"""Speed and memory of the text stage: HTML pages and plain-text articles per second.

    .venv/bin/python benchmarks/bench_extraction.py [--text 500] \
        [--data ../shared/datasets/zyte-article-extraction]

HTML: every page of the Zyte benchmark when its folder is there (real pages, 21 KB - 1.5 MB), else the
fictional fixture pages repeated. Plain text: fictional articles of about 640 words built from the
test fixtures. Peak memory is the process's maximum resident set size (resource.getrusage), and the
peak Python allocation of one pass under tracemalloc (run separately, since tracing slows Python).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from storyline.errors import InputError  # noqa: E402
from storyline.model import RawDocument  # noqa: E402
from storyline.text.clean import clean_document  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
DEFAULT_DATA = ROOT.parent / "shared" / "datasets" / "zyte-article-extraction"


def html_pages(data: Path) -> list[RawDocument]:
    if (data / "html").is_dir():
        pages = []
        for path in sorted((data / "html").glob("*.html.gz")):
            with gzip.open(path, "rt", encoding="utf-8") as f:
                pages.append(RawDocument(source=path.name, html=f.read()))
        return pages
    fixtures = sorted((FIXTURES / "html").glob("*.html"))
    return [RawDocument(source=p.name, html=p.read_text(encoding="utf-8")) for p in fixtures] * 50


def text_articles(n: int) -> list[RawDocument]:
    fixtures = [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "text").glob("*.txt"))]
    docs = []
    for i in range(n):
        base = fixtures[i % len(fixtures)]
        head, _, body = base.partition("\n")
        # ~640 words: the fixture body repeated, each copy numbered so the texts differ
        text = head + "\n" + "\n".join(f"{body.strip()} ({i}-{k})" for k in range(3))
        docs.append(RawDocument(source=f"text-{i}", text=text))
    return docs


def run(docs: list[RawDocument]) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds, articles made, input characters. CPU time is reported too because
    the machine is shared: wall time varies with other load, CPU time much less."""
    made = chars = 0
    start, cpu = time.perf_counter(), time.process_time()
    for doc in docs:
        chars += len(doc.html or doc.text or "")
        try:
            clean_document(doc)
            made += 1
        except InputError:
            pass
    return time.perf_counter() - start, time.process_time() - cpu, made, chars


def traced_peak(docs: list[RawDocument]) -> float:
    tracemalloc.start()
    for doc in docs:
        with contextlib.suppress(InputError):
            clean_document(doc)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--text", type=int, default=500, help="plain-text articles to clean")
    args = parser.parse_args()

    pages = html_pages(args.data)
    clean_document(pages[0])  # warm-up: imports trafilatura, lxml, py3langid
    seconds, cpu, made, chars = run(pages)
    print(
        f"HTML: {len(pages)} pages ({chars / len(pages) / 1024:.0f} KB mean), {made} articles, "
        f"{seconds:.2f} s wall -> {len(pages) / seconds:.1f} pages/s; "
        f"{len(pages) / cpu:.1f} pages per CPU-second"
    )
    texts = text_articles(args.text)
    words = sum(len((d.text or "").split()) for d in texts) / len(texts)
    seconds, cpu, made, chars = run(texts)
    print(
        f"text: {len(texts)} articles (~{words:.0f} words), {seconds:.2f} s wall -> "
        f"{len(texts) / seconds:.1f} articles/s; {len(texts) / cpu:.1f} articles per CPU-second"
    )
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    print(f"peak traced Python allocation, one pass over the HTML pages: {traced_peak(pages):.0f} MB")


if __name__ == "__main__":
    main()
