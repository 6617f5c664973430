"""Line rules of the text stage: what they catch, and the reporting they must leave alone."""

from __future__ import annotations

import pytest

from storyline.text import boilerplate as bp
from storyline.text import meta
from storyline.text.html import prettify_domain, rejoin_fragments, strip_links
from storyline.text.quality import identify_language, looks_binary, repair_mojibake


@pytest.mark.parametrize(
    ("line", "authors", "wire"),
    [
        ("By Iona Pell and Marek Dunn Bloomberg News", ["Iona Pell", "Marek Dunn"], "Bloomberg News"),
        ("By Mira Holt, Meridian Wire", ["Mira Holt"], "Meridian Wire"),
        ("By Mira Holt, Associated Press", ["Mira Holt"], "Associated Press"),
        ("BY SAUL BRENNAN | Reuters", ["SAUL BRENNAN"], "Reuters"),
        ("By Ana de la Cruz and Tom Reyes, Staff Writers", ["Ana de la Cruz", "Tom Reyes"], None),
        ("By Harbour News Agency", [], "Harbour News Agency"),
        ("By Priya Anand | March 12, 2026", ["Priya Anand"], None),
    ],
)
def test_bylines(line: str, authors: list[str], wire: str | None) -> None:
    byline = meta.parse_byline(line)
    assert byline is not None
    assert byline.authors == authors
    assert byline.wire == wire


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the week, the council had voted twice on the plan.",
        "By Tuesday evening most roads had reopened",
        "Byline: none",
    ],
)
def test_sentences_starting_with_by_are_not_bylines(line: str) -> None:
    assert meta.parse_byline(line) is None


def test_byline_date() -> None:
    assert meta.parse_byline("By Priya Anand | March 12, 2026").published == "2026-03-12"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("paragraph", "wire", "month", "day"),
    [
        ("PORTHAVEN, March 12 (Meridian Wire) - The council met.", "Meridian Wire", 3, 12),
        ("LAKEVIEW, Ore. (AP) \u2014 Firefighters contained the blaze.", "AP", None, None),
        ("KESTREL BAY, 4 May (AFP) - Ferries resumed.", "AFP", 5, 4),
        ("NEW HARBOR, Jan. 3, 2026 (Reuters) - Shares rose.", "Reuters", 1, 3),
    ],
)
def test_datelines(paragraph: str, wire: str, month: int | None, day: int | None) -> None:
    d = meta.parse_dateline(paragraph)
    assert d is not None and d.wire == wire and d.month == month and d.day == day


def test_no_dateline_in_ordinary_paragraphs() -> None:
    assert meta.parse_dateline("The council (which met on Monday) - after a long delay - voted.") is None
    assert meta.parse_dateline("Alliance Secretary General Ilse Vantongeren said on Monday.") is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published March 12, 2026", ("published", "2026-03-12")),
        ("Updated: Tue., Nov. 19, 2026 at 4:05 p.m.", ("updated", "2026-11-19T16:05")),
        ("12 March 2026", ("published", "2026-03-12")),
        ("Posted 2026-03-12 10:30", ("published", "2026-03-12T10:30")),
        ("The vote was held on March 12, 2026 in the town hall.", None),
        ("Porthaven, Eldmark  Est. June 2, 1872", None),
    ],
)
def test_date_lines(line: str, expected: tuple[str, str] | None) -> None:
    assert meta.parse_date_line(line) == expected


def test_parse_date_forms() -> None:
    assert meta.parse_date("on Jan. 20, 2025 the") == "2025-01-20"
    assert meta.parse_date("20 January 2025") == "2025-01-20"
    assert meta.parse_date("2025-01-20T08:00:00Z") == "2025-01-20T08:00:00Z"
    assert meta.parse_date("February 30, 2025") is None
    assert meta.normalise_date("2026-03-10T08:30:00+00:00") == "2026-03-10T08:30:00+00:00"


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("Council delays vote on tidal barrier as costs climb", True),
        ("Ferry Operator Puts New Routes On Hold: Union Chief", True),
        ("Why did the harbour flood again?", True),
        ("The council met on Tuesday and delayed the vote on the barrier.", False),
        ("He said the plan would be ready by spring, and that costs had risen by a third since the autumn "
         "when engineers first looked at the wall and found cracks along the whole of its length", False),
        ("and then the vote was delayed", False),
        ("Those discussions come amid recognition:", False),
    ],
)
def test_headlines(line: str, headline: bool) -> None:
    assert meta.looks_like_headline(line) is headline


def test_masthead_and_outlet_name() -> None:
    assert meta.is_masthead("The Harbour Ledger Newspaper")
    assert meta.is_masthead("Porthaven, Meridia  Est. June 3, 1902")
    assert not meta.is_masthead("The estimate rose by a third")
    assert meta.outlet_name("The Harbour Ledger Newspaper") == "The Harbour Ledger"
    assert meta.outlet_name("Council delays vote on tidal barrier") is None


@pytest.mark.parametrize(
    "line",
    [
        "Workers inspect the sea wall on Tuesday in Porthaven.  (Lena Corr/Meridian Wire/TNS)",
        "Photo: Harbour ferry at the terminal (Getty Images)",
        "Photograph: Jon Reyes/Valley Courier",
        "Jon Reyes/Getty Images",
        "AP Photo/Ola Berg",
        "The mayor speaks to reporters outside the town hall. (AP Photo/Ola Berg)",
    ],
)
def test_captions(line: str) -> None:
    assert bp.is_caption(line)


