"""The text stage on realistic plain text and HTML: fictional fixtures imitating real input."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import InputError
from storyline.model import RawDocument
from storyline.text.clean import canonical_url, clean_document, split_paragraphs

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _text(name: str, **meta: object) -> RawDocument:
    path = FIXTURES / "text" / name
    return RawDocument(source=str(path), text=path.read_text(encoding="utf-8"), **meta)  # type: ignore[arg-type]


def _html(name: str, **meta: object) -> RawDocument:
    path = FIXTURES / "html" / name
    return RawDocument(source=str(path), html=path.read_text(encoding="utf-8"), **meta)  # type: ignore[arg-type]


# --- plain text -----------------------------------------------------------------------------------
def test_masthead_caption_byline_with_wire_and_dateline() -> None:
    a = clean_document(_text("masthead_wire.txt"))
    assert a.title == "Council delays vote on tidal barrier as costs climb"
    assert a.outlet == "The Harbour Ledger"
    assert a.authors == ["Tomas Fenwick", "Ada Quill"]
    assert a.wire == "Meridian Wire"
    # masthead lines, the caption with its photo credit and the byline are gone, in order
    assert a.removed[:3] == [
        "Arrow-right Camera",
        "The Harbour Ledger Newspaper",
        "Porthaven, Meridia  Est. June 3, 1902",
    ]
    assert any("(Lena Corr/Meridian Wire/TNS)" in r for r in a.removed)
    assert "By Tomas Fenwick and Ada Quill Meridian Wire" in a.removed
    # the body starts with the dateline paragraph, the subhead stays
    assert a.paragraphs[0].startswith("PORTHAVEN, March 12 (Meridian Wire) - The Porthaven city council")
    assert "Funding questions" in a.paragraphs
    assert a.paragraphs[-1] == "The council is expected to take up the plan again at its April meeting."
    # text as printed: curly quotes kept
    assert "\u201cWe cannot ask residents" in a.text
    assert a.language == "en"
    assert 0.5 < a.confidence <= 1.0


def test_dateline_date_needs_a_year_from_somewhere() -> None:
    no_year = clean_document(_text("masthead_wire.txt"))
    assert no_year.published is None and no_year.date_source is None
    with_file = clean_document(_text("masthead_wire.txt", file_mtime="2026-03-14T10:00:00"))
    assert with_file.published == "2026-03-12"
    assert with_file.date_source == "text"


def test_byline_with_comma_wire_and_published_line() -> None:
    a = clean_document(_text("byline_comma.txt", file_mtime="2026-04-01"))
    assert a.title == "Storm Ilsa leaves thousands without power in the north"
    assert a.authors == ["Mira Holt"]
    assert a.wire == "Meridian Wire"
    assert a.published == "2026-03-12"
    assert a.date_source == "text"
    assert "Published March 12, 2026" in a.removed
    assert "Sign up for our morning newsletter" in a.removed
    assert "Share this article on Facebook" in a.removed
    assert a.paragraphs[-1].startswith("Schools in three districts")


def test_headline_less_article_with_tweet_embed() -> None:
    a = clean_document(_text("tweet_no_headline.txt"))
    assert a.title is None
    assert a.paragraphs[0].startswith("The head of the Meridian port authority")
    assert a.removed == [
        "https://t.co/Ab12Cd34Ef",
        "\u2014 Marta Eklund (@martaeklund) January 13, 2026",
        "Last year the port was ready for anything. Now it isn't. Somebody should explain.",
    ]
    # the reporting paragraph before the embed is kept, and so is everything after it
    assert any(p.startswith("Union officials have long warned") for p in a.paragraphs)
    assert a.paragraphs[-1].startswith("As for the shipping alliance")
    # single-newline paragraphs become blank-line separated
    assert "\n\n" in a.text and "\n\n\n" not in a.text
    assert len(a.paragraphs) == 5


def test_read_also_caption_and_subhead() -> None:
    a = clean_document(_text("read_also.txt"))
    assert a.title == (
        "Ferry operator puts new routes on hold until fuel deal is signed \u2013 Coastline Daily"
    )
    assert a.removed == [
        "Photo: Harbour ferry at the Porthaven terminal (Getty Images)",
        "Read also: Island councils demand answers on ferry timetable - Coastline Daily",
    ]
    assert "What the new routes include" in a.paragraphs  # a subhead inside the article stays
    assert a.paragraphs[0].startswith("The Meridia Ferry Company will not open")


def test_section_label_over_headline_and_outlet_masthead() -> None:
    text = (
        "The Northern Star\n"
        "WORLD\n"
        "Ferry strike spreads to island routes\n"
        "Crews on the three island routes joined the strike on Monday, leaving hundreds of "
        "passengers stranded at the Porthaven terminal, the operator said.\n"
        "Talks are due to resume on Wednesday.\n"
    )
    a = clean_document(RawDocument(source="s", text=text))
    assert a.title == "Ferry strike spreads to island routes"
    assert a.outlet == "The Northern Star"
    assert a.removed == ["The Northern Star", "WORLD"]
    assert a.paragraphs[-1] == "Talks are due to resume on Wednesday."


def test_metadata_in_raw_document_wins() -> None:
    a = clean_document(
        _text(
            "byline_comma.txt",
            title="Storm Ilsa: live updates",
            published="2026-03-13T06:00:00Z",
            date_source="feed",
            outlet="Northern Star",
            authors=["Desk Editor"],
            url="https://northern-star.example/storm?utm_source=feed#top",
        )
    )
    assert a.title == "Storm Ilsa: live updates"
    assert a.published == "2026-03-13T06:00:00Z"
    assert a.date_source == "feed"
    assert a.outlet == "Northern Star"
    assert a.authors == ["Desk Editor"]
    assert a.url == "https://northern-star.example/storm?utm_source=feed#top"


def test_ids_and_hashes_are_stable() -> None:
    first = clean_document(_text("read_also.txt"))
    again = clean_document(_text("read_also.txt"))
    assert first.id == again.id and first.id.startswith("a-")
    assert first.content_hash == again.content_hash
    # the same text with straight quotes hashes the same (normalised), but is stored as printed
    printed = (FIXTURES / "text" / "read_also.txt").read_text(encoding="utf-8")
    straight = RawDocument(source="x", text=printed.replace("\u201c", '"'))
    assert clean_document(straight).content_hash == first.content_hash
    # with a URL the id follows the canonical URL, not the text
    a = clean_document(_text("read_also.txt", url="https://coastline.example/ferry?utm_medium=x"))
    b = clean_document(_text("byline_comma.txt", url="HTTPS://Coastline.example/ferry#comments"))
    assert a.id == b.id
    assert canonical_url("HTTPS://Coastline.example:443/ferry?utm_medium=x&page=2#c") == "https://coastline.example/ferry?page=2"
    # a record id from the input names the article when there is no URL
    r1 = clean_document(_text("read_also.txt", record_id="rec-7"))
    r2 = clean_document(_text("byline_comma.txt", record_id="rec-7"))
    assert r1.id == r2.id != first.id


def test_hard_wrapped_text_is_joined_into_paragraphs() -> None:
    wrapped = (
        "Harbour fees rise again\n\n"
        "The port authority said on Monday that berthing fees would rise by eight\n"
        "per cent from July, the third increase in two years, blaming higher costs\n"
        "for dredging and for the new electric cranes at the container terminal.\n\n"
        "Shipping firms said they would pass the cost on to customers.\n"
    )
    units = split_paragraphs(wrapped)
    assert units[1].startswith("The port authority said") and units[1].endswith("container terminal.")
    a = clean_document(RawDocument(source="w", text=wrapped))
    assert a.title == "Harbour fees rise again"
    assert len(a.paragraphs) == 2


def test_non_english_is_marked() -> None:
    text = (
        "Le conseil municipal de Porthaven a reporté mercredi le vote sur le barrage, "
        "après que les ingénieurs ont annoncé une hausse des coûts d'un tiers depuis l'automne. "
        "La maire a déclaré que le report permettrait aux élus d'étudier les nouveaux chiffres."
    )
    assert clean_document(RawDocument(source="fr", text=text)).language == "fr"


# --- HTML -----------------------------------------------------------------------------------------
def test_html_page_metadata_and_boilerplate() -> None:
    a = clean_document(_html("news_page.html"))
    assert a.title == "Bridge repairs to close river crossing for six weeks"
    assert a.outlet == "The Valley Courier"
    assert a.published == "2026-03-10"
    assert a.date_source == "metadata"
    assert a.authors == ["Priya Anand"]
    assert a.url == "https://www.valley-courier.example/news/2026/03/bridge-repairs"
    assert a.paragraphs[0].startswith("The Old Mill bridge over the Arden river")
    assert "Buses and cyclists" in a.paragraphs  # subhead kept
    joined = " ".join(a.paragraphs)
    assert "Read more: Arden flood defences" not in joined
    assert "Mill Street parking charges to rise in April" not in joined  # internal teaser link
    assert "Sign up for our daily newsletter" not in joined
    assert "Follow us on Twitter" not in joined
    assert "Baker Sunita Rao" in joined and "cracking on two of the eight supports" in joined
    assert "[" not in a.text and "](" not in a.text  # link markup never reaches stored text
    assert "Read more: Arden flood defences to get new funding" in a.removed
    # the embedded post, its text and its signature, is out of the text and kept in removed
    assert "Who planned this?" not in a.text
    assert "\u2014 Elmstead Traders (@elmsteadtraders) March 10, 2026" in a.removed
    assert any(r.startswith("Six weeks of diversions") for r in a.removed)


def test_html_without_site_name_falls_back_to_domain_and_flags_cookies() -> None:
    a = clean_document(_html("no_site_name.html", url="https://www.lowen-valley-news.example/farming/frost"))
    assert a.outlet == "Lowen Valley News"
    assert a.title == "Orchard growers count frost damage"
    assert "cookie" not in a.text.lower()
    assert any("cookie" in r.lower() for r in a.removed)
    assert a.confidence < clean_document(_html("news_page.html")).confidence


def test_html_file_date_is_last_resort() -> None:
    a = clean_document(_html("no_site_name.html", file_mtime="2026-02-02"))
    assert a.published == "2026-02-02" and a.date_source == "file"


# --- bad input ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (RawDocument(source="empty.txt", text="   \n\n  "), "empty document"),
        (RawDocument(source="blob.html", html="\x00\x01\x02PK\x03\x04" * 200), "binary data"),
        (
            RawDocument(source="nav.html", html="<html><body><nav><a href='/'>Home</a></nav></body></html>"),
            "no article text",
        ),
        (RawDocument(source="both", text="a", html="<p>a</p>"), "exactly one"),
        (RawDocument(source="none"), "exactly one"),
    ],
)
def test_bad_input_raises_one_line_input_error(raw: RawDocument, reason: str) -> None:
    with pytest.raises(InputError) as info:
        clean_document(raw)
    message = str(info.value)
    assert message.startswith(raw.source + ": ") and reason in message and "\n" not in message


def test_broken_and_truncated_html_still_gives_an_article() -> None:
    page = (FIXTURES / "html" / "news_page.html").read_text(encoding="utf-8")
    cut = page[: page.index("Local businesses")]  # cut mid-article, no closing tags
    a = clean_document(RawDocument(source="cut.html", html=cut + "<p><b>unclosed <i>tags"))
    assert a.paragraphs[0].startswith("The Old Mill bridge")


def test_mojibake_is_repaired() -> None:
    good = (FIXTURES / "text" / "masthead_wire.txt").read_text(encoding="utf-8")
    for codec in ("latin-1", "cp1252"):
        # cp1252 as browsers decode it: bytes it leaves undefined pass through as C1 controls
        bad = "".join(
            bytes([b]).decode(codec, errors="ignore") or chr(b) for b in good.encode("utf-8")
        )
        assert "\u00e2\u20ac" in bad or "\u00e2\x80" in bad
        a = clean_document(RawDocument(source="bad.txt", text=bad))
        assert "\u201cWe cannot ask residents to pay twice for the same wall,\u201d" in a.text
        assert a.title == "Council delays vote on tidal barrier as costs climb"


def test_huge_document_is_capped_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.settings import text as settings

    monkeypatch.setattr(settings, "MAX_TEXT_CHARS", 5_000)
    paragraph = "The harbour board met again on Tuesday to discuss the dredging contract and its costs.\n\n"
    a = clean_document(RawDocument(source="huge.txt", text=paragraph * 2_000))
    assert len(a.text) <= 5_000
    assert a.removed[-1].startswith("[input cut at 5,000 of ")
    assert a.confidence <= 0.5


@pytest.mark.slow
def test_fifty_megabyte_html_page_is_capped_not_parsed_whole() -> None:
    page = (FIXTURES / "html" / "news_page.html").read_text(encoding="utf-8")
    filler = "<div class='ad'>" + "x" * 1000 + "</div>\n"
    huge = page.replace("</article>", "</article>" + filler * 50_000)
    a = clean_document(RawDocument(source="huge.html", html=huge))
    assert a.paragraphs[0].startswith("The Old Mill bridge")
    assert a.removed[-1].startswith("[input cut at")


def test_masthead_tagline_headline_with_full_stop_and_section() -> None:
    """A fictional opinion page: all-caps masthead, slogan, a two-sentence headline, a section label."""
    text = (
        "FENWICK OBSERVER\nNotes from the marsh country\n\n"
        "The ferry is late again. Nobody is surprised.\n\nComment\nBy Odile Marsh\nJune 3, 2026\n\n"
        + "The morning crossing left forty minutes behind schedule for the third day running, and the "
        "queue of cars reached the harbour wall before anyone explained why.\n\n" * 3
    )
    a = clean_document(RawDocument(source="fenwick.txt", text=text, file_mtime="2026-09-09"))
    assert a.title == "The ferry is late again. Nobody is surprised."
    assert a.outlet == "Fenwick Observer"
    assert a.authors == ["Odile Marsh"]
    assert a.published == "2026-06-03" and a.date_source == "text"
    assert {"FENWICK OBSERVER", "Notes from the marsh country", "Comment"} <= set(a.removed)
    assert a.paragraphs[0].startswith("The morning crossing")


def test_mtime_only_when_the_text_has_no_date() -> None:
    body = "The council met on Tuesday and voted to close the old bridge to heavy traffic for a month.\n\n"
    header = "Bridge closed\n\nBy Odile Marsh\nPublished June 3, 2026, 4:15 p.m.\n\n"
    dated = clean_document(RawDocument(source="a.txt", text=header + body * 3, file_mtime="2026-09-09"))
    assert dated.published == "2026-06-03T16:15" and dated.date_source == "text"
    undated = clean_document(RawDocument(source="b.txt", text=body * 3, file_mtime="2026-09-09"))
    assert undated.published == "2026-09-09" and undated.date_source == "file"
