"""Checks on the bundled fictional demo corpus (storyline/demo) and its gold labels.

The corpus is the project's own test oracle for copy folding, event clustering, quote extraction and
speaker resolution, so these tests guard the corpus itself: its shape, its spread, and that every
gold annotation is literally true of the text it annotates.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections import Counter, defaultdict
from html.parser import HTMLParser
from typing import ClassVar

import pytest

from storyline.demo import DEMO_DIR

DEMO = DEMO_DIR
CORPUS = DEMO / "corpus"
REQUIRED_KEYS = {"url", "text", "published", "outlet", "authors"}
FOLD_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"'})


class _Text(HTMLParser):
    """Visible text of a page, one chunk per block element; head and scripts skipped."""

    BLOCKS: ClassVar[frozenset[str]] = frozenset(
        {"p", "h1", "h2", "h3", "li", "figcaption", "time", "div", "title"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head"):
            self._skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _html_meta(raw: str, prop: str) -> str | None:
    m = re.search(r'<meta (?:property|name)="' + re.escape(prop) + r'" content="([^"]*)"', raw)
    return html.unescape(m.group(1)) if m else None


def _load() -> dict[str, dict]:
    """url -> {text, outlet, published, title, format}: the corpus read without the ingest stage."""
    docs: dict[str, dict] = {}
    with open(CORPUS / "articles.jsonl", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            docs[rec["url"]] = {**rec, "format": "jsonl"}
    labels = json.loads((DEMO / "labels.json").read_text(encoding="utf-8"))
    for url, lab in labels.items():
        if lab["format"] == "txt":
            docs[url] = {"url": url, "text": (DEMO / lab["file"]).read_text(encoding="utf-8"),
                         "outlet": lab["outlet"], "published": lab["published"], "format": "txt"}
        elif lab["format"] == "html":
            raw = (DEMO / lab["file"]).read_text(encoding="utf-8")
            parser = _Text()
            parser.feed(raw)
            text = re.sub(r"\n\s*\n\s*", "\n\n", "".join(parser.parts)).strip()
            docs[url] = {"url": _html_meta(raw, "og:url"), "text": text, "raw": raw,
                         "outlet": _html_meta(raw, "og:site_name"),
                         "published": _html_meta(raw, "article:published_time"), "format": "html"}
    return docs


@pytest.fixture(scope="module")
def docs() -> dict[str, dict]:
    return _load()


@pytest.fixture(scope="module")
def labels() -> dict[str, dict]:
    return json.loads((DEMO / "labels.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def facts() -> dict:
    return json.loads((DEMO / "facts.json").read_text(encoding="utf-8"))


def _date(value: str) -> dt.date:
    return dt.date.fromisoformat(value[:10])


def _quote_spans(text: str) -> list[str]:
    """Words inside double quotation marks (straight or curly); a paragraph that opens with a mark while
    a quote is still open continues that quote, as newspapers print quotes over several paragraphs."""
    folded = text.translate(FOLD_QUOTES)
    spans, start = [], None
    for i, ch in enumerate(folded):
        if ch != '"':
            continue
        if start is None:
            start = i + 1
        elif folded[i - 1] == "\n":
            continue
        else:
            spans.append(text[start:i])
            start = None
    assert start is None, "unbalanced quotation marks"
    return spans


def test_jsonl_records_are_valid() -> None:
    lines = (CORPUS / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 30
    for n, line in enumerate(lines, 1):
        rec = json.loads(line)
        assert rec.keys() >= REQUIRED_KEYS, f"line {n} lacks {REQUIRED_KEYS - rec.keys()}"
        assert rec["url"].startswith("https://") and ".example/" in rec["url"]
        assert isinstance(rec["authors"], list) and rec["text"].strip()
        _date(rec["published"])
        assert rec.get("title") is None or isinstance(rec["title"], str)
    without_title_key = [json.loads(x) for x in lines if "title" not in json.loads(x)]
    assert len(without_title_key) >= 3  # headline carried as the first line of text
    assert any(json.loads(x).get("title", "") is None for x in lines)  # a headline-less record


def test_file_formats_present() -> None:
    assert len(list((CORPUS / "txt").glob("*.txt"))) >= 6
    pages = list((CORPUS / "html").glob("*.html"))
    assert len(pages) >= 5
    for page in pages:
        raw = page.read_text(encoding="utf-8")
        for needle in ("<title>", 'property="og:site_name"', 'property="article:published_time"',
                       'name="author"', "<nav", "<h1>", "<figcaption>", "Read also", "cookie", "<footer"):
            assert needle in raw, f"{page.name} lacks {needle}"


def test_size_spread_and_counts(docs: dict[str, dict], labels: dict[str, dict]) -> None:
    assert len(docs) >= 44
    assert set(docs) == set(labels)
    assert len({d["outlet"] for d in docs.values()}) >= 7
    dates = [_date(d["published"]) for d in docs.values()]
    assert (max(dates) - min(dates)).days >= 60
    assert len({lab["storyline"] for lab in labels.values()}) >= 5
    total = sum(p.stat().st_size for p in DEMO.rglob("*") if p.is_file())
    assert total < 1_000_000


def test_events_are_covered_by_different_outlets(labels: dict[str, dict]) -> None:
    by_event: dict[str, list[str]] = defaultdict(list)
    news_by_event: dict[str, list[str]] = defaultdict(list)
    events_per_storyline: dict[str, set[str]] = defaultdict(set)
    for lab in labels.values():
        by_event[lab["event"]].append(lab["outlet"])
        if not lab["opinion"]:  # an outlet's own leader column may sit beside its report
            news_by_event[lab["event"]].append(lab["outlet"])
        events_per_storyline[lab["storyline"]].add(lab["event"])
    for event, outlets in by_event.items():
        assert 2 <= len(outlets) <= 6, event
        news = news_by_event[event]
        assert len(set(news)) == len(news), f"{event} has two reports from one outlet"
    for storyline_id, events in events_per_storyline.items():
        assert 2 <= len(events) <= 4, storyline_id


def test_metadata_agrees_with_labels(docs: dict[str, dict], labels: dict[str, dict]) -> None:
    for url, lab in labels.items():
        assert docs[url]["url"] == url
        assert docs[url]["outlet"] == lab["outlet"]
        assert _date(docs[url]["published"]) == _date(lab["published"])


def test_article_lengths(docs: dict[str, dict]) -> None:
    for url, doc in docs.items():
        n = len(re.findall(r"\w+", doc["text"]))
        assert 250 <= n <= 900, (url, n)  # bodies are 250-700 words; boilerplate adds a little


def test_every_labelled_quote_occurs_verbatim(docs: dict[str, dict], labels: dict[str, dict]) -> None:
    for url, lab in labels.items():
        text = docs[url]["text"]
        for q in lab["quotes"] + lab["not_quotes"]:
            assert q["text"] in text, (url, q["text"][:60])
            if "speaker" in q:
                assert q["kind"] in ("direct", "partial") and q["speaker"]


def test_every_quoted_span_is_labelled(docs: dict[str, dict], labels: dict[str, dict]) -> None:
    """The labels are complete: each run of words in double quotation marks is a labelled quote, or is
    listed as not a quote (scare quotes, a quoted title, a term), in the order printed."""
    for url, lab in labels.items():
        spans = _quote_spans(docs[url]["text"])
        labelled = Counter(q["text"] for q in lab["quotes"] + lab["not_quotes"])
        assert Counter(spans) == labelled, url


def test_copies_point_at_the_wire_original(labels: dict[str, dict], docs: dict[str, dict]) -> None:
    copies = {u: lab for u, lab in labels.items() if lab["copy_of"]}
    originals = {lab["copy_of"] for lab in copies.values()}
    assert len(originals) == 1
    original = originals.pop()
    assert labels[original]["copy_of"] is None and labels[original]["outlet"] == "Meridian Wire"
    assert len({lab["outlet"] for lab in copies.values()}) >= 4
    for url, lab in copies.items():
        assert lab["event"] == labels[original]["event"]
        assert docs[url]["text"] != docs[original]["text"]  # each copy was edited
    curly = [u for u in copies if "\u201c" in docs[u]["text"]]
    straight = [u for u in copies if '"' in docs[u]["text"]]
    assert curly and straight


def test_quote_variants(facts: dict, docs: dict[str, dict], labels: dict[str, dict]) -> None:
    family = facts["quote_variants"][0]
    exact = family["text"].rstrip(".,")
    seen = {"straight": 0, "curly": 0, "altered": 0}
    for url, note in family["appearances"].items():
        texts = [q["text"] for q in labels[url]["quotes"] if q["speaker"] == family["speaker"]]
        if note.startswith("altered"):
            assert not any(exact in t for t in texts)
            seen["altered"] += 1
        else:
            assert any(exact in t for t in texts), url
            raw = docs[url]["text"]
            i = raw.index(exact)
            seen["curly" if raw[i - 1] == "\u201c" else "straight"] += 1
    assert all(seen.values()), seen


def test_opinion_role_change_and_shared_surname(labels: dict[str, dict], facts: dict, docs: dict) -> None:
    assert sum(lab["opinion"] for lab in labels.values()) >= 3
    change = facts["role_changes"][0]
    first, second = change["holders"]
    before = [u for u in change["evidence"] if _date(labels[u]["published"]) <= _date(first["until"])]
    after = [u for u in change["evidence"] if _date(labels[u]["published"]) >= _date(second["from"])]
    assert any(first["name"] in docs[u]["text"] for u in before)
    assert any(second["name"] in docs[u]["text"] for u in after)
    speakers_by_storyline: dict[str, set[str]] = defaultdict(set)
    for lab in labels.values():
        speakers_by_storyline[lab["storyline"]].update(q["speaker"] for q in lab["quotes"])
    for shared in facts["shared_surnames"]:
        people = shared["people"]
        assert len({p["storyline"] for p in people}) == len(people)
        for p in people:
            assert p["name"] in speakers_by_storyline[p["storyline"]]


def test_real_input_features_present(docs: dict[str, dict], labels: dict[str, dict]) -> None:
    everything = "\n".join(d.get("raw", d["text"]) for d in docs.values())
    for needle in ("Read also:", "Related:", "Sign up for our morning briefing", "(Photo: ", "https://t.co/",
                   "Est. 1911 \u00b7 Serving the valley", ", Meridian Wire", "(Meridian Wire) -",
                   "A port in limbo"):
        assert needle in everything, needle
    assert re.search(r"\n\u2014 [A-Z][a-z]+ [A-Z][a-z]+ \(@\w+\) [A-Z][a-z]+ \d{1,2}, 2026\n", everything)
    kinds = Counter(q["kind"] for lab in labels.values() for q in lab["quotes"])
    assert kinds["direct"] >= 100 and kinds["partial"] >= 30
    assert sum(q.get("multi_paragraph", False) for lab in labels.values() for q in lab["quotes"]) >= 2
    non = Counter(q["kind"] for lab in labels.values() for q in lab["not_quotes"])
    assert non["scare"] >= 1 and non["title"] >= 1
    cues = ("told Capitol Dispatch", " added", "according to", "stressed", "claimed", "admitted", "insisted")
    for cue in cues:
        assert cue in everything.lower() or cue in everything, cue
    for phrase in ("on Monday", "last Friday", "earlier this month", "March 3"):
        assert phrase in everything, phrase
