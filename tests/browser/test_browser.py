"""The web app in a real headless Chromium: what a reader sees and clicks through.

Needs Debian's Chromium (``apt-get install -y chromium``) and the ``playwright`` package; skips
without them. Run with ``pytest -m browser tests/browser``. With ``STORYLINE_SCREENSHOTS=1`` it saves
screenshots of the main pages to ``docs/screenshots/`` for the README.

The database is the bundled demo corpus when the pipeline can build it, else the web tests' own
fictional fixture; the click-through is generic (first story, its first event, a speaker, a quote
family), and the fixture run checks exact content too.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "docs" / "screenshots"
HOSTILE_URL = "https://www.harborledger.example/2026/05/21/bridge-vote"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]

sync_api = pytest.importorskip("playwright.sync_api")
if not Path(CHROMIUM).exists():  # pragma: no cover - depends on the machine
    pytest.skip("Debian chromium is not installed (apt-get install -y chromium)", allow_module_level=True)

sys.path.insert(0, str(ROOT / "tests"))
from test_web_fixture import Q1, build_db  # noqa: E402


def _demo_db(path: Path) -> None:
    """The demo corpus through the real pipeline: what a user sees after `storyline demo`."""
    from storyline.pipeline import ingest_sources
    from storyline.store.sqlite import Store

    hostile = path.parent / "hostile.jsonl"
    hostile.write_text(
        json.dumps(
            {
                "url": HOSTILE_URL,
                "title": "Bridge vote <script>alert('owned')</script>",
                "outlet": "The Harbor Ledger",
                "published": "2026-05-21",
                "text": "Councillors in Porthaven voted on Tuesday to repair the swing bridge over the inner harbour, "
                "after engineers warned that its hinges were failing. <script>alert('owned')</script>\n\n"
                '"We cannot keep closing it every winter," said Councillor Ada Quill, who chairs the works committee.',
            }
        )
        + "\n",
        encoding="utf-8",
    )
    with Store(path) as store:
        report = ingest_sources(store, [str(ROOT / "storyline" / "demo" / "corpus"), str(hostile)])
        assert not report.errors, report.errors
        assert store.storylines() and store.speakers()


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The demo database; STORYLINE_BROWSER_FIXTURE=1 uses the small hand-built fixture instead
    (it holds a hostile article with a <script> title)."""
    folder = tmp_path_factory.mktemp("browser")
    if os.environ.get("STORYLINE_BROWSER_FIXTURE"):
        return build_db(folder / "fixture.db"), "fixture"
    _demo_db(folder / "demo.db")
    return folder / "demo.db", "demo"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(database: tuple[Path, str]) -> Iterator[str]:
    import uvicorn

    from storyline.web.app import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(str(database[0])), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture()
def page(browser: object, server: str) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server)
    pg = context.new_page()
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(str(e)))
    pg.on("requestfailed", lambda r: problems.append(f"failed request {r.url}"))
    pg.problems = problems  # type: ignore[attr-defined]
    yield pg
    context.close()
    assert not problems, f"browser reported: {problems}"


def _shot(pg: object, name: str) -> None:
    if os.environ.get("STORYLINE_SCREENSHOTS") == "1":
        SHOTS.mkdir(parents=True, exist_ok=True)
        pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _no_outside_requests(pg: object, server: str) -> None:
    urls = pg.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    outside = [u for u in urls if not u.startswith(server)]
    assert not outside, f"requests left the app: {outside}"