@pytest.mark.parametrize(
    "line",
    [
        "Brook said the delay would help (the council meets again in April).",
        "The agency (Meridian Wire) reported the figures first.",
        "(Reporting by Mira Holt; Editing by Saul Brennan)",
        "Getty said on Monday it would appeal.",
    ],
)
def test_reporting_is_not_a_caption(line: str) -> None:
    assert not bp.is_caption(line)


@pytest.mark.parametrize(
    "line",
    [
        "Read also: Island councils demand answers",
        "READ MORE: Storm hits coast",
        "Related: Ten ferries that changed the islands",
        "DON'T MISS",
        "You may also like...",
        "Most read in world news",
        "Harbour chief quits after row [VIDEO]",
        "(Read also: Ferry talks stall)",
    ],
)
def test_related_lines(line: str) -> None:
    assert bp.is_related(line)


@pytest.mark.parametrize(
    "line",
    [
        "Also on Tuesday, the minister said the talks would go on.",
        "More than 100 people were evacuated.",
        "Related costs rose by a third, the report said.",
        "Read the full report on the council's website, she said.",
    ],
)
def test_reporting_is_not_related(line: str) -> None:
    assert not bp.is_related(line)


def test_prompts_and_widgets() -> None:
    for line in [
        "Sign up for our morning newsletter",
        "Get the day's top headlines delivered to your inbox every morning.",
        "Like this story? Share it with a friend!",
        "Follow Harbour Ledger on Twitter and Instagram.",
        "Write to Mira Holt at mira.holt@ledger.example",
        "CLICK HERE TO GET THE LEDGER APP",
        "\u00a9 2026 The Valley Courier. All rights reserved.",
    ]:
        assert bp.is_prompt(line), line
    for line in ["Share", "Comments", "5 min read", "Tags: ferries, islands, ports"]:
        assert bp.is_widget(line), line
    for line in [
        "If you just want the basic plan, you can sign up for a monthly pass at the terminal.",
        "The union said members would share the cost of the strike fund.",
        "Comments from the minister drew criticism.",
    ]:
        assert not bp.is_prompt(line) and not bp.is_widget(line), line


def test_social_frames() -> None:
    assert bp.is_social_frame("https://t.co/Ab12Cd34Ef")
    assert bp.is_social_frame("\u2014 Marta Eklund (@martaeklund) January 13, 2026")
    assert bp.is_social_frame("A post shared by Harbour Ledger (@harbourledger)")
    assert bp.ends_with_post_link("The ferry is late again pic.twitter.com/abc123")
    assert not bp.is_social_frame("Eklund wrote on social media that the port was not ready.")
    assert not bp.could_be_post_text("Eklund said the port was not ready.")
    assert not bp.could_be_post_text("She wrote on X:")


def test_cookie_and_paywall() -> None:
    assert bp.is_cookie_banner("We use cookies to improve your experience on our site.")
    assert bp.is_paywall("Subscribe to continue reading this article.")
    assert not bp.is_cookie_banner("The bakery sold cookies and bread to the crews.")


def test_links_and_fragments() -> None:
    marked = r"[\[Live\] Storm map](https://x.example/a)shows the path"
    assert strip_links(marked) == "[Live] Storm map shows the path"
    link = "[double its capacity](https://p.example/a)"
    lines = ["Analysts expect the port to ", link, ", officials said."]
    assert rejoin_fragments(lines) == [f"Analysts expect the port to {link}, officials said."]
    assert rejoin_fragments(["Headline ", "[Link](/a) at the start"], title="Headline ") == [
        "Headline ",
        "[Link](/a) at the start",
    ]
    assert prettify_domain("https://www.harbour-ledger.example/news/1") == "Harbour Ledger"


def test_quality_helpers() -> None:
    assert looks_binary("\x00\x01\x02\x03 binary")
    assert not looks_binary("A normal paragraph of text.\n\nAnother one.")
    fixed = repair_mojibake("Itâ€™s the councilâ€™s call, said CafÃ© owner.")
    assert fixed == "It\u2019s the council\u2019s call, said Caf\u00e9 owner."
    legit = "Caf\u00e9\u2019s menu and the caf\u00e9\u2013bar"
    assert repair_mojibake(legit) == legit
    assert identify_language("Der Stadtrat hat die Abstimmung über den Damm am Mittwoch verschoben.") == "de"


# --- mastheads, taglines, headline with a full stop, footer bylines (fictional outlets) -------------
def test_date_line_keeps_the_printed_time() -> None:
    assert meta.parse_date_line("Published June 2, 2026, 9:02 a.m.") == ("published", "2026-06-02T09:02")
    assert meta.parse_date_line("Posted 12 June 2026 12:40 am") == ("published", "2026-06-12T00:40")
    assert meta.parse_date_line("June 2, 2026") == ("published", "2026-06-02")


def test_all_caps_masthead_name() -> None:
    assert meta.masthead_name("KESTREL VALLEY GAZETTE") == "Kestrel Valley Gazette"
    assert meta.masthead_name("THE VOICE OF THE MARSH") is None  # no publication word
    assert meta.masthead_name("The Orchard Herald") == "The Orchard Herald"


def test_meta_line_with_byline_and_outlet() -> None:
    m = meta.parse_meta_line("Published June 3, 2026 \u00b7 By Odile Marsh, Fenwick Observer")
    assert m is not None
    assert (m.authors, m.outlet, m.published) == (["Odile Marsh"], "Fenwick Observer", "2026-06-03")
    assert meta.parse_meta_line("Rain fell \u00b7 the river rose \u00b7 June 3, 2026") is None
