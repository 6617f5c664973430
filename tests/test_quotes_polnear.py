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
    # floors about two points under the measured numbers (README: 0.947 / 0.938 / 0.928 / 0.902),
    # so a regression of a few dozen quotes trips them
    assert scores["f1"] >= 0.93
    assert scores["exact_f1"] >= 0.92
    assert scores["speaker_accuracy"] >= 0.905
    assert scores["resolved_speaker_accuracy"] >= 0.88
