"""Calibrate and check the framing score on the labelled sample.

``python -m storyline.analyze.calibrate`` fits a logistic model on the sample's ``train`` rows, prints the
weights to copy into ``storyline/settings/analyze.py``, and the agreement of the *current settings* with
the labels on the held-out ``test`` rows and on all rows (accuracy at 0.5 and Spearman's rho).
The sample is fictional, written for this project: 20 reports and 20 opinion pieces, alternate rows
held out.
"""

from __future__ import annotations

import json
from pathlib import Path

from storyline.analyze.framing import FEATURES, opinion_features, score_features

SAMPLE = Path(__file__).with_name("data") / "framing_sample.jsonl"


def load_sample(path: Path = SAMPLE) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _text(row: dict) -> str:
    return f"{row['title']}.\n\n{row['text']}" if row.get("title") else row["text"]


def agreement(rows: list[dict]) -> dict[str, float]:
    """Accuracy at 0.5, Spearman's rho and ROC AUC between the current score and the 0/1 labels."""
    from scipy.stats import spearmanr

    scores = [score_features(opinion_features(_text(r))[0]) for r in rows]
    labels = [r["label"] for r in rows]
    acc = sum((s >= 0.5) == bool(y) for s, y in zip(scores, labels, strict=False)) / max(1, len(rows))
    rho = float(spearmanr(scores, labels).statistic) if len(set(labels)) > 1 else 0.0
    from sklearn.metrics import roc_auc_score

    auc = float(roc_auc_score(labels, scores)) if len(set(labels)) > 1 else 0.0
    return {"accuracy": round(acc, 3), "spearman": round(rho, 3), "auc": round(auc, 3), "n": len(rows)}


def fit(rows: list[dict], c: float = 1.0) -> tuple[dict[str, float], float]:
    """Logistic regression weights over the feature rates (the features are already on a 0–1 scale)."""
    from sklearn.linear_model import LogisticRegression

    x = [[opinion_features(_text(r))[0][f] for f in FEATURES] for r in rows]
    y = [r["label"] for r in rows]
    model = LogisticRegression(C=c, max_iter=1000).fit(x, y)
    return {f: round(float(w), 2) for f, w in zip(FEATURES, model.coef_[0], strict=False)}, round(
        float(model.intercept_[0]), 2
    )


def main() -> None:
    rows = load_sample()
    train = [r for r in rows if r["split"] == "train"]
    test = [r for r in rows if r["split"] == "test"]
    weights, bias = fit(train, c=10.0)
    print("fitted on train:", json.dumps(weights), "bias", bias)
    print("current settings, train:", agreement(train))
    print("current settings, held-out test:", agreement(test))
    print("current settings, all:", agreement(rows))


if __name__ == "__main__":
    main()
