"""Quote evaluation on PolNeAR dev (shared data, read by path at run time; skipped without it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.evaluate.quotes import evaluate

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV = SHARED / "datasets" / "polnear" / "dev"


@pytest.mark.slow
@pytest.mark.skipif(not DEV.exists(), reason="shared PolNeAR data not available")
def test_polnear_dev_floor() -> None:
    scores = evaluate(DEV)
    assert scores["gold_quotes"] > 100
    # sane floors well under the measured numbers (see the report): a regression trips them
    assert scores["f1"] >= 0.85
    assert scores["exact_f1"] >= 0.80
    assert scores["speaker_accuracy"] >= 0.80
    assert scores["resolved_speaker_accuracy"] >= 0.75
