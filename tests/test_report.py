"""The HTML report: one self-contained, escaped page with summary, chart, matrix, quotes and opinions."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from storyline.analyze.event import analyze_event, analyze_storyline
from storyline.analyze.framing import apply_opinion
from storyline.analyze.report import render_report, timeline_chart
from storyline.model import Article, Event, Quote, Speaker, Storyline, TimelineEntry

FIXTURE = Path(__file__).parent / "fixtures" / "analyze" / "crane_event.json"


def _inputs() -> tuple[list[Article], list[Quote]]:
    arts = [apply_opinion(Article(**a)) for a in json.loads(FIXTURE.read_text(encoding="utf-8"))["articles"]]
    quotes = []
    for a in arts:
        for m in re.finditer(r"\u201c([^\u201d]*)\u201d", a.text):
            fam = "f-safety" if m.group(1).startswith("Safety") else f"f-{m.group(1)[:8]}"
            quotes.append(
                Quote(
                    id=f"q-{a.id}-{m.start(1)}",
                    article=a.id,
                    text=m.group(1),
                    start=m.start(1),
                    end=m.end(1),
                    family=fam,
                    speaker="sp-pell" if fam == "f-safety" else "sp-forde",
                )
            )
    return arts, quotes


@pytest.fixture(scope="module")
def page() -> str:
    arts, quotes = _inputs()
    # stored text carrying markup must come out as text
    arts[2] = replace(arts[2], title="<script>alert('x')</script> Twelve hurt", url="javascript:alert(1)")
    ev = analyze_event(
        Event(id="ev1", title="Crane collapse <b>at</b> Port Elsby", articles=[a.id for a in arts]),
        arts,
        quotes,
    )
    story = analyze_storyline(Storyline(id="s1", title="Port Elsby harbour", events=["ev1"]), [ev], arts)
    speakers = [
        Speaker(id="sp-forde", name="Lina Forde", roles=["harbour master"]),
        Speaker(id="sp-pell", name="Aron Pell"),
    ]
    return render_report("Port Elsby & the crane", [ev], [story], arts, quotes, speakers)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_page_is_self_contained_and_escaped(page: str) -> None:
    parser = _Collector()
    parser.feed(page)
    tags = [t for t, _ in parser.tags]
    assert "script" not in tags and "link" not in tags and "iframe" not in tags and "img" not in tags
    for _, attrs in parser.tags:
        for key in ("src", "srcset"):
            assert key not in attrs
        assert not (attrs.get("href") or "").startswith(("http", "javascript:", "//"))
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert "Crane collapse &lt;b&gt;at&lt;/b&gt; Port Elsby" in page
    assert "Port Elsby &amp; the crane" in page
    assert "url(" not in page and "@import" not in page


def test_page_has_every_section(page: str) -> None:
    assert "<svg" in page and "<circle" in page  # the timeline chart, drawn inline
    assert "Coverage: which outlet reports which fact" in page
    assert "Quotes by speaker" in page and "Lina Forde" in page and "harbour master" in page
    assert "We are devastated by what happened this morning," in page
    assert "opinion" in page and "reckless" in page  # the column's score comes with its evidence
    assert "3 independent sources" in page and "1 copy" in page
    assert 'name="viewport"' in page and "@media (max-width" in page and "@media print" in page
    for outlet in ("Elsby Wire Service", "The Coastal Tribune", "Northern Ledger", "The Daily Beacon"):
        assert outlet in page


def test_chart_geometry() -> None:
    entries = [
        TimelineEntry("2026-03-01", "a", ["x"]),
        TimelineEntry("2026-03-01", "b", ["x", "y"]),
        TimelineEntry("2026-03-11", "c", ["x"]),
        TimelineEntry("2026-04", "d", ["z"]),
    ]
    chart = timeline_chart(entries, width=400, height=100)
    xs = [p.x for p in chart.points]
    assert xs[0] == xs[1] < xs[2] < xs[3] <= 400
    assert chart.points[1].y < chart.points[0].y  # stacked above
    assert chart.points[1].r > chart.points[0].r  # more sources, bigger marker
    assert timeline_chart([]).points == []
