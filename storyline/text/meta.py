"""Metadata printed in the text itself: headline, masthead, byline and authors, wire credit, dates.

Plain-text input carries its metadata as lines ("By Jane Roe and Sam Poe Meridian Wire",
"PORTHAVEN, March 12 (Meridian Wire) -", "Published March 12, 2026"); these functions read such
lines. They are pure and line-based so the same rules serve text files, feeds and HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from storyline.settings import text as settings
from storyline.text.boilerplate import word_count

_MONTH_NAMES = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|urday|rsday)?\.?,?\s+)?"
_ORD = r"(?:st|nd|rd|th)?"
_MDY = re.compile(_WEEKDAY + r"(?P<m>" + MONTH + r")\s+(?P<d>\d{1,2})" + _ORD + r",?\s+(?P<y>\d{4})\b", re.I)
_DMY = re.compile(_WEEKDAY + r"(?P<d>\d{1,2})" + _ORD + r"\s+(?P<m>" + MONTH + r"),?\s+(?P<y>\d{4})\b", re.I)
_ISO = re.compile(
    r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
    r"(?:[T ](?P<t>\d{2}:\d{2}(?::\d{2})?)(?P<z>Z|[+-]\d{2}:?\d{2})?)?"
)
_MD = re.compile(r"(?P<m>" + MONTH + r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b", re.I)


def _month(name: str) -> int:
    return _MONTH_NAMES[name.lower().rstrip(".")[:3]]


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """The first full date in ``text`` as ISO 8601 ("2026-03-12"), or None. Month names in English."""
    best: tuple[int, str] | None = None
    for pattern in (_ISO, _MDY, _DMY):
        m = pattern.search(text)
        if not m:
            continue
        if pattern is _ISO:
            value = _iso(int(m["y"]), int(m["m"]), int(m["d"]))
            if value and m["t"]:
                value = f"{value}T{m['t']}{m['z'] or ''}"
        else:
            value = _iso(int(m["y"]), _month(m["m"]), int(m["d"]))
        if value and (best is None or m.start() < best[0]):
            best = (m.start(), value)
    return best[1] if best else None


def normalise_date(value: str | None) -> str | None:
    """An ISO date or datetime from metadata as given; other spellings parsed; junk dropped."""
    if not value:
        return None
    value = value.strip()
    m = _ISO.match(value)
    if m:
        return value if m.end() == len(value) or value[m.end():].strip() == "" else value[: m.end()]
    return parse_date(value)


# --- wire agencies --------------------------------------------------------------------------------
_AGENCIES = sorted(settings.WIRE_AGENCIES, key=len, reverse=True)
_AGENCY_RE = re.compile(
    r"(?:" + "|".join(re.escape(a) for a in _AGENCIES) + r"|" + settings.WIRE_PATTERN + r")"
)
_AGENCY_END = re.compile(r"[\s,;|/\-\u2013\u2014]*\(?(?P<wire>" + _AGENCY_RE.pattern + r")\)?\s*$")


_AGENCY_BY_LOWER = {a.lower(): a for a in reversed(settings.WIRE_AGENCIES)}


def find_wire(text: str) -> str | None:
    """The agency named in ``text`` if the whole text is an agency credit ("Meridian Wire", "AP",
    "REUTERS"); known names come back in their usual spelling."""
    s = text.strip().strip("()[]-\u2013\u2014 ")
    if s.lower() in _AGENCY_BY_LOWER and (len(s) > 3 or s.isupper()):
        return _AGENCY_BY_LOWER[s.lower()]
    m = _AGENCY_RE.fullmatch(s)
    return m.group(0) if m else None


# --- bylines --------------------------------------------------------------------------------------
_BYLINE = re.compile(
    r"^\s*(?:by|written by|words by|story by|reporting by|text by)\s*[:\-]?\s+(?P<rest>\S.{0,200})$",
    re.IGNORECASE,
)
_ROLE = re.compile(
    r"\b(?:staff\s+)?(?:writers?|reporters?|correspondents?|editors?|columnists?|contributors?|"
    r"special to [\w ]+|bureau chief|for [\w ]+)\s*$",
    re.IGNORECASE,
)
_NAME_WORD = r"(?:[A-Z][\w'\u2019\-]*\.?|de|van|von|der|da|di|al|bin|la|le)"
_NAME = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}}$")


@dataclass
class Byline:
    authors: list[str] = field(default_factory=list)
    wire: str | None = None
    published: str | None = None
    outlet: str | None = None  # "By Hana Vo, Northgate Courier": the publication the writer works for


def parse_byline(line: str) -> Byline | None:
    """ "By A and B Bloomberg News", "By A, Meridian Wire", "By A | March 12, 2026" -> authors, wire, date.

    None when the line is not a byline (no "By", too long, ends like a sentence, or no names).
    """
    m = _BYLINE.match(line)
    if not m or word_count(line) > 25:
        return None
    rest = m["rest"].strip()
    if rest.endswith(".") and not re.search(r"\b[A-Z]\.$", rest):
        return None
    result = Byline()
    # A date after a separator: "By Jane Roe | Updated March 12, 2026 10:00 am".
    parts = re.split(r"\s*[|\u2022\u00b7]\s*|\s+[\u2013\u2014]\s+|\s+-\s+", rest)
    names_part = parts[0]
    for extra in parts[1:]:
        result.published = result.published or parse_date(extra)
        wire = find_wire(extra)
        if wire:
            result.wire = wire
    wm = _AGENCY_END.search(names_part)
    if wm and wm.start() > 0:
        result.wire = result.wire or wm["wire"]
        names_part = names_part[: wm.start()].strip()
        names_part = re.sub(r"\s+(?:and|&)$", "", names_part)
    elif find_wire(names_part):  # "By Meridian Wire" - an agency byline with no person
        result.wire = find_wire(names_part)
        return result
    # "By Hana Vo, Northgate Courier": a publication after the last comma is the writer's outlet.
    head, comma, last = names_part.rpartition(",")
    if comma and head.strip() and outlet_name(last.strip()):
        result.outlet, names_part = outlet_name(last.strip()), head
    for name in re.split(r"\s*,\s*|\s+and\s+|\s*&\s*|\s*;\s*", names_part):
        name = _ROLE.sub("", name).strip(" ,;:")
        if name and _NAME.match(name) and len(name.split()) >= 2:
            result.authors.append(name)
        elif name and find_wire(name):
            result.wire = result.wire or find_wire(name)
    if not result.authors and not result.wire:
        return None
    return result


def is_role_line(line: str) -> bool:
    """ "Sentinel staff writer", "Senior correspondent": a role printed on its own under a byline."""
    return word_count(line) <= 5 and bool(_ROLE.search(line)) and not line.rstrip().endswith(".")


_META_SEPARATOR = re.compile(r"\s+[\u00b7\u2022|]\s+")


def parse_meta_line(line: str) -> Byline | None:
    """A byline, a date line, or both joined by a separator ("Published March 18, 2026 \u00b7 By Hana
    Vo, Northgate Courier"), as one Byline; None unless every part is one of them."""
    byline = parse_byline(line)
    if byline is not None:
        return byline
    date_line = parse_date_line(line)
    if date_line is not None:
        return Byline(published=date_line[1]) if date_line[0] == "published" else None
    parts = _META_SEPARATOR.split(line)
    if len(parts) < 2 or word_count(line) > 30:
        return None
    result = Byline()
    for part in parts:
        byline = parse_byline(part)
        date_line = parse_date_line(part) if byline is None else None
        if byline is not None:
            result.authors = result.authors or byline.authors
            result.wire = result.wire or byline.wire
            result.outlet = result.outlet or byline.outlet
            result.published = result.published or byline.published
        elif date_line is not None and date_line[0] == "published":
            result.published = result.published or date_line[1]
        elif date_line is None:
            return None
    return result


_AGENCY_START = re.compile(r"^\s*\(?(?P<wire>" + _AGENCY_RE.pattern + r")\)?(?:\s+|$)")


def split_author_credit(name: str) -> tuple[str | None, str | None]:
    """A page's author field as (person, wire): "Jill Moss Associated Press" -> ("Jill Moss",
    "Associated Press"); "AP National Political Writer" -> (None, "AP"); roles dropped."""
    s = re.sub(r"\s+", " ", name).strip(" ,;|")
    wire = find_wire(s)
    if wire:
        return None, wire
    m = _AGENCY_END.search(s)
    if m and m.start() > 0:
        wire, s = m["wire"], s[: m.start()].strip(" ,;|")
    else:
        first = s.split()[0] if s.split() else ""
        if first.lower() in _AGENCY_BY_LOWER and _ROLE.search(s):
            return None, _AGENCY_BY_LOWER[first.lower()]
    s = _ROLE.sub("", s).strip(" ,;|")
    if not s or not _NAME.match(s) or len(s.split()) > 5 or re.search(r"\bstaff\b", s, re.I):
        return None, wire
    return s, wire


# --- datelines ------------------------------------------------------------------------------------
# "PORTHAVEN, March 12 (Meridian Wire) -", "LAKEVIEW, Ore. (AP) \u2014", "KYIV, 12 March (AFP) -"
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+){0,3})"
    r"(?:,\s*(?P<region>[A-Z][\w.]+(?:\s+[A-Z][\w.]+){0,2}))?"
    r"(?:,?\s*(?P<date>" + MONTH + r"\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+" + MONTH + r"(?:\s+\d{4})?))?"
    r"\s*\((?P<agency>[^()]{1,40})\)\s*[-\u2013\u2014:]"
)


