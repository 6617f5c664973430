"""A small fictional database for the web tests: two storylines, three events, four outlets, a wire copy,
quotes by two named speakers (one quote printed three times, once altered), an opinion piece, a revised
article and an article whose title and text carry ``<script>``.

Every outlet, person and place here is invented. ``build_db(path)`` writes it; the web tests (and the
browser tests, until the demo corpus is wired) import it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from storyline.model import (
    Article,
    Event,
    FirstSeen,
    OutletCoverage,
    Quote,
    QuoteAppearance,
    QuoteFamily,
    RoleSpell,
    Speaker,
    Storyline,
    SummarySentence,
    TimelineEntry,
)
from storyline.store.sqlite import Store

XSS = "<script>alert('owned')</script>"

Q1 = "We will not load a single ship until the port pays what it promised"
Q1_ALTERED = "We will not load a single ship until the port pays what it owes"
Q2 = "The cranes stay idle for as long as it takes"
Q3 = "Our offer is fair and it remains on the table"
Q4 = "Traffic will move again before the summer"

TEXTS = {
    "art-ledger-1": (
        f"Dockworkers at the Port of Eastmere walked off the job on Monday morning.\n\n"
        f"\u201c{Q1},\u201d said Marta Quell, president of the Eastmere Dockworkers Union.\n\n"
        f"Union members gathered outside gate four. \u201c{Q2},\u201d Quell added.\n\n"
        "The port handles most of the region's grain exports."
    ),
    "art-courier-1": (
        f"Eastmere's dockworkers began a strike on Monday over unpaid bonuses.\n\n"
        f'"{Q1}," Quell told reporters at the gate.\n\n'
        f'Port director Tobias Renn said: "{Q3}."\n\n'
        "Three container ships waited in the outer harbour by nightfall."
    ),
    "art-wire-1": (
        f"EASTMERE (Valley Wire) - Dock workers struck at the Port of Eastmere on Monday.\n\n"
        f'"{Q1_ALTERED}," union president Marta Quell said.\n\n'
        "The strike is the first at the port in eleven years."
    ),
    "art-daily-copy": (
        f"EASTMERE (Valley Wire) - Dock workers struck at the Port of Eastmere on Monday.\n\n"
        f'"{Q1_ALTERED}," union president Marta Quell said.\n\n'
        "The strike is the first at the port in eleven years."
    ),
    "art-daily-opinion": (
        "It is time the port stopped pretending this strike came out of nowhere. Frankly, the "
        "management's arrogance is breathtaking, and everyone on the waterfront knows it.\n\n"
        "Surely a fair deal is not too much to ask."
    ),
    "art-ledger-2": (
        f"Talks between the Eastmere union and the port authority collapsed late on Thursday.\n\n"
        f"\u201c{Q3},\u201d Renn said after the meeting.\n\n"
        f"Quell said the union would not return. \u201c{Q2},\u201d she said."
    ),
    "art-courier-bridge": (
        f"The Lakeside bridge will stay closed for repairs, the city engineer said. {XSS}\n\n"
        f"\u201c{Q4},\u201d said city engineer Ines Varga.\n\n"
        "Drivers face a detour of twelve kilometres."
    ),
}

META = {
    "art-ledger-1": (
        "The Harbor Ledger",
        "Dockworkers walk out at Eastmere port",
        "2025-03-03T08:00:00+00:00",
    ),
    "art-courier-1": (
        "Northgate Courier",
        "Eastmere strike begins over unpaid bonuses",
        "2025-03-03T11:30:00+00:00",
    ),
    "art-wire-1": ("Valley Wire", "Dock workers strike at Eastmere", "2025-03-03T09:15:00+00:00"),
    "art-daily-copy": ("Riverside Daily", "Dock workers strike at Eastmere", "2025-03-03T12:00:00+00:00"),
    "art-daily-opinion": (
        "Riverside Daily",
        "Opinion: the port brought this on itself",
        "2025-03-04T07:00:00+00:00",
    ),
    "art-ledger-2": ("The Harbor Ledger", "Eastmere strike talks collapse", "2025-04-10T21:00:00+00:00"),
    "art-courier-bridge": (
        "Northgate Courier",
        f"Lakeside bridge stays shut {XSS}",
        "2025-05-02T10:00:00+00:00",
    ),
}

EVENT_OF = {
    "art-ledger-1": "ev-walkout",
    "art-courier-1": "ev-walkout",
    "art-wire-1": "ev-walkout",
    "art-daily-copy": "ev-walkout",
    "art-daily-opinion": "ev-walkout",
    "art-ledger-2": "ev-talks",
    "art-courier-bridge": "ev-bridge",
}


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def _quote(
    qid: str, article: str, words: str, speaker: str | None, family: str, speaker_text: str, cue: str = "said"
) -> Quote:
    start = TEXTS[article].index(words)
    return Quote(
        id=qid,
        article=article,
        text=words,
        start=start,
        end=start + len(words),
        speaker=speaker,
        speaker_text=speaker_text,
        cue=cue,
        family=family,
    )


def _index_passages(store: Store) -> None:
    """Fill the copies stage's passage index when that stage is present (reused-passage highlights)."""
    try:
        from storyline.dedup.passages import find_reused_passages
        from storyline.store.dedup import SqlitePassageIndex
    except ImportError:
        return
    find_reused_passages(store.articles(), SqlitePassageIndex(store.conn), insert=True)


