"""Coverage, facts, summaries and what's new on a fictional event: four outlets, one wire copy, one column."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from storyline.analyze.coverage import analyze_coverage, independent_sources
from storyline.analyze.event import analysis_key, analyze_event, analyze_storyline, whats_new
from storyline.analyze.facts import align, copy_roots
from storyline.analyze.framing import apply_opinion
from storyline.analyze.summary import summarize
from storyline.model import Article, Event, Quote, Storyline

FIXTURE = Path(__file__).parent / "fixtures" / "analyze" / "crane_event.json"
FAMILIES = {
    "We are devastated": "fam-devastated",
    "Our first thought": "fam-thought",
    "Safety is not": "fam-safety",
}


def load_articles() -> list[Article]:
    return [Article(**a) for a in json.loads(FIXTURE.read_text(encoding="utf-8"))["articles"]]


def make_quotes(articles: list[Article]) -> list[Quote]:
    out = []
    for a in articles:
        for m in re.finditer(r"\u201c([^\u201d]*)\u201d", a.text):
            fam = next(v for k, v in FAMILIES.items() if m.group(1).startswith(k))
            speaker = "sp-pell" if fam == "fam-safety" else "sp-forde"
            out.append(
                Quote(
                    id=f"q-{a.id}-{m.start(1)}",
                    article=a.id,
                    text=m.group(1),
                    start=m.start(1),
                    end=m.end(1),
                    family=fam,
                    speaker=speaker,
                )
            )
    return out


@pytest.fixture()
def articles() -> list[Article]:
    return [apply_opinion(a) for a in load_articles()]


@pytest.fixture()
def event(articles: list[Article]) -> Event:
    return Event(id="ev-crane", title="Crane collapse at Port Elsby", articles=[a.id for a in articles])


def test_copy_roots_follow_chains() -> None:
    arts = [
        Article("x1", "s", "t"),
        Article("x2", "s", "t", copy_of="x1"),
        Article("x3", "s", "t", copy_of="x2"),
        Article("x4", "s", "t", copy_of="absent"),
    ]
    assert copy_roots(arts) == {"x1": "x1", "x2": "x1", "x3": "x1", "x4": "absent"}


def test_paraphrases_align_as_one_fact_and_copies_do_not_vote(articles: list[Article]) -> None:
    table = align(articles)
    lead = next(f for f in table.facts if any("container crane collapsed" in c.text for c in f.claims))
    # the wire original, its copy and the Ledger's own wording ("Twelve workers were hurt") are one fact
    assert {"a1", "a2", "a3"} <= set(lead.articles)
    assert "a2" not in lead.sources  # the copy carries it but does not vote
    assert lead.support == len(set(lead.sources))
    ship = next(f for f in table.facts if any("60-metre crane fell" in c.text for c in f.claims))
    assert any("crashed onto a cargo vessel" in c.text for c in ship.claims)
    # distinct facts stay apart
    union = next(f for f in table.facts if any("30 years old" in c.text for c in f.claims))
    assert union.articles == ["a3"]


def test_independent_sources_count_origins_not_carriers(articles: list[Article]) -> None:
    # EWS original + Tribune copy = one source; Northern Ledger; Daily Beacon
    assert independent_sources(articles) == 3
    forty = [Article("w0", "s", "x", outlet="Wire", wire="AP")] + [
        Article(f"w{i}", "s", "x", outlet=f"Paper {i}", copy_of="w0") for i in range(1, 41)
    ]
    assert independent_sources(forty) == 1


def test_coverage_per_outlet(articles: list[Article]) -> None:
    quotes = make_quotes(articles)
    cov, n = analyze_coverage(articles, quotes)
    assert n == 3
    by = {c.outlet: c for c in cov}
    assert set(by) == {"Elsby Wire Service", "The Coastal Tribune", "Northern Ledger", "The Daily Beacon"}
    assert by["Northern Ledger"].articles == ["a3", "a5"]
    assert sorted(by["Elsby Wire Service"].quotes) == sorted(q.id for q in quotes if q.article == "a1")
    assert by["The Daily Beacon"].quotes == []
    # the Ledger alone reports the union's claim about the crane's age
    assert any("30 years old" in f for f in by["Northern Ledger"].unique_facts)
    # the column leaves out the injuries that every report carries; the reports miss nothing shared
    assert any("hurt" in f or "injuring" in f for f in by["The Daily Beacon"].missing_facts)
    assert by["Elsby Wire Service"].missing_facts == []
    # a copy carries the wire story's facts, so nothing in it is unique to the wire
    assert by["Elsby Wire Service"].unique_facts == []
    assert by["The Daily Beacon"].opinion >= 0.5 > by["Northern Ledger"].opinion


def test_summary_is_extractive_cited_and_prefers_reports(articles: list[Article]) -> None:
    summary = summarize(articles, max_sentences=5)
    assert 3 <= len(summary) <= 5
    texts = {a.id: a.text for a in articles}
    for s in summary:
        assert s.sources
        assert all(s.text in texts[src] or _aligned(s.text, texts[src]) for src in s.sources)
        assert any(s.text in texts[src] for src in s.sources)  # printed verbatim by a source
        assert "a4" not in s.sources or any(src != "a4" for src in s.sources)
    lead = next(s for s in summary if "hurt" in s.text or "injuring" in s.text)
    assert {"a1", "a2", "a3"} <= set(lead.sources)  # cites every article that reports it, copies too
    assert len({s.text for s in summary}) == len(summary)
    assert summarize(articles, max_sentences=50)  # clamped, not an error
    assert len(summarize(articles, max_sentences=1)) >= 3 or len(align(articles).facts) < 3


def _aligned(sentence: str, text: str) -> bool:
    """A cited article that words the fact differently still shares its key content."""
    return bool(
        {"crane", "Kestrel", "Forde", "Pell", "union"}
        & set(re.findall(r"\w+", sentence))
        & set(re.findall(r"\w+", text))
    )


def test_analyze_event_fills_everything(event: Event, articles: list[Article]) -> None:
    quotes = make_quotes(articles)
    out = analyze_event(event, articles, quotes)
    assert out is not event and event.summary == []
    assert out.independent_sources == 3
    assert 3 <= len(out.summary) <= 7
    assert out.start == "2026-03-09" and out.end == "2026-03-12"
    dates = [e.date for e in out.timeline]
    assert dates == sorted(dates)
    assert "2026-03-06" in dates and "2026-03-09" in dates and "2026-03-16" in dates
    assert len(out.coverage) == 4


def test_analyze_event_scores_unscored_articles_without_mutating(event: Event) -> None:
    raw = load_articles()
    out = analyze_event(event, raw, [])
    assert all(a.opinion == 0.0 for a in raw)
    assert {c.outlet: c.opinion for c in out.coverage}["The Daily Beacon"] >= 0.5


def test_analysis_key_changes_only_with_inputs(event: Event, articles: list[Article]) -> None:
    quotes = make_quotes(articles)
    key = analysis_key(event, articles, quotes)
    assert key == analysis_key(event, list(reversed(articles)), list(reversed(quotes)))
    unrelated = [*articles, Article("zz", "s", "other story")]
    assert key == analysis_key(event, unrelated, quotes)
    revised = [replace(a, text=a.text + "\n\nUpdate.", revision=2) if a.id == "a3" else a for a in articles]
    assert key != analysis_key(event, revised, quotes)
    assert key != analysis_key(replace(event, articles=event.articles[:-1]), articles, quotes)


def test_whats_new_since_date_and_seen(event: Event, articles: list[Article]) -> None:
    quotes = make_quotes(articles)
    new = whats_new(event, articles, quotes, since="2026-03-11")
    texts = [f["text"] for f in new["facts"]]
    assert any("reopened two of the harbour's five berths" in t for t in texts)
    assert not any("cargo" in t for t in texts)
    assert [q["family"] for q in new["quotes"]] == ["fam-safety"]
    everything = whats_new(event, articles, quotes, since="2026-01-01")
    assert {q["family"] for q in everything["quotes"]} == {"fam-devastated", "fam-thought", "fam-safety"}
    seen = whats_new(event, articles, quotes, seen={"a1", "a2", "a3", "a4"})
    assert [q["family"] for q in seen["quotes"]] == ["fam-safety"]


def test_analyze_storyline_spans_its_events(articles: list[Article]) -> None:
    e1 = Event(id="e1", title="Collapse", articles=["a1", "a2", "a3", "a4"])
    e2 = Event(id="e2", title="Strike vote", articles=["a5"])
    story = analyze_storyline(Storyline(id="s1", title="Port Elsby", events=["e1", "e2"]), [e1, e2], articles)
    assert 3 <= len(story.summary) <= 7
    assert story.start == "2026-03-09" and story.end == "2026-03-12"
    cited = {s for e in story.timeline for s in e.sources}
    assert "a5" in cited and "a1" in cited
    assert not any(
        s == "a4" for e in story.timeline for s in e.sources
    )  # commentary is not a timeline source


def test_empty_inputs() -> None:
    assert analyze_coverage([], []) == ([], 0)
    assert summarize([]) == []
    ev = analyze_event(Event(id="e", title="t", articles=["nope"]), [], [])
    assert ev.summary == [] and ev.independent_sources == 0