@dataclass
class Dateline:
    place: str
    wire: str | None
    month: int | None
    day: int | None
    year: int | None


def parse_dateline(paragraph: str) -> Dateline | None:
    """The dateline opening a wire story, if any; the agency only when it reads as one."""
    m = _DATELINE.match(paragraph)
    if not m:
        return None
    month = day = year = None
    if m["date"]:
        md = _MD.search(m["date"]) or re.search(r"(?P<d>\d{1,2})\s+(?P<m>" + MONTH + ")", m["date"])
        if md:
            month, day = _month(md["m"]), int(md["d"])
        ym = re.search(r"\d{4}", m["date"])
        year = int(ym.group(0)) if ym else None
    agency = m["agency"].strip()
    return Dateline(place=m["place"], wire=find_wire(agency), month=month, day=day, year=year)


# --- date lines -----------------------------------------------------------------------------------
_DATE_LINE = re.compile(
    r"^\s*(?P<kind>published|posted|updated|last updated|first published|modified|last modified|"
    r"date|dated)?\s*(?:on|at|:)?\s*[:\-]?\s*(?P<rest>.{6,80})$",
    re.IGNORECASE,
)


_TIME_ONLY = re.compile(
    r"^\s*(?:published|posted|updated|last updated|modified)\s*(?:at|on)?\s*:?\s*"
    r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?\.?\s*$",
    re.IGNORECASE,
)


