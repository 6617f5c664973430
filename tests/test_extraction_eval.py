"""The extraction scorer replicates the Zyte benchmark's metric; the full run needs ../shared."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from storyline.evaluate.extraction import evaluate, metrics, shingle_match

SHARED = Path(__file__).resolve().parents[2] / "shared"
ZYTE = SHARED / "datasets" / "zyte-article-extraction"


def test_shingle_match_counts_multiset_4grams() -> None:
    true = "the harbour board met on tuesday to vote"  # 8 tokens -> 5 shingles
    assert shingle_match(true, true) == (1.0, 0.0, 0.0)
    tp, fp, fn = shingle_match(true, "the harbour board met on tuesday")  # 3 shared shingles
    assert (tp, fp, fn) == pytest.approx((3 / 5, 0.0, 2 / 5))
    # repeated text counts twice (a multiset, as in the benchmark)
    tp, fp, fn = shingle_match(true, true + " " + true)
    assert fp > 0
    # tokens are \w+ runs: punctuation does not matter, case does
    assert shingle_match("Rise, of the tide!", "rise of the tide")[0] == 0.0
    assert shingle_match("Rise, of the tide!", "Rise of the tide")[0] == 1.0
    # a text shorter than four tokens is one shingle
    assert shingle_match("two words", "two words") == (1.0, 0.0, 0.0)
    assert shingle_match("", "") == (0.0, 0.0, 0.0)


def test_metrics_average_precision_and_recall_then_f1() -> None:
    m = metrics([(1.0, 0.0, 0.0), (0.5, 0.5, 0.0), (0.0, 0.0, 0.0)])
    # pages with nothing predicted (tp + fp == 0) are left out of precision, as in the benchmark
    assert m["precision"] == pytest.approx((1 + 0.5) / 2)
    assert m["recall"] == pytest.approx(1.0)
    assert m["f1"] == pytest.approx(2 * m["precision"] / (m["precision"] + 1))


def test_evaluate_on_a_tiny_fictional_set(tmp_path: Path) -> None:
    body = " ".join(
        f"Paragraph {i}: the harbour board met again on Tuesday to discuss dredging costs and delays."
        for i in range(8)
    )
    html = (
        "<html><head><title>Harbour board meets</title></head><body><article><h1>Harbour board meets</h1>"
        + "".join(f"<p>{s.strip()}.</p>" for s in body.split(".") if s.strip())
        + "<p>Sign up for our daily newsletter.</p></article></body></html>"
    )
    (tmp_path / "html").mkdir()
    with gzip.open(tmp_path / "html" / "abc.html.gz", "wt", encoding="utf-8") as f:
        f.write(html)
    (tmp_path / "ground-truth.json").write_text(json.dumps({"abc": {"articleBody": body, "url": ""}}))
    result = evaluate(tmp_path, baseline=True)
    assert result["pages"] == 1
    assert result["recall"] == pytest.approx(1.0)
    assert result["precision"] >= result["trafilatura_precision"]


@pytest.mark.slow
@pytest.mark.skipif(not ZYTE.exists(), reason="needs ../shared/datasets/zyte-article-extraction")
def test_storyline_beats_plain_trafilatura_on_zyte() -> None:
    result = evaluate(ZYTE, baseline=True)
    assert result["pages"] == 181
    assert result["f1"] >= result["trafilatura_f1"]
    assert result["f1"] > 0.96
