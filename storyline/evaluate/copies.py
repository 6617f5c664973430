"""Precision and recall of copy detection on generated syndication (``storyline.dedup.copygen``).

Per article, the prediction is its ``copy_of``. A copy counts as found only when it points to its
true original; any ``copy_of`` on a non-copy (a same-topic story, a follow-up reusing background
paragraphs, a different story under an identical headline) or to the wrong original is a false
positive. Scores are given per edit strength (``light``, ``medium``, ``heavy``), each on its own
corpus of originals, copies at that strength and the same kinds of negatives.

    .venv/bin/python -m storyline.evaluate.copies            # default settings
    .venv/bin/python -m storyline.evaluate.copies --sweep    # the threshold sweep behind settings
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from storyline.dedup.copygen import STRENGTHS, GenArticle, generate
from storyline.dedup.minhash import MemoryCopyIndex, find_copies, lsh_params
from storyline.dedup.passages import MemoryPassageIndex, find_reused_passages
from storyline.model import Article
from storyline.settings import dedup as settings


def write_corpus(path: Path, docs: Sequence[GenArticle]) -> None:
    """One JSON object per line: the article fields plus the gold ``kind``/``strength``/``gold_copy_of``."""
    with path.open("w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(asdict(d), ensure_ascii=False) + "\n")


def read_corpus(path: Path) -> list[GenArticle]:
    with path.open(encoding="utf-8") as f:
        return [GenArticle(**json.loads(line)) for line in f if line.strip()]


def score(docs: Sequence[GenArticle], **options: float) -> dict[str, float]:
    """Precision, recall and F1 of ``find_copies`` on one labelled corpus.

    Options: ``threshold`` (containment), ``lsh_threshold``, ``shingle_words``, ``num_perm``.
    """
    params = lsh_params(
        threshold=float(options.get("lsh_threshold", settings.LSH_THRESHOLD)),
        num_perm=int(options.get("num_perm", settings.NUM_PERM)),
        shingle_words=int(options.get("shingle_words", settings.SHINGLE_WORDS)),
    )
    articles = [
        Article(id=d.id, source="copygen", text=d.text, title=d.title, outlet=d.outlet,
                published=d.published, seq=d.seq)
        for d in docs
    ]
    threshold = float(options.get("threshold", settings.COPY_CONTAINMENT))
    predicted = find_copies(articles, MemoryCopyIndex(params), threshold=threshold)
    tp = fp = fn = 0
    for d in docs:
        got = predicted.get(d.id)
        if got is not None and got == d.gold_copy_of:
            tp += 1
        else:
            fp += got is not None
            fn += d.gold_copy_of is not None
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "copies": float(tp + fn),
        "false_copies": float(fp),
    }


def score_passages(
    docs: Sequence[GenArticle], min_words: int = settings.PASSAGE_MIN_WORDS
) -> dict[str, float]:
    """How well reused passages are traced on one labelled corpus.

    ``recall``: share of the paragraphs a follow-up lifted from an earlier story whose text is
    marked as reused from that story (or from an earlier article carrying it). ``false_share``: share
    of the characters of independent same-topic stories (nothing lifted) marked as reused.
    """
    articles = [
        Article(id=d.id, source="copygen", text=d.text, published=d.published, seq=d.seq) for d in docs
    ]
    passages = find_reused_passages(articles, MemoryPassageIndex(), min_words=min_words)
    found = total = 0
    for d in docs:
        if d.kind != "follow_up":
            continue
        for para in d.lifted:
            start = d.text.find(para)
            total += 1
            spans = [p for p in passages[d.id] if p.start < start + len(para) and p.end > start]
            found += bool(spans) and all(p.origin is not None for p in spans)
    marked = chars = 0
    for d in docs:
        if d.kind in ("same_topic", "same_title"):
            chars += len(d.text)
            marked += sum(p.end - p.start for p in passages[d.id] if p.origin is not None)
    return {"recall": found / total if total else 1.0, "false_share": marked / chars if chars else 0.0}


def evaluate(data: Path | None = None, **options: float) -> dict[str, float]:
    """Scores keyed ``<strength>.<metric>`` plus ``all.<metric>``.

    ``data``: a JSONL written by ``write_corpus`` (copies labelled with their strength); None
    generates one corpus per strength (options ``stories``, ``copies_per_story``, ``seed``).
    """
    if data is not None:
        docs = read_corpus(Path(data))
        corpora = {s: [d for d in docs if d.strength in (None, s)] for s in STRENGTHS}
        corpora = {s: c for s, c in corpora.items() if any(d.strength == s for d in c)}
    else:
        corpora = {
            s: generate(
                stories=int(options.get("stories", 200)),
                copies_per_story=int(options.get("copies_per_story", 3)),
                strength=s,
                seed=int(options.get("seed", 11)),
            )
            for s in STRENGTHS
        }
    out: dict[str, float] = {}
    tp = fp = fn = 0.0
    for strength, docs in corpora.items():
        scores = score(docs, **options)
        out.update({f"{strength}.{k}": v for k, v in scores.items()})
        found = scores["recall"] * scores["copies"]
        tp, fp, fn = tp + found, fp + scores["false_copies"], fn + scores["copies"] - found
    out["all.precision"] = tp / (tp + fp) if tp + fp else 1.0
    out["all.recall"] = tp / (tp + fn) if tp + fn else 1.0
    min_words = int(options.get("passage_min_words", settings.PASSAGE_MIN_WORDS))
    passages = score_passages(corpora.get("medium") or next(iter(corpora.values())), min_words)
    out.update({f"passages.{k}": v for k, v in passages.items()})
    return out


def _sweep_passages() -> None:
    docs = generate(stories=150, copies_per_story=3, strength="medium", seed=5)
    for min_words in (4, 6, 8, 10, 12):
        r = score_passages(docs, min_words)
        print(f"passage_min_words={min_words}: recall={r['recall']:.3f} false_share={r['false_share']:.4f}")


def _sweep() -> None:
    for k in (3, 4, 5):
        for lsh in (0.2, 0.3):
            for t in (0.45, 0.5, 0.55, 0.6, 0.65, 0.7):
                r = evaluate(shingle_words=k, lsh_threshold=lsh, threshold=t, stories=150, seed=5)
                print(
                    f"k={k} lsh={lsh} containment={t}: "
                    + " ".join(f"{s}={r[f'{s}.precision']:.3f}/{r[f'{s}.recall']:.3f}" for s in STRENGTHS),
                    flush=True,
                )


if __name__ == "__main__":
    if "--sweep" in sys.argv:
        _sweep_passages()
        _sweep()
    else:
        for key, value in evaluate().items():
            print(f"{key}\t{value:.3f}")
