"""Framing: opinion scores from the author's own voice, checked against a labelled fictional sample."""

from __future__ import annotations

from storyline.analyze.calibrate import agreement, load_sample
from storyline.analyze.framing import opinion_features, score_opinion, score_text
from storyline.model import Article


def test_held_out_agreement_with_labels() -> None:
    rows = load_sample()
    assert len(rows) >= 30
    assert sum(r["label"] for r in rows) * 2 == len(rows)  # half opinion, half report
    held_out = agreement([r for r in rows if r["split"] == "test"])
    assert held_out["accuracy"] >= 0.85
    assert held_out["spearman"] >= 0.6


def test_quoted_loaded_words_do_not_make_a_report_opinion() -> None:
    text = (
        "The minister resigned on Friday, the government said. In her letter she called the inquiry "
        "\u201ca reckless, shameful and absurd smear that I will surely fight\u201d. Prosecutors declined "
        "to comment, a spokesman said."
    )
    score, evidence = score_text(text)
    assert score < 0.5
    assert not any(w in " ".join(evidence) for w in ("reckless", "shameful", "surely"))


def test_column_scores_high_with_evidence_phrases() -> None:
    article = Article(
        id="c1",
        source="s",
        title="The council's cowardly dodge",
        text=(
            "Why does nobody ask what the bridge will really cost? I have watched this council for years. "
            "It is surely trying to bury the bill until after the election.\n\n"
            "This reckless habit should stop."
        ),
    )
    score, evidence = score_opinion(article)
    assert score >= 0.8
    joined = " | ".join(evidence)
    for cue in (
        "cowardly",
        "reckless",
        "surely",
        "I have watched",
        "trying to",
        "should stop",
        "what the bridge will really cost?",
    ):
        assert cue in joined, cue


def test_features_are_rates_between_zero_and_one() -> None:
    rates, _ = opinion_features("We must act. We must act now! Must we? " * 5)
    assert all(0.0 <= v <= 1.0 for v in rates.values())
    assert rates["first_person"] == 1.0 and rates["prescriptive"] == 1.0


def test_straight_report_scores_low() -> None:
    score, evidence = score_text(
        "Police said two people were injured in the crash on Route 9 on Tuesday. The road reopened after "
        "three hours, according to the transport department. The drivers were taken to hospital, a "
        "spokeswoman said."
    )
    assert score < 0.3
    assert evidence == []