def build_db(path: str | Path) -> Path:
    """Write the fixture database at ``path`` (which must not exist yet) and return the path."""
    path = Path(path)
    store = Store(path)
    try:
        articles = []
        for aid, text in TEXTS.items():
            outlet, title, published = META[aid]
            articles.append(
                Article(
                    id=aid,
                    source=f"https://{outlet.lower().replace(' ', '')}.example/{aid}",
                    url=(f"https://{outlet.lower().replace(' ', '')}.example/{aid}"),
                    text=text,
                    title=title,
                    outlet=outlet,
                    published=published,
                    date_source="metadata",
                    authors=["Staff reporter"],
                    content_hash=_hash(text),
                    removed=["Subscribe to our newsletter", f"Photo caption {XSS}"]
                    if aid == "art-ledger-1"
                    else [],
                    wire="Valley Wire" if aid in ("art-wire-1", "art-daily-copy") else None,
                )
            )
        store.add_articles(articles)
        # a later printing of the first article: the store keeps revision 1
        revised = Article(
            **{
                **vars(articles[0]),
                "text": articles[0].text + "\n\nThe port said it would respond on Tuesday.",
                "seq": 0,
            }
        )
        revised.content_hash = _hash(revised.text)
        store.add_articles([revised])

        quotes = {
            "art-ledger-1": [
                _quote("q1", "art-ledger-1", Q1, "sp-quell", "fam-ship", "Marta Quell"),
                _quote("q2", "art-ledger-1", Q2, "sp-quell", "fam-idle", "Quell", "added"),
            ],
            "art-courier-1": [
                _quote("q3", "art-courier-1", Q1, "sp-quell", "fam-ship", "Quell", "told reporters"),
                _quote("q4", "art-courier-1", Q3, "sp-renn", "fam-offer", "Tobias Renn"),
            ],
            "art-wire-1": [_quote("q5", "art-wire-1", Q1_ALTERED, "sp-quell", "fam-ship", "Marta Quell")],
            "art-daily-copy": [
                _quote("q6", "art-daily-copy", Q1_ALTERED, "sp-quell", "fam-ship", "Marta Quell")
            ],
            "art-ledger-2": [
                _quote("q7", "art-ledger-2", Q3, "sp-renn", "fam-offer", "Renn"),
                _quote("q8", "art-ledger-2", Q2, "sp-quell", "fam-idle", "she"),
            ],
            "art-courier-bridge": [
                _quote("q9", "art-courier-bridge", Q4, "sp-varga", "fam-summer", "Ines Varga")
            ],
        }
        with store.transaction():
            for aid, qs in quotes.items():
                store.replace_quotes(aid, qs)
            store.replace_speakers(
                [
                    Speaker(
                        id="sp-quell",
                        name="Marta Quell",
                        aliases=["Quell", "the union leader"],
                        roles=["Eastmere Dockworkers Union president"],
                        role_history=[
                            RoleSpell("Eastmere Dockworkers Union president", "2025-03-03", "2025-04-10")
                        ],
                    ),
                    Speaker(
                        id="sp-renn",
                        name="Tobias Renn",
                        aliases=["Renn"],
                        roles=["Port of Eastmere director"],
                        role_history=[RoleSpell("Port of Eastmere director", "2025-03-03", "2025-04-10")],
                    ),
                    Speaker(id="sp-varga", name="Ines Varga", aliases=["Varga"], roles=["city engineer"]),
                ]
            )
            store.replace_families(
                [
                    QuoteFamily(
                        id="fam-ship",
                        speaker="sp-quell",
                        text=Q1,
                        first_seen=FirstSeen("art-ledger-1", META["art-ledger-1"][2]),
                        appearances=[
                            QuoteAppearance("art-ledger-1", "q1", "exact"),
                            QuoteAppearance("art-courier-1", "q3", "normalized"),
                            QuoteAppearance("art-wire-1", "q5", "altered", diff="owes"),
                            QuoteAppearance("art-daily-copy", "q6", "altered", diff="owes"),
                        ],
                    ),
                    QuoteFamily(
                        id="fam-idle",
                        speaker="sp-quell",
                        text=Q2,
                        first_seen=FirstSeen("art-ledger-1", META["art-ledger-1"][2]),
                        appearances=[
                            QuoteAppearance("art-ledger-1", "q2", "exact"),
                            QuoteAppearance("art-ledger-2", "q8", "exact"),
                        ],
                    ),
                    QuoteFamily(
                        id="fam-offer",
                        speaker="sp-renn",
                        text=Q3,
                        first_seen=FirstSeen("art-courier-1", META["art-courier-1"][2]),
                        appearances=[
                            QuoteAppearance("art-courier-1", "q4", "exact"),
                            QuoteAppearance("art-ledger-2", "q7", "exact"),
                        ],
                    ),
                    QuoteFamily(
                        id="fam-summer",
                        speaker="sp-varga",
                        text=Q4,
                        first_seen=FirstSeen("art-courier-bridge", META["art-courier-bridge"][2]),
                        appearances=[QuoteAppearance("art-courier-bridge", "q9", "exact")],
                    ),
                ]
            )
            store.save_event(
                Event(
                    id="ev-walkout",
                    title="Dockworkers strike at the Port of Eastmere",
                    articles=[],
                    storyline="sl-eastmere",
                    start="2025-03-03",
                    end="2025-03-04",
                    independent_sources=3,
                    summary=[
                        SummarySentence(
                            "Dockworkers at the Port of Eastmere went on strike on 3 March.",
                            ["art-ledger-1", "art-wire-1"],
                        ),
                        SummarySentence(
                            "Three container ships waited outside the harbour.", ["art-courier-1"]
                        ),
                    ],
                    timeline=[
                        TimelineEntry("2025-03-03", "Dockworkers walk out at dawn.", ["art-ledger-1"]),
                        TimelineEntry(
                            "2025-03-04", "An opinion column blames the port.", ["art-daily-opinion"]
                        ),
                    ],
                    coverage=[
                        OutletCoverage(
                            "The Harbor Ledger",
                            ["art-ledger-1"],
                            ["q1", "q2"],
                            unique_facts=["The port handles most of the region's grain exports."],
                        ),
                        OutletCoverage(
                            "Northgate Courier",
                            ["art-courier-1"],
                            ["q3", "q4"],
                            unique_facts=["Three container ships waited in the outer harbour."],
                        ),
                        OutletCoverage(
                            "Valley Wire",
                            ["art-wire-1"],
                            ["q5"],
                            missing_facts=["Union members gathered outside gate four."],
                        ),
                        OutletCoverage(
                            "Riverside Daily",
                            ["art-daily-copy", "art-daily-opinion"],
                            ["q6"],
                            missing_facts=["Union members gathered outside gate four."],
                            opinion=0.45,
                        ),
                    ],
                )
            )
            store.save_event(
                Event(
                    id="ev-talks",
                    title="Eastmere strike talks collapse",
                    articles=[],
                    storyline="sl-eastmere",
                    start="2025-04-10",
                    end="2025-04-10",
                    independent_sources=1,
                )
            )
            store.save_event(
                Event(
                    id="ev-bridge",
                    title=f"Lakeside bridge closure {XSS}",
                    articles=[],
                    storyline="sl-bridge",
                    start="2025-05-02",
                    end="2025-05-02",
                    independent_sources=1,
                )
            )
            store.save_storyline(
                Storyline(
                    id="sl-eastmere",
                    title="The Eastmere dock strike",
                    events=[],
                    start="2025-03-03",
                    end="2025-04-10",
                )
            )
            store.save_storyline(
                Storyline(
                    id="sl-bridge",
                    title=f"Lakeside bridge {XSS}",
                    events=[],
                    start="2025-05-02",
                    end="2025-05-02",
                )
            )
            _index_passages(store)
            for article in store.articles():
                article.event = EVENT_OF[article.id]
                if article.id == "art-daily-copy":
                    article.copy_of = "art-wire-1"
                if article.id == "art-daily-opinion":
                    article.opinion = 0.82
                    article.opinion_evidence = ["Frankly, the management's arrogance", "Surely a fair deal"]
                store.save_article_results(article)
    finally:
        store.close()
    return path


def test_fixture_builds(tmp_path: Path) -> None:
    path = build_db(tmp_path / "web.db")
    with Store(path) as store:
        assert store.article_count() == len(TEXTS)
        assert len(store.revisions("art-ledger-1")) == 1
        event = store.event("ev-walkout")
        assert event is not None and len(event.articles) == 5
        for q in store.quotes():
            assert TEXTS[q.article][q.start : q.end] == q.text