def test_click_through_story_event_speaker_family(page: object, server: str, database: tuple[Path, str]) -> None:
    pg = page
    pg.goto("/")
    assert pg.title().startswith("Stories")
    assert pg.locator("h1").inner_text() == "Stories"
    stories = pg.locator("section.story h2 a")
    assert stories.count() >= 1
    assert pg.locator("table.events td.num").first.inner_text().isdigit()
    assert pg.locator("link[rel=stylesheet]").count() == 1
    assert pg.evaluate("getComputedStyle(document.querySelector('header.site')).display") == "flex", (
        "the stylesheet is applied (served by the app, allowed by the CSP)"
    )
    _no_outside_requests(pg, server)
    _shot(pg, "stories")

    # story -> event
    pg.locator("a.event-link").first.click()
    pg.wait_for_load_state()
    assert "/events/" in pg.url
    assert pg.locator("h1").inner_text().strip()
    for section in (
        "Summary",
        "Timeline",
        "Coverage by outlet",
        "Quotes by speaker",
        "Articles",
        "Opinion scores",
    ):
        assert pg.get_by_role("heading", name=section).is_visible(), section
    if database[1] == "fixture":
        assert pg.locator("h1").inner_text() == "Lakeside bridge closure <script>alert('owned')</script>"
        pg.goto("/events/ev-walkout")
        assert pg.locator("table.matrix td.cell.missing").count() == 2
        copies = pg.locator("details.copies")
        assert not copies.locator("ul").is_visible(), "copies are folded until opened"
        copies.locator("summary").click()
        assert copies.locator("ul").is_visible()
        assert "Dock workers strike at Eastmere" in copies.inner_text()
        pg.fill("input#since", "2025-03-04")
        pg.get_by_role("button", name="Show").click()
        pg.wait_for_load_state()
        assert "since=2025-03-04" in pg.url
        new = pg.locator("#whats-new").inner_text()
        # only the opinion piece (source [5]) appeared on or after the 4th, whichever analysis shows it
        assert "[5]" in new and "[1]" not in new and "[3]" not in new
    _shot(pg, "event")

    # event -> speaker (on the demo corpus: the first event that quotes a resolved speaker)
    if pg.locator("#quotes a.speaker-link").count() == 0:
        pg.goto("/")
        for href in pg.locator("a.event-link").evaluate_all("links => links.map(a => a.getAttribute('href'))"):
            pg.goto(href)
            if pg.locator("#quotes a.speaker-link").count():
                break
    speaker_link = pg.locator("#quotes a.speaker-link").first
    name = speaker_link.inner_text()
    speaker_link.click()
    pg.wait_for_load_state()
    assert "/speakers/" in pg.url
    assert pg.locator("h1").inner_text().startswith(name)
    assert pg.get_by_role("heading", name="Roles").is_visible()
    if database[1] == "fixture":
        assert name == "Marta Quell"
        assert pg.locator(".alias").all_inner_texts() == ["Quell", "the union leader"]
        assert pg.locator("li.altered .variant.altered").count() == 2
    _shot(pg, "speaker")

    # speaker -> quote family
    family = "a.family-link[href='/families/fam-ship']" if database[1] == "fixture" else "a.family-link"
    pg.locator(family).first.click()
    pg.wait_for_load_state()
    assert "/families/" in pg.url
    cards = pg.locator("article.appearance")
    assert cards.count() >= 1
    assert pg.locator(".appearance .first-seen").count() == 1
    if database[1] == "fixture":
        assert pg.locator("h1").inner_text().strip("“”") == Q1
        assert pg.locator(".appearance ins").first.inner_text() == "owes"
        assert pg.locator(".appearance del").first.inner_text() == "promised"
    _shot(pg, "quote-family")

    # family -> article
    pg.locator("article.appearance header a").first.click()
    pg.wait_for_load_state()
    assert "/articles/" in pg.url
    assert pg.locator(".body p").count() >= 1
    if database[1] == "fixture":
        assert pg.locator(".body span.quote").count() == 2
        removed = pg.locator("details.removed")
        assert not removed.locator("ul").is_visible()
        removed.locator("summary").click()
        assert "Subscribe to our newsletter" in removed.inner_text()
    _shot(pg, "article")


def test_storyline_chart(page: object, server: str, database: tuple[Path, str]) -> None:
    pg = page
    pg.goto("/")
    pg.locator("section.story h2 a").first.click()
    pg.wait_for_load_state()
    assert "/storylines/" in pg.url
    bars = pg.locator("svg.timeline-chart rect.bar")
    assert bars.count() >= 1
    box = pg.locator("svg.timeline-chart").bounding_box()
    assert box and box["width"] > 300, "the chart scales to the page"
    if database[1] == "fixture":
        pg.goto("/storylines/sl-eastmere")
        assert pg.locator("svg.timeline-chart rect.bar").count() == 2
        assert "Marta Quell" in pg.locator("table.heat").inner_text()
    _shot(pg, "storyline")
    pg.locator("svg.timeline-chart a").first.click()
    pg.wait_for_load_state()
    assert "/events/" in pg.url


def test_search(page: object, server: str, database: tuple[Path, str]) -> None:
    pg = page
    pg.goto("/")
    word = "strike" if database[1] == "fixture" else pg.locator("a.event-link").first.inner_text().split()[0]
    pg.fill("header.site input[name=q]", word)
    with pg.expect_navigation():
        pg.keyboard.press("Enter")
    assert "/search?q=" in pg.url
    assert pg.locator("#result-count").is_visible()
    results = pg.locator("ol.results li")
    assert results.count() >= 1
    assert pg.locator("ol.results mark").count() >= 1
    _shot(pg, "search")
    results.first.locator("a.result-title").click()
    pg.wait_for_load_state()
    assert "/articles/" in pg.url


def test_stored_script_is_shown_as_text(page: object, database: tuple[Path, str]) -> None:
    from storyline.store.sqlite import Store

    if database[1] == "fixture":
        article_id = "art-courier-bridge"
    else:
        with Store(database[0]) as store:
            article_id = next(a.id for a in store.articles() if a.url == HOSTILE_URL)
    pg = page
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.goto(f"/articles/{article_id}")
    assert "<script>alert('owned')</script>" in pg.locator("h1").inner_text()
    assert pg.locator("main script").count() == 0
    assert not dialogs


def test_missing_page_and_narrow_screen(browser: object, server: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 800}, base_url=server)
    pg = context.new_page()
    response = pg.goto("/events/does-not-exist")
    assert response is not None and response.status == 404
    assert "404" in pg.locator("h1").inner_text()
    pg.goto("/")
    width = pg.evaluate("document.documentElement.scrollWidth")
    assert width <= 400, "no horizontal scrolling on a phone"
    context.close()