def is_time_line(line: str) -> bool:
    """ "Updated at 1:23 p.m." - a time stamp without a date: metadata, not text."""
    return bool(_TIME_ONLY.match(line))


_CREDIT = re.compile(r"^\s*(?:source|sources|credit)\s*:\s*(?P<who>.{2,60})$", re.IGNORECASE)


def parse_source_credit(line: str) -> tuple[str | None] | None:
    """ "SOURCE: Meridian Wire" closing a story -> (wire or None,); None when not such a line."""
    m = _CREDIT.match(line)
    if not m or word_count(line) > 8:
        return None
    who = m["who"].strip(" .")
    wire = find_wire(who)
    if wire:
        return (wire,)
    if re.fullmatch(r"(?:news )?agencies|wire services|agencies", who, re.IGNORECASE):
        return (None,)
    return (None,) if word_count(who) <= 4 else None


def parse_date_line(line: str) -> tuple[str, str] | None:
    """ "Published March 12, 2026" -> ("published", "2026-03-12"); a bare date line too. Else None.

    The line must be only a date (with an optional time and a published/updated word), so a
    sentence that mentions a date is never taken for one.
    """
    if word_count(line) > 14:
        return None
    m = _DATE_LINE.match(line)
    if not m:
        return None
    value = parse_date(m["rest"])
    if not value:
        return None
    leftover = _ISO.sub("", _DMY.sub("", _MDY.sub("", m["rest"])))
    leftover = re.sub(
        r"\b(?:at|on|\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|[ap]\.?m\.?|(?-i:[A-Z]{2,4})|UTC|GMT|ET|updated|"
        r"published|by|am|pm)\b|[\s,|:()\-\u2013\u2014.]+",
        "",
        leftover,
        flags=re.IGNORECASE,
    )
    if len(leftover) > 3:
        return None
    kind = (m["kind"] or "published").lower()
    if "T" not in value:
        value = _with_time(value, m["rest"])
    return ("updated" if "updated" in kind or "modified" in kind else "published"), value


