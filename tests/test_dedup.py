"""Copy detection and passage reuse on fictional articles (outlets, towns and people invented here)."""

# ruff: noqa: E501  (fixture articles keep one paragraph per line)
from __future__ import annotations

import itertools
import random
import time

import pytest

from storyline.dedup import (
    CopyFinder,
    MemoryCopyIndex,
    MemoryPassageIndex,
    find_copies,
    find_reused_passages,
    passages_json,
    reused_share,
)
from storyline.dedup.copygen import generate, make_copy
from storyline.dedup.minhash import containment, signatures
from storyline.dedup.shingle import shingle_hashes
from storyline.evaluate.copies import evaluate
from storyline.model import Article

WIRE = """LOWICK (Meridian Press) \u2014 Ferry crews on the Lowick crossing walked off the job on Tuesday morning, leaving about 900 foot passengers and 140 cars stranded on both sides of the estuary as the morning rush began.

The stoppage was called by the Estuary Seafarers' Guild after the operator, Tidewell Ferries, withdrew an offer to restore the night-shift allowance it cut last winter.

"We gave them every chance to put this right before the summer timetable," said Orla Menhenick, the guild's branch secretary. "They chose to walk away from the table, so our members have chosen to walk off the boats."

Tidewell Ferries said in a statement that the allowance had been replaced by a higher base wage and that the guild's demand would add more than two million crowns to its costs this year.

The company's operations director, Piers Hallowes, told reporters at the terminal that contingency sailings with managers on board could begin by Thursday if the safety inspectorate approved them.

Commuters queued for the only alternative, a bus route around the head of the estuary that adds about seventy minutes to the journey each way.

Shopkeepers on the Lowick side said the first hours of the strike had already emptied the harbour front, which depends on day visitors from the larger town of Ambersham across the water.

The regional transport commissioner, Delphine Straker, urged both sides to accept an offer of mediation from the arbitration service, which said it could convene talks within forty-eight hours.

The crossing carried just over two million passengers last year and is the only direct link between the two towns for about twenty kilometres in either direction.

The guild said further walkouts were planned for the coming weekend unless the allowance was restored in full."""

LOCAL = """Harbour traders in Ambersham told the Gazette they were worried about the weekend market, which draws most of its customers off the morning boats."""

OPINION = """The ferry strike is a symptom of something bigger: a company that treats a public crossing as a private cash machine.

\u201cThey chose to walk away from the table, so our members have chosen to walk off the boats,\u201d the guild\u2019s branch secretary said on Tuesday, and it is hard to disagree with her.

The damage is already visible. SHOPKEEPERS on the Lowick side said the first hours of the strike had already emptied the harbour front,  which depends on day visitors from the larger town of Ambersham across the water.

The crossing carried just over two million passengers last year. It is, as everyone in both towns knows, the only direct link between the two towns for about twenty kilometres in either direction. When it stops, life stops.

Tidewell should restore the allowance and get back to the table. The regional government should ask why a lifeline was ever allowed to run on such thin goodwill."""


def art(id_: str, text: str, published: str | None = "2025-04-01T08:00:00", seq: int = 1, title: str = "") -> Article:
    return Article(id=id_, source="test", text=text, title=title or None, published=published, seq=seq)


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


def light_copy(text: str) -> str:
    """Dateline dropped, curly quotes, the last paragraph trimmed."""
    paras = paragraphs(text)[:-1]
    paras[0] = paras[0].split(" \u2014 ", 1)[1]
    out = "\n\n".join(paras)
    return out.replace(' "', " \u201c").replace('" ', "\u201d ").replace('."', ".\u201d")


def heavy_copy(text: str) -> str:
    """Trimmed to the first six paragraphs, a local paragraph inserted, house-style edits."""
    paras = paragraphs(text)[:6]
    paras.insert(3, LOCAL)
    out = "\n\n".join(paras).replace(" said", " says").replace("about ", "around ")
    return out


# --- copies --------------------------------------------------------------------------------------


def test_wire_copies_point_to_the_original() -> None:
    articles = [
        art("wire", WIRE, "2025-04-01T07:10:00", 3),
        art("gazette", light_copy(WIRE), "2025-04-01T09:00:00", 1, title="Ferry strike strands hundreds"),
        art("courier", heavy_copy(WIRE), "2025-04-01T11:30:00", 2, title="Lowick crossing shut by walkout"),
    ]
    result = find_copies(articles, MemoryCopyIndex())
    assert result == {"wire": None, "gazette": "wire", "courier": "wire"}


def test_a_copy_of_a_copy_points_to_the_original() -> None:
    index = MemoryCopyIndex()
    b_text = light_copy(WIRE)
    c_text = heavy_copy(b_text)
    first = find_copies([art("a", WIRE, "2025-04-01T07:00:00", 1), art("b", b_text, "2025-04-01T08:00:00", 2)], index)
    second = find_copies([art("c", c_text, "2025-04-01T09:00:00", 3)], index)
    assert first["b"] == "a"
    assert second == {"c": "a"}


