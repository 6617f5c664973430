"""Publication order and which dates the time-aware stages may trust."""

from __future__ import annotations

from storyline.analyze.timeline import build_timeline
from storyline.dates import known_publication_date, publication_key, with_known_dates
from storyline.model import Article


def test_publication_order_is_utc_with_bare_dates_after_timed_ones_and_undated_last() -> None:
    printed = [
        "2026-03-03",
        "2026-03-03T10:30:00+01:00",
        None,
        "2026-03-02T23:59:00-05:00",
        "2026-03-03T07:15:00",
    ]
    assert sorted(printed, key=publication_key) == [
        "2026-03-02T23:59:00-05:00",  # 04:59 UTC on the 3rd
        "2026-03-03T07:15:00",
        "2026-03-03T10:30:00+01:00",  # 09:30 UTC
        "2026-03-03",  # time unknown: cannot claim to be first that day
        None,
    ]


def test_a_file_time_is_not_a_publication_date() -> None:
    saved = Article(
        id="a", source="a.txt", text="x", published="2026-11-25T01:50:40+00:00", date_source="file"
    )
    printed = Article(id="b", source="b.txt", text="x", published="2026-03-03", date_source="text")
    assert known_publication_date(saved) is None
    assert known_publication_date(printed) == "2026-03-03"
    assert [a.published for a in with_known_dates([saved, printed])] == [None, "2026-03-03"]
    assert saved.published, "the article itself keeps what was stored"


def test_timelines_ignore_file_times() -> None:
    body = (
        "Dockworkers at Porthaven walked off the job over an automation plan, halting traffic at the port "
        "for the first time in a decade, union officials said."
    )
    saved = Article(
        id="a", source="a.txt", text=body, published="2026-11-25T01:50:40+00:00", date_source="file"
    )
    assert build_timeline([saved]) == []
    dated = Article(id="b", source="b.txt", text=body, published="2026-03-03", date_source="text")
    assert [e.date for e in build_timeline([dated])] == ["2026-03-03"]


def test_a_file_time_cannot_make_a_copy_the_original() -> None:
    from storyline.dedup.minhash import MemoryCopyIndex, find_copies

    body = " ".join(
        f"Dockworkers at Porthaven stayed off the job for a {n} day as ships waited offshore and the union "
        "and the port authority traded blame over an automation plan." for n in ("first", "second", "third")
    )
    wire = Article(id="wire", source="w", text=body, published="2026-03-03T09:00:00", date_source="metadata", seq=2)
    saved = Article(id="saved", source="s.txt", text=body, published="2026-03-01T00:00:00", date_source="file", seq=1)
    verdicts = find_copies([saved, wire], MemoryCopyIndex())
    assert verdicts["saved"] == "wire" and verdicts["wire"] is None
