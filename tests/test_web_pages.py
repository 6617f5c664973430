"""Server-rendered pages over a small fictional database: what a reader sees, escaping, errors, headers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from test_web_fixture import Q1, Q2, build_db

from storyline.model import Quote
from storyline.web import render
from storyline.web.app import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    return TestClient(create_app(str(build_db(tmp_path_factory.mktemp("webpages") / "web.db"))))


def _text(html: str) -> str:
    """Visible text, roughly: tags dropped, whitespace folded (entities left as they are)."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


PAGES = [
    "/",
    "/search?q=strike",
    "/storylines/sl-eastmere",
    "/events/ev-walkout",
    "/speakers",
    "/speakers/sp-quell",
    "/families/fam-ship",
    "/articles/art-ledger-1",
    "/apidocs",
]


@pytest.mark.parametrize("path", PAGES)
def test_pages_render_with_strict_headers(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "style-src 'self'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    html = response.text
    assert "<script" not in html.lower(), "no script at all, inline or stored"
    assert " style=" not in html, "no inline style (CSP forbids it)"
    assert not re.search(r"(src|href)=\"(https?:)?//", html.replace('href="https://', 'href="X')), (
        "no asset from another origin"
    )


def test_stories_page(client: TestClient) -> None:
    html = client.get("/").text
    text = _text(html)
    assert text.index("Lakeside bridge") < text.index("The Eastmere dock strike"), "newest activity first"
    assert "Dockworkers strike at the Port of Eastmere" in text
    row = re.search(
        r"Dockworkers strike at the Port of Eastmere</a></td>\s*<td class=\"num\">(\d+)</td>\s*"
        r"<td class=\"num\">(\d+)</td>",
        html,
    )
    assert row and row.groups() == ("5", "3"), "article count and independent sources"
    assert "Northgate Courier" in text and "2025-03-03 → 2025-03-04" in text
    assert 'action="/search"' in html


def test_event_page(client: TestClient) -> None:
    html = client.get("/events/ev-walkout").text
    text = _text(html)
    assert "Dockworkers at the Port of Eastmere went on strike on 3 March." in text
    assert 'href="/articles/art-ledger-1"' in html and "[1]" in text
    assert "Dockworkers walk out at dawn." in text  # timeline
    # coverage matrix: the gate-four fact is missing from two outlets
    assert html.count('class="cell missing"') == 2
    assert "The port handles most of the region&#39;s grain exports." in html
    # quotes grouped by speaker, with links to speaker and family pages
    assert 'href="/speakers/sp-quell"' in html and 'href="/families/fam-ship"' in html
    # the copy is folded under its original
    copies = re.search(r"<details class=\"copies\">.*?</details>", html, re.S)
    assert copies and "art-daily-copy" in copies.group(0) and "art-wire-1" not in copies.group(0)
    # opinion score with evidence
    assert "0.82" in text and "Frankly, the management&#39;s arrogance" in html


def test_event_whats_new(client: TestClient) -> None:
    html = client.get("/events/ev-walkout", params={"since": "2025-03-04"}).text
    section = re.search(r'<section id="whats-new">.*?</section>', html, re.S).group(0)
    assert "Opinion: the port brought this on itself" in section or "since 2025-03-04" in section
    assert "Eastmere strike begins" not in section, "older articles are not new"
    bad = client.get("/events/ev-walkout", params={"since": "yesterday-ish"})
    assert bad.status_code == 422 and "ISO 8601" in bad.text


def test_storyline_page_draws_svg_chart(client: TestClient) -> None:
    html = client.get("/storylines/sl-eastmere").text
    svg = re.search(r"<svg class=\"timeline-chart\".*?</svg>", html, re.S).group(0)
    assert svg.count("<rect") == 2
    assert 'href="/events/ev-walkout"' in svg and 'href="/events/ev-talks"' in svg
    assert "Mar 2025" in svg
    assert "Marta Quell" in _text(html)  # speakers over time grid


def test_speaker_page(client: TestClient) -> None:
    html = client.get("/speakers/sp-quell").text
    text = _text(html)
    assert "Marta Quell" in text and "the union leader" in text
    assert "Eastmere Dockworkers Union president" in text and "2025-03-03" in text and "2025-04-10" in text
    assert text.count("first seen") >= 3  # legend + one per family
    assert 'class="variant altered"' in html
    assert 'href="/families/fam-ship"' in html and 'href="/families/fam-idle"' in html


def test_family_page_marks_differences(client: TestClient) -> None:
    html = client.get("/families/fam-ship").text
    assert html.count('<article class="appearance ') == 4
    assert "<ins>owes</ins>" in html and "<del>promised</del>" in html
    assert Q1.split()[0] in html


def test_article_page_highlights_and_boilerplate(client: TestClient) -> None:
    html = client.get("/articles/art-ledger-1").text
    assert html.count("data-quote=") == 2
    assert 'data-quote="q1"' in html
    removed = re.search(r'<details class="removed">.*?</details>', html, re.S).group(0)
    assert "Subscribe to our newsletter" in removed
    assert "&lt;script&gt;" in removed
    revisions = re.search(r'<section id="revisions">.*?</section>', html, re.S).group(0)
    assert "paragraph added: The port said it would respond on Tuesday." in revisions


def test_stored_script_renders_as_text(client: TestClient) -> None:
    for path in (
        "/articles/art-courier-bridge",
        "/",
        "/events/ev-bridge",
        "/storylines/sl-bridge",
        "/search?q=bridge",
    ):
        html = client.get(path).text
        assert "<script>" not in html, path
        assert "&lt;script&gt;alert(" in html, path


def test_search_page(client: TestClient) -> None:
    html = client.get("/search", params={"q": "grain"}).text
    assert "1 article match" in _text(html)
    assert "<mark>grain</mark>" in html
    assert client.get("/search", params={"q": "<b>zzz</b>"}).status_code == 200
    assert "&lt;b&gt;zzz&lt;/b&gt;" in client.get("/search", params={"q": "<b>zzz</b>"}).text


@pytest.mark.parametrize(
    "path",
    [
        "/events/nope",
        "/articles/nope",
        "/speakers/nope",
        "/families/nope",
        "/storylines/nope",
        "/no/such/page",
    ],
)
def test_unknown_pages_are_404_pages(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "404" in response.text and "Back to the stories" in response.text


def test_bad_page_number_is_422_page(client: TestClient) -> None:
    response = client.get("/", params={"page": "zero"})
    assert response.status_code == 422 and "page" in response.text


def test_static_assets_are_served(client: TestClient) -> None:
    css = client.get("/static/style.css")
    assert css.status_code == 200 and "text/css" in css.headers["content-type"]
    assert client.get("/static/favicon.svg").status_code == 200


def test_not_a_database(tmp_path: Path) -> None:
    from storyline.errors import StorylineError

    with pytest.raises(StorylineError):
        create_app(str(tmp_path / "missing.db"))


# -- pure render helpers ---------------------------------------------------------------------------
def test_paragraph_segments_marks_quotes_and_passages() -> None:
    text = 'First one here.\n\nHe said "hello there" to all. Then more.'
    start = text.index("hello there")
    quote = Quote(id="q", article="a", text="hello there", start=start, end=start + 11)
    passages = [
        {"start": text.index("Then"), "end": len(text), "origin": "b"},
        {"start": 0, "end": 5, "origin": None},
        {"start": 50, "end": 999, "origin": "c"},
    ]
    paras = render.paragraph_segments(text, [quote], passages)
    assert [len(p.segments) for p in paras] == [1, 4]
    second = paras[1].segments
    assert second[1].quote is quote and second[1].text == "hello there"
    assert second[3].origin == "b" and second[3].text == "Then more."
    assert "".join(s.text for s in second) == text.split("\n\n")[1]


def test_word_diff() -> None:
    tokens = render.word_diff("We won\u2019t pay what we owe", "We won't pay what we promised today")
    ops = [(t.op, t.text) for t in tokens]
    assert ("norm", "won't") in ops
    assert ("del", "owe") in ops and ("ins", "promised") in ops and ("ins", "today") in ops
    assert all(op == "same" for op, _ in ops[:1])


def test_parse_since() -> None:
    assert render.parse_since("2025-03-01") == "2025-03-01"
    assert render.parse_since("2025-03-01T10:00:00Z").startswith("2025-03-01T10:00:00")
    assert render.parse_since("") is None
    with pytest.raises(render.BadDate):
        render.parse_since("03/01/2025")


def test_timeline_chart_geometry() -> None:
    from storyline.model import Event

    events = [
        Event(id="a", title="A", articles=[], start="2025-01-01", end="2025-01-10"),
        Event(id="b", title="B", articles=[], start="2025-03-01", end="2025-03-01"),
        Event(id="c", title="undated", articles=[]),
    ]
    chart = render.timeline_chart(events, {})
    assert [r["id"] for r in chart["rows"]] == ["a", "b"]
    first, last = chart["rows"]
    assert first["x"] < last["x"] and last["x"] + last["w"] <= chart["width"]
    assert [t["label"] for t in chart["ticks"]] == ["Jan 2025", "Feb 2025", "Mar 2025"]


def test_speaker_heat_levels() -> None:
    grid = render.heat_grid([("s1", "2025-01", 4), ("s1", "2025-02", 1), ("s2", "2025-02", 2)], top=5)
    assert grid["months"] == ["2025-01", "2025-02"]
    assert grid["rows"][0]["speaker"] == "s1"
    assert [c["level"] for c in grid["rows"][0]["cells"]] == [4, 1]


def test_quotes_reach_the_page_verbatim(client: TestClient) -> None:
    html = client.get("/events/ev-talks").text
    assert Q2 in html


def test_events_without_a_storyline_are_listed(tmp_path: Path) -> None:
    from storyline.model import Event
    from storyline.store.sqlite import Store

    db = build_db(tmp_path / "orphan.db")
    with Store(db) as store, store.transaction():
        store.save_event(Event(id="ev-lonely", title="Ferry timetable changes", articles=[], storyline="",
                               start="2025-06-01", end="2025-06-01"))
    html = TestClient(create_app(str(db))).get("/").text
    section = html[html.index("Events not yet in a storyline"):]
    assert 'href="/events/ev-lonely"' in section


def test_reused_passages_link_to_their_origin(client: TestClient) -> None:
    pytest.importorskip("storyline.store.dedup")
    html = client.get("/articles/art-daily-copy").text
    assert 'class="reused"' in html and 'class="quote reused"' in html
    assert 'class="origin" href="/articles/art-wire-1"' in html
    assert "first printed in Valley Wire" in html
    original = client.get("/articles/art-wire-1").text
    assert 'class="origin"' not in original