_TIME = re.compile(
    r"(?<![\d:])(?P<h>\d{1,2})[:.](?P<min>\d{2})(?:\s*(?P<ap>[ap])\.?\s?m\b\.?)?(?![\d:])", re.I
)


def _with_time(day: str, text: str) -> str:
    """The ISO date with the clock time printed next to it ("9:02 a.m.", "14:30"), when there is one.
    No zone is added: a printed time is local to the outlet, which the text rarely names."""
    m = _TIME.search(_ISO.sub("", _DMY.sub("", _MDY.sub("", text))))
    if not m:
        return day
    hour, minute = int(m["h"]), int(m["min"])
    if m["ap"]:
        if not 1 <= hour <= 12:
            return day
        hour = hour % 12 + (12 if m["ap"].lower() == "p" else 0)
    if hour > 23 or minute > 59:
        return day
    return f"{day}T{hour:02d}:{minute:02d}"


# --- headlines and mastheads ----------------------------------------------------------------------
_MASTHEAD = re.compile(
    r"(?:\best\.(?=\s|$)|\b(?:established|since \d{4}|founded (?:in )?\d{4}|newspaper|e-edition|"
    r"today'?s paper|print edition|online edition|vol\.\s*\d+|volume \d+|no\.\s*\d+|"
    r"your (?:trusted|local) source|"
    r"serving [\w ,]+ since)\b)",
    re.IGNORECASE,
)
_OUTLET_WORD = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in settings.OUTLET_WORDS) + r")\b")


def is_masthead(line: str) -> bool:
    """A masthead line by its own cues ("Est. 1883", "Newspaper", "Vol. 12"), short."""
    return word_count(line) <= 12 and bool(_MASTHEAD.search(line))


def outlet_name(line: str) -> str | None:
    """The publication a short masthead line names ("The Harbour Gazette Newspaper" -> "The Harbour
    Gazette"), or None when the line does not read as a name."""
    s = line.strip()
    if word_count(s) > 7 or not _OUTLET_WORD.search(s):
        return None
    s = re.sub(r"\s+(?:Newspaper|Online|Newspaper Online|E-Edition|Digital)\s*$", "", s, flags=re.IGNORECASE)
    words = s.split()
    small = {"the", "of", "and", "&", "de", "la"}
    if not words or not all(w[:1].isupper() or w.lower() in small for w in words):
        return None
    return s


_SMALL_WORDS = {"the", "of", "and", "de", "la", "in", "on", "for", "at"}


def masthead_name(line: str) -> str | None:
    """The publication a masthead line names, an all-caps one in title case ("BRAMWELL REVIEW" ->
    "Bramwell Review"); None when the line does not read as a publication's name."""
    s = re.split(r"\s{2,}|\u2003", line.strip())[0]
    letters = [c for c in s if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) >= 3:
        words = s.lower().split()
        s = " ".join(
            w if k and w in _SMALL_WORDS else "-".join(p[:1].upper() + p[1:] for p in w.split("-"))
            for k, w in enumerate(words)
        )
    return outlet_name(s)


def is_title_case(line: str) -> bool:
    long_words = [w for w in re.findall(r"[^\W\d_][\w'\u2019\-]*", line) if len(w) >= 4]
    if not long_words:
        return True
    share = sum(1 for w in long_words if w[0].isupper()) / len(long_words)
    return share >= settings.TITLE_CASE_SHARE


def looks_like_headline(line: str) -> bool:
    """Short, no closing period, starting like a headline: what a headline line looks like.

    Sentence-case headlines ("Minister warns of delays") count too; a line that ends with a period,
    colon or comma, or runs past ``TITLE_MAX_WORDS``, is body text.
    """
    s = line.strip()
    n = word_count(s)
    if n == 0 or n > settings.TITLE_MAX_WORDS or len(s) > settings.TITLE_MAX_CHARS:
        return False
    if s.endswith((".", ":", ",", ";")) and not s.endswith("..."):
        return False
    first = s.lstrip("\"'\u201c\u2018([")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    if _BYLINE.match(s) or parse_date_line(s):
        return False
    # Two or more full sentences are a paragraph even without a final period.
    return len(re.findall(r"[a-z]{2}[.!?]\s+[A-Z]", s)) < 2
