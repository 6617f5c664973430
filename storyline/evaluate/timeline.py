"""Timeline evaluation on Timeline17 (news-tls layout): date F1 and alignment-based ROUGE-1/2 F.

``evaluate(Path("../shared/datasets/timeline17"))`` builds one timeline per topic folder from its
``articles.jsonl`` with ``storyline.analyze.timeline.build_timeline`` and scores it against
``timelines.jsonl`` with the metrics of the ``tilse`` package (Martschat & Markert 2017): date F1 and
the ``align_date_costs`` ROUGE variant (plus ``concat`` and ``agreement``). As in news-tls (Ghalandari &
Ifrim 2020), the system is told the number of dates and the mean sentences per date of the gold
timeline, and (``clip=True``) the gold timeline's first and last date.

``tilse``'s ROUGE uses the original ROUGE-1.5.5 Perl script when Perl's XML::Parser is installed
(Debian: ``libxml-parser-perl``); otherwise (or with ``rouge="reimpl"``) tilse's own Python
re-implementation, which it documents as close but not identical. The dataset is read by path at run
time only; nothing from it is stored.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from storyline.analyze.timeline import build_timeline
from storyline.model import Article

# Topics the analyze settings were tuned on; the rest are held out (reported separately).
TUNE_TOPICS = ("H1N1_bbc", "H1N1_guardian")


def load_topic(folder: Path) -> tuple[list[Article], list[list[tuple[str, list[str]]]], list[str]]:
    """Articles, gold timelines and keywords of one topic folder."""
    articles = []
    with (folder / "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                r = json.loads(line)
                articles.append(
                    Article(
                        id=str(r["id"]),
                        source=str(folder / r["id"]),
                        text=r["text"],
                        published=r["time"][:10],
                        date_source="metadata",
                    )
                )
    gold = []
    with (folder / "timelines.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                gold.append([(d[:10], [s.strip() for s in sents]) for d, sents in json.loads(line)])
    kw_path = folder / "keywords.json"
    keywords = json.loads(kw_path.read_text()) if kw_path.exists() else []
    return articles, gold, keywords


def _rouge_evaluator(mode: str) -> tuple[Any, str]:
    from tilse.evaluation import rouge

    if mode in ("auto", "original"):
        try:
            ev = rouge.TimelineRougeEvaluator(measures={"rouge_1", "rouge_2"}, rouge_computation="original")
            from tilse.data import timelines

            probe = timelines.Timeline({dt.date(2000, 1, 1): ["the earthquake struck the island ."]})
            ev.evaluate_concat(probe, timelines.GroundTruth([probe]))
            return ev, "original"
        except Exception:
            if mode == "original":
                raise
    return rouge.TimelineRougeEvaluator(measures={"rouge_1", "rouge_2"}, rouge_computation="reimpl"), "reimpl"


def predict(
    articles: list[Article],
    gold: list[list[tuple[str, list[str]]]],
    keywords: list[str],
    clip: bool = True,
    **options: Any,
) -> dict[str, list[str]]:
    """Our timeline for one topic, sized like the gold (dates, mean sentences per date)."""
    ref = gold[0]
    n_dates = max(1, round(sum(len(tl) for tl in gold) / len(gold)))
    per_date = max(1, round(sum(len(s) for tl in gold for _, s in tl) / max(1, sum(len(tl) for tl in gold))))
    if clip:
        first = min(d for tl in gold for d, _ in tl)
        last = max(d for tl in gold for d, _ in tl)
        options.setdefault("date_range", (first, last))
    date_range = options.pop("date_range", None)
    entries = build_timeline(
        articles,
        per_date=per_date,
        max_dates=None if date_range else n_dates,
        include_months=False,
        keywords=keywords,
        **options,
    )
    out: dict[str, list[str]] = {}
    if date_range:
        entries = [e for e in entries if date_range[0] <= e.date <= date_range[1]]
        dates = _top_dates(entries, n_dates)
        entries = [e for e in entries if e.date in dates]
    for e in entries:
        out.setdefault(e.date, []).append(e.text)
    del ref
    return out


def _top_dates(entries: list[Any], n: int) -> set[str]:
    """The ``n`` dates with the most cited sources (entries come grouped by date)."""
    weight: dict[str, int] = {}
    for e in entries:
        weight[e.date] = weight.get(e.date, 0) + len(e.sources)
    return set(sorted(weight, key=lambda d: (-weight[d], d))[:n])


def score_topic(pred: dict[str, list[str]], gold: list[list[tuple[str, list[str]]]], evaluator: Any) -> dict:
    from tilse.data import timelines
    from tilse.evaluation import dates as tdates

    def tl(d: dict[str, list[str]]) -> Any:
        return timelines.Timeline({dt.date.fromisoformat(k): v for k, v in d.items()})

    ground = timelines.GroundTruth([tl(dict(g)) for g in gold])
    if not pred:
        return {
            "date_f1": 0.0,
            "align_r1_f": 0.0,
            "align_r2_f": 0.0,
            "concat_r1_f": 0.0,
            "agreement_r1_f": 0.0,
        }
    p = tl(pred)
    align = evaluator.evaluate_align_date_costs(p, ground)
    concat = evaluator.evaluate_concat(p, ground)
    agree = evaluator.evaluate_agreement(p, ground)
    return {
        "date_f1": tdates.evaluate_dates(p, ground)["f_score"],
        "align_r1_f": align["rouge_1"]["f_score"],
        "align_r2_f": align["rouge_2"]["f_score"],
        "concat_r1_f": concat["rouge_1"]["f_score"],
        "agreement_r1_f": agree["rouge_1"]["f_score"],
    }


def evaluate(data: Path, **options: Any) -> dict[str, float]:
    """Scores per topic (``<topic>/<metric>``), mean over tuned topics (``tuned/…``), over held-out topics
    (``heldout/…``) and over all (``all/…``). Options: ``clip`` (bool, default True), ``rouge``
    ("auto" | "original" | "reimpl"), ``topics`` (list of folder names), and any keyword of
    ``build_timeline``."""
    data = Path(data)
    rouge_mode = options.pop("rouge", "auto")
    topics = options.pop("topics", None) or sorted(
        p.name for p in data.iterdir() if (p / "articles.jsonl").exists()
    )
    clip = options.pop("clip", True)
    evaluator, used = _rouge_evaluator(rouge_mode)
    result: dict[str, float] = {"rouge_original": 1.0 if used == "original" else 0.0}
    per: dict[str, dict[str, float]] = {}
    for topic in topics:
        articles, gold, keywords = load_topic(data / topic)
        pred = predict(articles, gold, keywords, clip=clip, **dict(options))
        per[topic] = score_topic(pred, gold, evaluator)
        for k, v in per[topic].items():
            result[f"{topic}/{k}"] = round(v, 4)
    groups = {
        "tuned": [t for t in topics if t in TUNE_TOPICS],
        "heldout": [t for t in topics if t not in TUNE_TOPICS],
        "all": list(topics),
    }
    for name, members in groups.items():
        if members:
            for k in next(iter(per.values())):
                result[f"{name}/{k}"] = round(sum(per[t][k] for t in members) / len(members), 4)
    return result


if __name__ == "__main__":
    import sys

    path = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else Path(__file__).resolve().parents[3] / "shared/datasets/timeline17"
    )
    for key, value in evaluate(path).items():
        print(f"{key}\t{value}")
