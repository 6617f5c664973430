"""Main-text extraction evaluation on the Zyte article-extraction benchmark.

The data (``html/<hash>.html.gz`` and ``ground-truth.json`` ``{hash: {articleBody, url}}``) is read
by path at run time; nothing of it lives in the repository.

The scorer replicates the benchmark's own ``evaluate.py`` (scrapinghub/article-extraction-benchmark)
so that our numbers compare with the published ones:

- tokens are ``\\w+`` matches (Unicode, case kept);
- shingles are token 4-grams counted as a multiset (a text shorter than 4 tokens is one shingle);
- per page, tp/fp/fn are summed over shingles and normalised by their total so long pages do not
  weigh more;
- precision is averaged over pages with tp+fp > 0, recall over pages with tp+fn > 0, and F1 is
  computed from those two averages (not averaged per page).

The baseline is plain ``trafilatura.extract(html, include_comments=False)``, exactly what the
benchmark's ``run_trafilatura.py`` runs.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

_TOKEN = re.compile(r"\w+", re.UNICODE)

TpFpFn = tuple[float, float, float]


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    grams = [tuple(tokens[i : i + n]) for i in range(0, max(1, len(tokens) - n + 1))]
    return Counter(g for g in grams if g)


def shingle_match(true: str, pred: str, n: int = 4) -> TpFpFn:
    """Normalised (tp, fp, fn) of one page: the benchmark's ``string_shingle_matching``."""
    t, p = _shingles(true, n), _shingles(pred, n)
    tp = fp = fn = 0.0
    for key in t.keys() | p.keys():
        tc, pc = t.get(key, 0), p.get(key, 0)
        tp += min(tc, pc)
        fp += max(0, pc - tc)
        fn += max(0, tc - pc)
    s = tp + fp + fn
    if s > 0:
        return tp / s, fp / s, fn / s
    return tp, fp, fn


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def metrics(scores: list[TpFpFn]) -> dict[str, float]:
    """Averaged precision and recall over pages, F1 from the averages (the benchmark's definition)."""
    precision = statistics.mean([_precision(*s) for s in scores if s[0] + s[1] > 0] or [0.0])
    recall = statistics.mean([_recall(*s) for s in scores if s[0] + s[2] > 0] or [0.0])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def load_pages(data: Path) -> Iterator[tuple[str, str, str, str]]:
    """(hash, url, html, true body) for every page of the benchmark folder, sorted by hash."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(truth):
        path = data / "html" / f"{key}.html.gz"
        with gzip.open(path, "rt", encoding="utf-8") as f:
            html = f.read()
        yield key, truth[key].get("url") or "", html, truth[key].get("articleBody") or ""


def storyline_extractor(html: str, url: str, key: str) -> str:
    """Storyline's text stage on one page: ``clean_document`` and its ``Article.text``."""
    from storyline.errors import InputError
    from storyline.model import RawDocument
    from storyline.text.clean import clean_document

    try:
        return clean_document(RawDocument(source=key, html=html)).text
    except InputError:
        return ""


def trafilatura_extractor(html: str, url: str, key: str) -> str:
    """The published baseline: plain trafilatura as the benchmark runs it."""
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


def score(
    data: Path, extractor: Callable[[str, str, str], str]
) -> tuple[dict[str, float], dict[str, TpFpFn]]:
    """Metrics over the folder's pages and the (tp, fp, fn) of each page, for one extractor."""
    per_page: dict[str, TpFpFn] = {}
    for key, url, html, true in load_pages(data):
        per_page[key] = shingle_match(true, extractor(html, url, key))
    return metrics(list(per_page.values())), per_page


def evaluate(data: Path, baseline: bool = True, bootstrap: int = 1000, **options: object) -> dict[str, float]:
    """Shingle precision/recall/F1 of storyline's extraction (and of plain trafilatura if ``baseline``).

    The URL is not passed to either extractor, as in the benchmark. Keys: ``precision``,
    ``recall``, ``f1``, ``pages`` and, with the baseline, ``trafilatura_precision``,
    ``trafilatura_recall``, ``trafilatura_f1`` and ``f1_gain`` / ``f1_gain_ci``: the F1 difference
    and its 95 % half-width from a paired bootstrap over pages (``bootstrap`` resamples, seeded),
    as the benchmark's ``--bootstrap-differences`` does.
    """
    data = Path(data)
    ours, ours_pages = score(data, storyline_extractor)
    result = {**ours, "pages": float(len(ours_pages))}
    if baseline:
        base, base_pages = score(data, trafilatura_extractor)
        result.update({f"trafilatura_{k}": v for k, v in base.items()})
        result["f1_gain"] = ours["f1"] - base["f1"]
        if bootstrap > 1:
            keys = sorted(ours_pages)
            rng = random.Random(0)
            diffs = []
            for _ in range(bootstrap):
                sample = [keys[rng.randrange(len(keys))] for _ in keys]
                ours_f1 = metrics([ours_pages[k] for k in sample])["f1"]
                diffs.append(ours_f1 - metrics([base_pages[k] for k in sample])["f1"])
            result["f1_gain_ci"] = 1.96 * statistics.stdev(diffs)
    return result
