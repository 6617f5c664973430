"""The whole pipeline on the demo corpus, scored against its hand-written labels (storyline/demo/labels.json)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from storyline.demo import labels
from storyline.evaluate.clustering import scores
from storyline.model import Article
from storyline.store.sqlite import Store
from storyline.text.normalize import normalize_for_match


@pytest.fixture(scope="module")
def demo(demo_db: Path) -> tuple[Store, dict[str, Article], dict[str, dict]]:
    store = Store(demo_db)
    gold = labels()
    articles = store.articles()
    by_url = {a.url: a for a in articles if a.url}
    by_file = {Path(a.source).name: a for a in articles}
    labelled = {}
    for url, label in gold.items():
        article = by_url.get(url) or by_file.get(Path(label.get("file", "")).name)
        if article is not None:
            labelled[article.id] = label
    yield store, {a.id: a for a in articles}, labelled
    store.close()


def test_every_labelled_article_is_stored(demo) -> None:
    _, articles, labelled = demo
    assert len(labelled) == len(labels()) == len(articles)


def test_wire_copies_point_at_the_wire_original(demo) -> None:
    _, articles, labelled = demo
    url_of = {a.id: a.url for a in articles.values()}
    predicted = {i: url_of.get(articles[i].copy_of) if articles[i].copy_of else None for i in labelled}
    expected = {i: label.get("copy_of") for i, label in labelled.items()}
    assert predicted == expected


def test_events_and_storylines_match_the_labels(demo) -> None:
    store, articles, labelled = demo
    storyline_of_event = {e.id: e.storyline for e in store.events()}
    events = scores(
        {i: lab["event"] for i, lab in labelled.items()}, {i: articles[i].event for i in labelled}
    )
    # measured: word-space model 0.984 (precision 1.0); with the embedding model (multilingual extra)
    # 0.969, precision 1.0: it is stricter, and local-angle follow-ups (an air base training gunners,
    # patrol ships for the port, an editorial) can open events of their own
    assert events["bcubed_f1"] >= 0.94 and events["bcubed_precision"] >= 0.98, events
    storylines = scores(
        {i: lab["storyline"] for i, lab in labelled.items()},
        {i: storyline_of_event[articles[i].event] for i in labelled},
    )
    assert storylines["bcubed_f1"] >= 0.95, storylines


def _same_person(gold: str, predicted: str | None) -> bool:
    if not predicted:
        return False
    g, p = normalize_for_match(gold), normalize_for_match(predicted)
    return g == p or g.split()[-1] == p.split()[-1]


def test_direct_quotes_are_found_with_their_speakers(demo) -> None:
    store, _, labelled = demo
    speakers = {s.id: s for s in store.speakers()}
    by_article = defaultdict(list)
    for q in store.quotes():
        by_article[q.article].append(q)
    gold_total = found = right = 0
    for article_id, label in labelled.items():
        for gold in label["quotes"]:
            if gold.get("kind") == "partial":
                continue
            gold_total += 1
            words = normalize_for_match(gold["text"]).strip(' ,."')
            hits = [
                q
                for q in by_article[article_id]
                if words in normalize_for_match(q.text) or normalize_for_match(q.text).strip(' ,."') in words
            ]
            if not hits:
                continue
            found += 1
            quote = max(hits, key=lambda q: len(q.text))
            name = speakers[quote.speaker].name if quote.speaker in speakers else quote.speaker_name
            right += _same_person(gold["speaker"], name)
    assert found / gold_total >= 0.95, (found, gold_total)
    assert right / found >= 0.90, (right, found)


def test_opinion_pieces_score_above_reports(demo) -> None:
    _, articles, labelled = demo
    agree = sum((articles[i].opinion >= 0.5) == bool(lab["opinion"]) for i, lab in labelled.items())
    assert agree / len(labelled) >= 0.9


def test_the_misquote_is_an_altered_variant(demo) -> None:
    store, _, _ = demo
    altered = [f for f in store.families() if any(a.variant == "altered" for a in f.appearances)]
    assert altered, "the demo prints one quote with a changed word and an insertion"
    assert all(a.diff for f in altered for a in f.appearances if a.variant == "altered")


def test_every_event_has_a_cited_summary(demo) -> None:
    store, articles, _ = demo
    for event in store.events():
        assert event.title
        assert event.summary, event.id
        for sentence in event.summary:
            assert sentence.sources
            assert any(
                sentence.text in articles[s].text or sentence.text in (articles[s].title or "")
                for s in sentence.sources
            ), "extractive: printed by a cited source"
