"""Temporal expressions, timelines with sources, and the Timeline17 evaluation (skipped without the data)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.analyze.temporal import resolve
from storyline.analyze.timeline import build_timeline
from storyline.model import Article

SHARED = Path(__file__).resolve().parents[2] / "shared"
T17 = SHARED / "datasets" / "timeline17"

# 2026-03-12 is a Thursday
PUB = "2026-03-12"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The ministry said on Monday that talks had failed.", ["2026-03-09"]),
        ("The fire started last Friday near the port.", ["2026-03-06"]),
        ("Officials met on Thursday.", ["2026-03-12"]),
        ("The strike will begin on Monday unless a deal is reached.", ["2026-03-16"]),
        ("She will travel next Tuesday.", ["2026-03-17"]),
        ("The company announced the cuts yesterday.", ["2026-03-11"]),
        ("Voting ends today.", ["2026-03-12"]),
        ("The first case was confirmed on Jan. 20, the agency said.", ["2026-01-20"]),
        ("The talks began on March 3 in Geneva.", ["2026-03-03"]),
        ("The deal was signed on 4 February 2025.", ["2025-02-04"]),
        ("The contract was signed on December 28.", ["2025-12-28"]),  # later in the year -> last year
        ("The report was published on 2026-02-27.", ["2026-02-27"]),
        ("Earlier this month the council approved the plan.", ["2026-03"]),
        ("Sales fell last month.", ["2026-02"]),
        ("The bridge closed in November.", ["2025-11"]),
        ("Nothing is dated here.", []),
    ],
)
def test_resolve(sentence: str, expected: list[str]) -> None:
    assert [m.value for m in resolve(sentence, PUB)] == expected


def test_resolve_ptb_tokens_and_no_date() -> None:
    assert [
        m.value for m in resolve("The outbreak began in Mexico on April 13 , officials said .", "2009-04-30")
    ] == ["2009-04-13"]
    assert resolve("It happened on Monday.", None) == []


def _art(aid: str, outlet: str, published: str, text: str, copy_of: str | None = None) -> Article:
    return Article(
        id=aid, source=f"{aid}.txt", text=text, outlet=outlet, published=published, copy_of=copy_of
    )


def test_timeline_merges_same_fact_same_date_and_cites_all() -> None:
    arts = [
        _art(
            "t1",
            "Valley Post",
            "2026-05-05",
            "Floodwaters breached the Mendel dam on Sunday, forcing 2,000 "
            "people from their homes, officials said.\n\n"
            "The regional governor declared an emergency on Monday.",
        ),
        _art(
            "t2",
            "Hill Gazette",
            "2026-05-06",
            "About 2,000 residents fled their homes when floodwaters broke "
            "through the Mendel dam on Sunday, officials said.\n\n"
            "Repairs will start on Friday, engineers said.",
        ),
        _art(
            "t3",
            "Metro Daily",
            "2026-05-05",
            "Floodwaters breached the Mendel dam on Sunday, forcing 2,000 "
            "people from their homes, officials said.",
            copy_of="t1",
        ),
    ]
    tl = build_timeline(arts)
    by_date: dict[str, list] = {}
    for e in tl:
        by_date.setdefault(e.date, []).append(e)
    assert list(by_date) == sorted(by_date)
    dam = by_date["2026-05-03"]
    assert len(dam) == 1 and dam[0].sources == ["t1", "t2", "t3"]
    assert any("emergency" in e.text for e in by_date["2026-05-04"])
    assert any("Repairs" in e.text for e in by_date["2026-05-08"])


def test_timeline_uses_publication_date_for_undated_leads() -> None:
    arts = [
        _art(
            "u1",
            "Valley Post",
            "2026-05-05",
            "The Mendel city council approved a new flood budget of "
            "nine million.\n\nThe vote was unanimous among the councillors present.",
        )
    ]
    tl = build_timeline(arts)
    assert [e.date for e in tl] == ["2026-05-05"]
    assert tl[0].sources == ["u1"]


def test_timeline_max_dates_keeps_most_referenced() -> None:
    arts = [
        _art(
            f"m{i}",
            f"Outlet {i}",
            f"2026-06-{10 + i:02d}",
            f"Looking back, the summit on June 2 changed the talks, report {i} said.\n\n"
            f"Delegates from {i + 3} countries met again today, observers noted.",
        )
        for i in range(4)
    ]
    tl = build_timeline(arts, max_dates=1)
    assert {e.date for e in tl} == {"2026-06-02"}


@pytest.mark.slow
@pytest.mark.skipif(not T17.exists(), reason="Timeline17 not available (../shared/datasets/timeline17)")
def test_timeline17_one_topic_scores_in_range() -> None:
    pytest.importorskip(
        "tilse", reason="the timeline metrics need the 'eval' extra (pip install -e '.[eval]')"
    )
    from storyline.evaluate.timeline import evaluate

    result = evaluate(T17, topics=["haiti_bbc"], rouge="reimpl", clip=False)
    assert result["haiti_bbc/date_f1"] >= 0.5
    assert result["haiti_bbc/align_r1_f"] >= 0.08
