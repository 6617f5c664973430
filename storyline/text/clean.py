"""The text stage's entry point: one RawDocument in, one clean Article out.

``clean_document`` runs for every source. HTML first goes through trafilatura (main text and page
metadata); from there on HTML and plain text share one line-based cleaner that finds the headline,
masthead, byline, wire credit and dates printed in the text and drops news-page boilerplate into
``Article.removed``. Stored text keeps what was printed: folding is only used for comparing and
hashing (``storyline.text.normalize``).

Precedence of metadata: what the RawDocument carries (a feed's date, a JSONL title) wins over page
metadata, which wins over what is read from the text; the file's mtime is the last resort for a date.

Article ids: ``stable_id("a-", canonical URL)`` when a URL is known (so a re-fetched page whose text
changed is a new revision of the same article); else ``stable_id("a-", "record", record_id)`` when
the input supplies an id (a JSONL "id", which names the record across edits); else
``stable_id("a-", normalised text)`` (a file without URL or id is identified by its content).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from storyline.errors import InputError
from storyline.ids import stable_id
from storyline.model import Article, RawDocument
from storyline.settings import text as settings
from storyline.text import boilerplate as bp
from storyline.text import meta
from storyline.text.html import extract_html, fallback_text, link_share, prettify_domain, strip_links
from storyline.text.normalize import normalize_for_match
from storyline.text.quality import confidence, identify_language, looks_binary, repair_mojibake

log = logging.getLogger(__name__)

_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|smid|ref|ref_src|share)$", re.I)
_LIST_ITEM = re.compile(r"^\s*(?:[-\u2022*\u25aa\u25cf>]|\d{1,2}[.)])\s+")


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no fragment, no tracking parameters, no default port."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    host = (parts.hostname or "").lower()
    default_port = {"http": 80, "https": 443}.get(parts.scheme.lower())
    if parts.port and parts.port != default_port:
        host = f"{host}:{parts.port}"
    params = parse_qsl(parts.query, keep_blank_values=True)
    query = urlencode([(k, v) for k, v in params if not _TRACKING.match(k)])
    return urlunsplit((parts.scheme.lower(), host, parts.path or "/", query, ""))


def content_hash(text: str) -> str:
    """Hash of the normalised text: equal for two printings that differ only in quotes and spaces."""
    return stable_id("", normalize_for_match(text), length=40)


# --- splitting plain text into paragraphs ---------------------------------------------------------
def _hard_wrapped(lines: list[str]) -> bool:
    """A block of lines cut at a fixed width (email, wire copy) rather than one paragraph per line."""
    if len(lines) < 2:
        return False
    # A byline over a date line is two metadata lines, not one paragraph cut in two.
    if any(meta.parse_meta_line(line) for line in lines):
        return False
    body = lines[:-1]
    lengths = [len(line) for line in body]
    if min(lengths) < 35 or max(lengths) > 100 or max(lengths) - min(lengths) > 30:
        return False
    open_ended = sum(1 for line in body if line.rstrip()[-1:] not in ".!?\"'\u201d:")
    return open_ended * 2 >= len(body)


def split_paragraphs(text: str) -> list[str]:
    """Paragraph units of plain text: blank-line blocks, each line its own unit unless hard-wrapped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    units: list[str] = []
    for block in re.split(r"\n[ \t\u00a0]*\n", text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if _hard_wrapped(lines):
            units.append(" ".join(lines))
        else:
            units.extend(lines)
    return units


# --- the line cleaner -----------------------------------------------------------------------------
@dataclass
class Cleaned:
    paragraphs: list[str]
    removed: list[str]
    title: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    wire: str | None = None
    published: str | None = None
    updated: str | None = None
    dateline: meta.Dateline | None = None
    cookie_or_paywall: bool = False
    removed_chars: int = 0


_TITLE_SEPARATOR = re.compile(r"\s+[|\-\u2013\u2014:\u00bb]\s+")


def _same(line: str, title: str) -> bool:
    """The line is the headline: equal to the known title, or the title without a site suffix
    ("Headline - Site Name", "Headline | Site")."""
    a = normalize_for_match(strip_links(line)).strip(" .")
    b = normalize_for_match(title).strip(" .")
    if not a:
        return False
    if a == b:
        return True
    return b.startswith(a) and len(a.split()) >= 3 and bool(_TITLE_SEPARATOR.match(b[len(a) :] + " "))


def _is_body(line: str) -> bool:
    """A line that ends the header zone: a real paragraph (long, or ends like a sentence)."""
    n = bp.word_count(line)
    return n > settings.TITLE_MAX_WORDS or (n > 12 and line.rstrip()[-1:] in ".!?\"\u201d'")


def _is_furniture(line: str) -> bool:
    return (
        bp.is_caption(line)
        or bp.is_widget(line)
        or bp.is_related(line)
        or bp.is_prompt(line)
        or bp.is_social_frame(line)
    )


def _is_meta(line: str) -> bool:
    return meta.parse_meta_line(line) is not None


def _could_be_headline(units: list[str], i: int) -> bool:
    """A headline: a headline-shaped line, or a short line right above the byline or date (within two
    lines, so a section label may sit between), even when it ends with a full stop ("A decade of
    promises is not a guarantee. Valen flinched.")."""
    if i >= len(units):
        return False
    line = strip_links(units[i])
    if _is_meta(line) or _is_furniture(line) or bp.word_count(line) > settings.TITLE_MAX_WORDS:
        return False
    if meta.looks_like_headline(line):
        return True
    first = line.lstrip("\"'\u201c\u2018([")[:1]
    return (first.isupper() or first.isdigit()) and any(
        _is_meta(strip_links(u)) for u in units[i + 1 : i + 3]
    )


def _masthead_block(units: list[str], known_title: str | None) -> tuple[int, int | None, str] | None:
    """(masthead line, tagline line or None, outlet) when the text opens with a publication's name.

    The name line ("The Harbor Ledger", "BRAMWELL REVIEW") must be followed by a headline, possibly
    after one short tagline ("Porthaven's newspaper since 1872", "Argument, ideas, dissent"): a name
    alone over the body is more likely a headline that happens to contain "Star" or "News".
    """
    for i in range(min(len(units), 3)):
        line = strip_links(units[i])
        if _is_furniture(line):
            continue
        if known_title and _same(line, known_title):
            return None
        name = meta.masthead_name(line)
        if name is None:
            return None
        nxt = strip_links(units[i + 1]) if i + 1 < len(units) else ""
        if (
            nxt
            and bp.word_count(nxt) <= settings.TAGLINE_MAX_WORDS
            and not _is_meta(nxt)
            and not _is_furniture(nxt)
            and not (known_title and _same(nxt, known_title))
            and (meta.is_masthead(nxt) or (known_title is None and _could_be_headline(units, i + 2)))
        ):
            return i, i + 1, name
        if known_title is None and _could_be_headline(units, i + 1):
            return i, None, name
        return None
    return None


def clean_lines(
    units: list[str], *, known_title: str | None = None, html: bool = False, host: str | None = None
) -> Cleaned:
    """Classify every line; keep the article's lines, collect the rest with their reasons."""
    units = [u.strip() for u in units if u and u.strip()]
    kind: list[str | None] = [None] * len(units)
    out = Cleaned(paragraphs=[], removed=[])

    # 1. Header zone: masthead, headline, caption, byline, date lines before the first paragraph.
    title_at: int | None = None
    body_started = False
    masthead = _masthead_block(units, known_title)
    if masthead is not None:
        kind[masthead[0]], out.outlet = "masthead", masthead[2]
        if masthead[1] is not None:
            kind[masthead[1]] = "tagline"
    for i in range(min(len(units), settings.HEADER_LINES)):
        if kind[i] is not None:
            continue
        line = strip_links(units[i])
        if known_title and title_at is None and _same(line, known_title):
            kind[i], title_at = "title", i
            continue
        date_line = meta.parse_date_line(line)
        if date_line and date_line[0] == "updated":
            kind[i] = "date"
            out.updated = out.updated or date_line[1]
            continue
        byline = meta.parse_meta_line(line)
        if byline:
            kind[i] = "byline" if byline.authors or byline.wire else "date"
            _take_byline(out, byline)
            continue
        if i > 0 and kind[i - 1] == "byline" and meta.is_role_line(line):
            kind[i] = "byline"  # "Sentinel staff writer" under the name
            continue
        if body_started or _is_furniture(line):
            continue  # furniture is named by the whole-text pass below
        if _is_body(line):
            body_started = True
            continue
        if meta.is_masthead(line) and title_at is None:
            kind[i] = "masthead"
            out.outlet = out.outlet or meta.outlet_name(re.split(r"\s{2,}|\u2003", line)[0])
            continue
        if (
            known_title is None
            and title_at is not None
            and kind[title_at] == "title"
            and bp.word_count(line) <= 3
            and any(_is_meta(strip_links(u)) for u in units[i + 1 : i + 2])
        ):
            kind[i] = "section"  # a section label between headline and byline ("Opinion")
            continue
        if known_title is None and title_at is None and masthead is not None and _could_be_headline(units, i):
            kind[i], title_at, out.title = "title", i, line
            continue
        if known_title is None and meta.looks_like_headline(line):
            if title_at is None:
                kind[i], title_at, out.title = "title", i, line
            elif kind[title_at] == "title" and meta.outlet_name(units[title_at]):
                # Two headline-like lines before the body: the first names the publication.
                out.outlet = out.outlet or meta.outlet_name(units[title_at])
                kind[title_at] = "masthead"
                kind[i], title_at, out.title = "title", i, line
            elif kind[title_at] == "title" and bp.word_count(units[title_at]) <= 3 < bp.word_count(line):
                # ... or is a section label over the headline ("WORLD", "Politics | Europe").
                kind[title_at] = "section"
                kind[i], title_at, out.title = "title", i, line
        # any other short line before the body (a kicker, a standfirst) stays: when in doubt, keep

    # 2. Whole text: boilerplate lines.
    in_related = False
    footer_from = len(units) - settings.FOOTER_LINES
    for i, raw_line in enumerate(units):
        if kind[i] is not None:
            continue
        line = strip_links(raw_line)
        k: str | None = None
        credit = meta.parse_source_credit(line)
        footer = meta.parse_meta_line(line) if not html and i >= max(footer_from, 1) else None
        if footer is not None:
            # "Published March 18, 2026 \u00b7 By Hana Vo, Northgate Courier" closing the story.
            k = "byline"
            _take_byline(out, footer)
        elif credit is not None:
            k = "credit"
            out.wire = out.wire or credit[0]
        elif meta.is_time_line(line):
            k = "date"
        elif bp.is_social_frame(line):
            k = "social"
        elif bp.is_related(line):
            k = "related"
        elif (
            html
            and bp.word_count(line) <= settings.LINK_LINE_MAX_WORDS
            and link_share(raw_line, host) >= settings.LINK_LINE_SHARE
            and bp.word_count(line) >= 3
        ):
            k = "link"
        elif in_related and _LIST_ITEM.match(line):
            k = "related"
        elif bp.is_cookie_banner(line):
            k, out.cookie_or_paywall = "cookie", True
        elif bp.is_paywall(line):
            k, out.cookie_or_paywall = "paywall", True
        elif bp.is_prompt(line):
            k = "prompt"
        elif bp.is_widget(line):
            k = "widget"
        elif bp.is_caption(line):
            k = "caption"
        kind[i] = k
        if k in ("related", "link"):
            in_related = in_related or bp.opens_related_block(line) or k == "link"
        elif k is None:
            in_related = False

    # 3. Embedded posts: the post text next to its frame.
    for i in range(len(units)):
        if kind[i] != "social" or (i > 0 and kind[i - 1] == "social"):
            continue
        j = i
        while j + 1 < len(units) and kind[j + 1] == "social":
            j += 1
        before = strip_links(units[i - 1]) if i > 0 and kind[i - 1] is None else None
        after = strip_links(units[j + 1]) if j + 1 < len(units) and kind[j + 1] is None else None
        # An embed printed as "post text + link, signature" has its text before the frame; one whose
        # link stands alone on a line ("link, signature, post text") has it after.
        link_first = bp.is_bare_post_link(strip_links(units[i]))
        if before is not None and (
            bp.ends_with_post_link(before) or (not link_first and bp.could_be_post_text(before))
        ):
            kind[i - 1] = "social"
        elif after is not None and link_first and bp.could_be_post_text(after):
            kind[j + 1] = "social"

    # 4. Collect.
    for i, raw_line in enumerate(units):
        line = strip_links(raw_line).strip()
        if kind[i] is None:
            out.paragraphs.append(line)
        elif kind[i] == "title":
            out.title = line
        else:
            out.removed.append(line)
            out.removed_chars += len(line)
            if kind[i] == "masthead" and not out.outlet:
                out.outlet = meta.outlet_name(line)
    if out.paragraphs:
        out.dateline = meta.parse_dateline(out.paragraphs[0])
    return out


def _take_byline(out: Cleaned, byline: meta.Byline) -> None:
    """What a byline or date line says, where nothing earlier in the text said it."""
    out.authors = out.authors or byline.authors
    out.wire = out.wire or byline.wire
    out.outlet = out.outlet or byline.outlet
    out.published = out.published or byline.published


# --- the entry point ------------------------------------------------------------------------------
_VISIBLE = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>|<!--.*?-->|<[^>]+>", re.S | re.I)


def _visible_chars(html: str) -> int:
    return len(re.sub(r"\s+", " ", _VISIBLE.sub(" ", html)))


def clean_document(raw: RawDocument) -> Article:
    """Clean one document into an Article, or raise InputError with a one-line reason.

    Never lets a parser error escape: anything unusable becomes an InputError naming ``raw.source``.
    """
    try:
        return _clean(raw)
    except InputError:
        raise
    except (ValueError, TypeError, UnicodeError, RecursionError, MemoryError) as error:
        raise InputError(raw.source, f"could not clean document: {type(error).__name__}: {error}") from error


def _clean(raw: RawDocument) -> Article:
    if (raw.text is None) == (raw.html is None):
        raise InputError(raw.source, "document must have exactly one of text or HTML")
    is_html = raw.html is not None
    content = raw.html if is_html else raw.text
    assert content is not None
    if not content.strip():
        raise InputError(raw.source, "empty document")
    if looks_binary(content):
        raise InputError(raw.source, "binary data, not text")
    cap = settings.MAX_HTML_CHARS if is_html else settings.MAX_TEXT_CHARS
    truncated_note: str | None = None
    if len(content) > cap:
        truncated_note = f"[input cut at {cap:,} of {len(content):,} characters]"
        log.warning("%s: %s", raw.source, truncated_note.strip("[]"))
        content = content[:cap]
    content = repair_mojibake(content)

    ext = None
    fallback = False
    if is_html:
        try:
            ext = extract_html(content, raw.url)
        except Exception as error:  # lxml/trafilatura on broken markup: fall back, never crash
            log.debug("%s: trafilatura failed: %s", raw.source, error)
            ext = None
        if ext is not None:
            units = ext.lines
        else:
            units, fallback = fallback_text(content), True
    else:
        units = split_paragraphs(content)

    known_title = raw.title or (ext.title if ext else None)
    page_url = raw.url or (ext.url if ext else None)
    host = urlsplit(page_url).hostname if page_url else None
    cleaned = clean_lines(units, known_title=known_title, html=is_html, host=host)
    text = "\n\n".join(cleaned.paragraphs)
    n_words = bp.word_count(text)
    if n_words < settings.MIN_WORDS:
        what = "HTML page" if is_html else "text"
        raise InputError(raw.source, f"no article text found in {what} ({n_words} words after cleaning)")
    removed = cleaned.removed + ([truncated_note] if truncated_note else [])

    # Metadata: RawDocument > page metadata > text > file.
    title = raw.title or (ext.title if ext else None) or cleaned.title
    url = raw.url or (ext.url if ext else None)
    outlet = raw.outlet or (ext.sitename if ext else None) or cleaned.outlet or prettify_domain(url)
    authors = list(raw.authors) or cleaned.authors or (ext.authors if ext else [])
    wire = cleaned.wire or (cleaned.dateline.wire if cleaned.dateline else None)
    kept_authors = list(raw.authors)
    if not raw.authors:
        for a in authors:
            person, agency = meta.split_author_credit(a)
            wire = wire or agency
            if person and person not in kept_authors:
                kept_authors.append(person)
    published, date_source = _date(raw, ext.published if ext else None, cleaned)
    updated = meta.normalise_date(raw.updated) or cleaned.updated

    if url:
        article_id = stable_id("a-", canonical_url(url))
    elif raw.record_id:
        article_id = stable_id("a-", "record", raw.record_id)
    else:
        article_id = stable_id("a-", normalize_for_match(text))
    ratio = len(text) / max(1, _visible_chars(content)) if is_html else None
    return Article(
        id=article_id,
        source=raw.source,
        text=text,
        title=title,
        url=url,
        outlet=outlet,
        authors=kept_authors,
        wire=wire,
        published=published,
        updated=updated,
        date_source=date_source,
        language=identify_language(text),
        removed=removed,
        confidence=confidence(
            words=n_words,
            kept_chars=len(text),
            removed_chars=cleaned.removed_chars,
            cookie_or_paywall=cleaned.cookie_or_paywall,
            truncated=truncated_note is not None,
            extraction_ratio=ratio,
            fallback=fallback,
        ),
        content_hash=content_hash(text),
    )


def _date(raw: RawDocument, page_date: str | None, cleaned: Cleaned) -> tuple[str | None, str | None]:
    """Publication date and where it came from, by the module's precedence."""
    if raw.published and meta.normalise_date(raw.published):
        return meta.normalise_date(raw.published), raw.date_source or "metadata"
    if page_date and meta.normalise_date(page_date):
        return meta.normalise_date(page_date), "metadata"
    if cleaned.published:
        return cleaned.published, "text"
    d = cleaned.dateline
    file_date = meta.normalise_date(raw.file_mtime)
    if d and d.month and d.day:
        year = d.year or (int(file_date[:4]) if file_date else None)
        if year:
            value = meta._iso(year, d.month, d.day)
            if value:
                return value, "text"
    if file_date:
        return file_date, "file"
    return None, None