def test_earliest_by_date_then_ingest_order() -> None:
    same_time = "2025-04-01T07:00:00"
    result = find_copies(
        [art("late-seq", WIRE, same_time, 9), art("early-seq", light_copy(WIRE), same_time, 4)], MemoryCopyIndex()
    )
    assert result == {"early-seq": None, "late-seq": "early-seq"}
    # an undated article never claims to be the original of a dated one
    result = find_copies(
        [art("undated", WIRE, None, 1), art("dated", light_copy(WIRE), "2025-04-02", 2)], MemoryCopyIndex()
    )
    assert result == {"dated": None, "undated": "dated"}


def test_an_original_arriving_late_takes_over_its_copies() -> None:
    index = MemoryCopyIndex()
    first = find_copies(
        [art("copy1", light_copy(WIRE), "2025-04-01T09:00:00", 1), art("copy2", heavy_copy(WIRE), "2025-04-01T10:00:00", 2)],
        index,
    )
    assert first == {"copy1": None, "copy2": "copy1"}
    second = find_copies([art("wire", WIRE, "2025-04-01T07:00:00", 3)], index)
    assert second == {"wire": None, "copy1": "wire", "copy2": "wire"}
    assert sorted(index.members("wire")) == ["copy1", "copy2"]


def test_rerunning_changes_nothing_and_revisions_are_reindexed() -> None:
    index = MemoryCopyIndex()
    articles = [art("wire", WIRE, "2025-04-01T07:00:00", 1), art("gazette", light_copy(WIRE), "2025-04-01T09:00:00", 2)]
    first = find_copies(articles, index)
    assert find_copies(articles, index) == first
    assert len(index) == 2
    # the gazette replaces its copy with its own story: no longer a copy
    revised = art("gazette", OPINION + "\n\n" + LOCAL, "2025-04-01T09:00:00", 2)
    assert find_copies([revised], index) == {"gazette": None}
    assert len(index) == 2


def test_look_alikes_are_not_copies() -> None:
    """Same topic and people, follow-ups reusing two paragraphs, identical headlines: no copy."""
    docs = [d for d in generate(stories=40, copies_per_story=0, negatives_per_story=3, seed=21)]
    articles = [art(d.id, d.text, d.published, d.seq, d.title) for d in docs]
    result = find_copies(articles, MemoryCopyIndex())
    false = {k: v for k, v in result.items() if v is not None}
    assert len(false) <= 1, false  # 160 articles, 120 of them look-alikes of the other 40
    titles = {d.title for d in docs if d.kind == "same_title"}
    assert titles  # the corpus does have identical headlines over different bodies


def test_opinion_lifting_paragraphs_is_not_a_copy() -> None:
    result = find_copies(
        [art("wire", WIRE, "2025-04-01T07:00:00", 1), art("op", OPINION, "2025-04-01T15:00:00", 2)], MemoryCopyIndex()
    )
    assert result == {"wire": None, "op": None}


@pytest.mark.parametrize("text", ["", "   \n\n  ", "Breaking", "Breaking.", "Police said on Monday."])
def test_empty_and_tiny_articles_are_never_copies(text: str) -> None:
    articles = [art(f"a{i}", text, "2025-04-01", i) for i in range(3)]
    result = find_copies(articles, MemoryCopyIndex())
    assert result == {"a0": None, "a1": None, "a2": None}


def test_one_megabyte_article() -> None:
    rng = random.Random(5)
    parts, size = [], 0
    while size < 1_000_000:
        doc = generate(stories=1, copies_per_story=0, negatives_per_story=0, seed=rng.randrange(10**6))[0]
        parts.append(doc.text)
        size += len(doc.text) + 2
    big = "\n\n".join(parts)
    articles = [art("big", big, "2025-04-01T06:00:00", 1), art("wire", WIRE, "2025-04-01T07:00:00", 2)]
    index = MemoryCopyIndex()
    t = time.perf_counter()
    result = find_copies(articles, index)
    assert time.perf_counter() - t < 10
    assert result == {"big": None, "wire": None}
    assert find_copies([art("big-reprint", big + "\n\n" + LOCAL, "2025-04-02", 3)], index) == {"big-reprint": "big"}
    t = time.perf_counter()
    spans = find_reused_passages([articles[0]], MemoryPassageIndex())["big"]
    assert time.perf_counter() - t < 10
    assert spans[-1].end <= len(big)


def test_containment_estimate() -> None:
    # a copy keeping half the original: Jaccard 0.5, containment 1
    assert containment(0.5, later_size=50, earlier_size=100) == pytest.approx(1.0)
    # a long write-through embedding an earlier 50-shingle brief
    assert containment(0.25, later_size=200, earlier_size=50) == pytest.approx(0.25)
    assert containment(0.0, 0, 10) == 0.0


def test_shingles_fold_quotes_case_and_spacing() -> None:
    straight = 'He said "we will not back down" on  Tuesday'
    curly = "He said \u201cWe will NOT back down\u201d on Tuesday"
    assert shingle_hashes(straight, 4).tolist() == shingle_hashes(curly, 4).tolist()
    (sig, size), = signatures([WIRE])
    assert sig is not None and size > 250


