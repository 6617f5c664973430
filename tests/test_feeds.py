"""Feed files (RSS, Atom, RDF) to RawDocuments, offline; unsafe and non-feed XML refused."""

from __future__ import annotations

from pathlib import Path

from storyline.errors import InputError
from storyline.ingest import iter_sources
from storyline.ingest.feeds import iter_feed_bytes
from storyline.ingest.fetch import MemoryFetchState
from storyline.model import RawDocument

BODY = " ".join(["The Vell port board and the ferry union agreed a new timetable on Friday."] * 16)

RSS = f"""<?xml version="1.0" encoding="windows-1252"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Harbour Herald</title><link>https://harbour-herald.example/</link>
<item><title>Ferry deal &amp; new timetable</title>
<link>https://harbour-herald.example/ferry-deal</link><guid isPermaLink="false">hh-101</guid>
<pubDate>Fri, 07 Mar 2025 16:45:00 +0100</pubDate><dc:creator>Pia Lantern</dc:creator>
<content:encoded><![CDATA[<p>{BODY}</p><p>\u201cA fair deal,\u201d said Pia Lantern.</p>]]></content:encoded>
</item>
<item><title>Lighthouse repainted</title><link>https://harbour-herald.example/lighthouse</link>
<description>Short teaser about the lighthouse.</description></item>
<item><title>Text only brief</title><description>{BODY}</description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Vell Wire</title><id>urn:vell-wire</id>
<updated>2025-04-02T08:00:00Z</updated>
<entry><title type="html">Council &lt;em&gt;backs&lt;/em&gt; levy</title><id>urn:vell-wire:77</id>
<link href="https://vell-wire.example/levy"/><published>2025-04-01T07:00:00Z</published>
<updated>2025-04-02T08:00:00Z</updated>
<author><name>Ned Arrow</name></author><author><name>Orla Quenby</name></author>
<content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry>
<entry><title>Plain entry</title><id>urn:vell-wire:78</id><updated>2025-04-03T08:00:00Z</updated>
<content type="text">{BODY}</content></entry>
</feed>"""

RDF = f"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://quay.example/"><title>Quay Times</title><link>https://quay.example/</link>
<description>x</description></channel>
<item rdf:about="https://quay.example/a"><title>Quay item</title><link>https://quay.example/a</link>
<description>{BODY}</description></item></rdf:RDF>"""

XXE = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>&xxe;</title><item><title>x</title></item></channel></rss>"""

BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<rss version="2.0"><channel><title>&d;</title></channel></rss>"""


def run(paths: list[Path], **kwargs) -> tuple[list[RawDocument], list[InputError]]:
    docs: list[RawDocument] = []
    errors: list[InputError] = []
    for item in iter_sources([str(p) for p in paths], fetch_linked=False, **kwargs):
        (errors if isinstance(item, InputError) else docs).append(item)
    return docs, errors


def test_rss_file_entries_with_content_summary_and_no_link(tmp_path: Path) -> None:
    path = tmp_path / "herald.rss"
    path.write_bytes(RSS.encode("cp1252"))
    docs, errors = run([path])
    assert errors == []
    deal, lighthouse, brief = docs
    assert deal.source == deal.url == "https://harbour-herald.example/ferry-deal"
    assert deal.title == "Ferry deal & new timetable" and deal.record_id == "hh-101"
    assert deal.published == "2025-03-07T15:45:00+00:00" and deal.date_source == "feed"
    assert deal.authors == ["Pia Lantern"] and deal.outlet == "Harbour Herald"
    assert deal.html and "\u201cA fair deal,\u201d said Pia Lantern." in deal.html
    assert "<title>Ferry deal &amp; new timetable</title>" in deal.html  # wrapped as a page
    # offline: the teaser is all there is, kept as the document
    assert lighthouse.html and "Short teaser" in lighthouse.html
    assert brief.source == f"{path}#entry3" and brief.url is None and brief.date_source is None


def test_atom_authors_html_title_updated_and_text_content(tmp_path: Path) -> None:
    path = tmp_path / "wire.atom"
    path.write_text(ATOM, encoding="utf-8")
    docs, errors = run([path])
    assert errors == []
    levy, plain = docs
    assert levy.title == "Council backs levy" and levy.authors == ["Ned Arrow", "Orla Quenby"]
    assert levy.published == "2025-04-01T07:00:00+00:00" and levy.updated == "2025-04-02T08:00:00+00:00"
    assert plain.text and plain.text.startswith("The Vell port board") and plain.html is None
    assert plain.published == "2025-04-03T08:00:00+00:00" and plain.updated is None


def test_rdf_feed_in_a_directory_walk(tmp_path: Path) -> None:
    (tmp_path / "quay.xml").write_text(RDF)
    docs, errors = run([tmp_path])
    assert errors == [] and [d.title for d in docs] == ["Quay item"]


def test_unsafe_and_non_feed_files_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a_bomb.xml").write_text(BOMB)
    (tmp_path / "b_xxe.rss").write_text(XXE)
    (tmp_path / "c_page.xml").write_text("<html><body><p>not a feed</p></body></html>")
    (tmp_path / "d_binary.atom").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "e_empty.rss").write_text("")
    (tmp_path / "f_sitemap.xml").write_text(
        '<?xml version="1.0"?><urlset><url><loc>https://quay.example/</loc></url></urlset>')
    docs, errors = run([tmp_path])
    assert docs == []
    reasons = [(Path(e.source).name, e.reason) for e in errors]
    refused = "refused: the feed declares XML entities"
    assert reasons[0][0] == "a_bomb.xml" and reasons[0][1].startswith(refused)
    assert reasons[1][0] == "b_xxe.rss" and reasons[1][1].startswith(refused)
    assert reasons[2][0] == "c_page.xml" and reasons[2][1].startswith("not an RSS/Atom feed")
    assert reasons[3][0] == "d_binary.atom" and reasons[3][1].startswith("not an RSS/Atom feed")
    assert reasons[4] == ("e_empty.rss", "empty feed")
    assert reasons[5][0] == "f_sitemap.xml" and reasons[5][1].startswith("not an RSS/Atom feed")


def test_seen_entries_are_skipped_and_edited_entries_come_back() -> None:
    state = MemoryFetchState()
    data = ATOM.encode()
    first = list(iter_feed_bytes(data, "wire", state=state))
    assert len(first) == 2
    assert list(iter_feed_bytes(data, "wire", state=state)) == []
    edited = ATOM.replace("Council &lt;em&gt;backs&lt;/em&gt; levy", "Council backs harbour levy")
    again = list(iter_feed_bytes(edited.encode(), "wire", state=state))
    assert [d.title for d in again if isinstance(d, RawDocument)] == ["Council backs harbour levy"]
    assert state.polls["wire"][1] == "ok"