def test_generated_copies_are_found_at_every_strength() -> None:
    for strength in ("light", "medium", "heavy"):
        rng = random.Random(3)
        docs = generate(stories=6, copies_per_story=0, negatives_per_story=0, seed=9)
        originals = [art(d.id, d.text, d.published, d.seq) for d in docs]
        copies = []
        for i, d in enumerate(docs):
            _, text = make_copy(d, "port", strength, rng)  # the topic only picks the headline and local lines
            copies.append(art(f"{d.id}-copy", text, "2025-12-31", 100 + i))
        result = find_copies(originals + copies, MemoryCopyIndex())
        found = sum(result[c.id] == c.id.removesuffix("-copy") for c in copies)
        assert found >= (6 if strength != "heavy" else 5), (strength, result)


def test_evaluation_scores_by_edit_strength() -> None:
    scores = evaluate(stories=60, seed=2)
    for strength in ("light", "medium"):
        assert scores[f"{strength}.precision"] >= 0.97
        assert scores[f"{strength}.recall"] >= 0.97
    assert scores["heavy.precision"] >= 0.95
    assert scores["heavy.recall"] >= 0.8


# --- passages ------------------------------------------------------------------------------------


def test_reused_passages_trace_to_the_first_appearance() -> None:
    wire = art("wire", WIRE, "2025-04-01T07:00:00", 1)
    copy = art("gazette", light_copy(WIRE), "2025-04-01T09:00:00", 2)
    op = art("op", OPINION, "2025-04-01T15:00:00", 3)
    index = MemoryPassageIndex()
    result = find_reused_passages([op, copy, wire], index)
    assert all(p.origin is None for p in result["wire"])
    assert reused_share(result["gazette"]) > 0.95
    assert {p.origin for p in result["gazette"]} == {"wire"}

    by_text = {OPINION[p.start : p.end]: p for p in result["op"]}
    quote = next(p for t, p in by_text.items() if t.startswith("\u201cThey chose"))
    # the quote was lifted with curly quotes and a different frame; it first appeared on the wire
    assert quote.origin == "wire"
    assert WIRE[quote.origin_start :].startswith('"They chose to walk away')
    # a sentence lifted with other case and spacing, after a short frame of its own
    lifted = next(p for t, p in by_text.items() if t.startswith("SHOPKEEPERS on the Lowick side"))
    assert lifted.origin == "wire" and WIRE[lifted.origin_start :].startswith("Shopkeepers on the Lowick side")
    # a sentence that only starts like the wire's is the opinion's own
    assert by_text[next(t for t in by_text if t.startswith("The crossing carried"))].origin is None
    own = [OPINION[p.start : p.end] for p in result["op"] if p.origin is None]
    assert any(t.startswith("The ferry strike is a symptom") for t in own)
    assert any(t.startswith("When it stops, life stops.") or "When it stops" in t for t in own)
    # spans tile the text: no overlaps, in order, inside the article
    spans = result["op"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
    assert spans[-1].end <= len(OPINION)


def test_passages_show_late_arrivals_without_reinserting() -> None:
    index = MemoryPassageIndex()
    copy = art("gazette", light_copy(WIRE), "2025-04-01T09:00:00", 1)
    first = find_reused_passages([copy], index)["gazette"]
    assert all(p.origin is None for p in first)
    find_reused_passages([art("wire", WIRE, "2025-04-01T07:00:00", 2)], index)
    again = find_reused_passages([copy], index, insert=False)["gazette"]
    assert {p.origin for p in again} == {"wire"}
    assert passages_json(copy, index)[0] == {
        "start": 0, "end": again[0].end, "origin": "wire", "origin_start": again[0].origin_start
    }


def test_stock_lines_are_not_linked() -> None:
    a = art("a", "The council met on Monday.\n\nHe declined to comment.", "2025-04-01", 1)
    b = art("b", "A different story entirely, about the harbour.\n\nHe declined to comment.", "2025-04-02", 2)
    result = find_reused_passages([a, b], MemoryPassageIndex())
    assert all(p.origin is None for p in result["b"])


def test_copy_finder_one_at_a_time() -> None:
    finder = CopyFinder(MemoryCopyIndex())
    c = art("copy", light_copy(WIRE), "2025-04-01T09:00:00", 1)
    assert finder.add(c) is None
    finder.save_passages(c)
    w = art("wire", WIRE, "2025-04-01T07:00:00", 2)
    assert finder.add(w) is None
    assert finder.take_changes() == {"copy": "wire"}
    assert finder.take_changes() == {}
    finder.save_passages(w)
    assert {p.origin for p in finder.passages(c)} == {"wire"}
    assert all(p.origin is None for p in finder.passages(w))


def test_evaluation_reads_a_written_corpus(tmp_path) -> None:
    from storyline.evaluate.copies import write_corpus

    docs = generate(stories=20, copies_per_story=2, strength="light", seed=8)
    path = tmp_path / "copies.jsonl"
    write_corpus(path, docs)
    scores = evaluate(path)
    assert set(k.split(".")[0] for k in scores) == {"light", "all", "passages"}
    assert scores["light.recall"] == 1.0 and scores["light.precision"] == 1.0
