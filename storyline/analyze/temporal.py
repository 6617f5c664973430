"""Resolve temporal expressions in news text against the article's publication date.

Handles what news actually writes: "yesterday", "today", "on Monday", "last Friday", "next Tuesday",
"Jan. 20", "January 20, 2010", "20 January", "March 3", ISO dates, "earlier this month", "last month",
"in March". Day-precise results are ``YYYY-MM-DD``; month-precise ones are ``YYYY-MM``.
Rules (news is mostly past tense): a bare weekday is the most recent such day on or before the
publication date, unless the sentence speaks of the future ("will", "next", "is due to"); a month/day
without a year takes the publication year unless that lands more than ``FUTURE_TOLERANCE_DAYS`` after
publication, then the year before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from storyline.settings import analyze as settings

_MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
_MONTH_RE = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_PATTERNS = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    (
        "mdy",
        re.compile(rf"\b{_MONTH_RE}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?:\s*,?\s*(?P<y>(?:19|20)\d\d)\b)?"),
    ),
    (
        "dmy",
        re.compile(
            rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE}(?:\s*,?\s*(?P<y>(?:19|20)\d\d)\b)?"
        ),
    ),
    (
        "rel",
        re.compile(r"\b(?P<w>yesterday|today|tonight|tomorrow|this (?:morning|afternoon|evening))\b", re.I),
    ),
    (
        "wday",
        re.compile(
            r"\b(?:(?P<mod>last|next|this|on|late|early|from|until|by|since)\s+)?"
            r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
        ),
    ),
    (
        "month_rel",
        re.compile(r"\b(?P<w>earlier this month|this month|last month|next month|later this month)\b", re.I),
    ),
    (
        "in_month",
        re.compile(
            rf"\b(?:in|since|during|until|by|early|late|mid-?)\s+{_MONTH_RE}"
            r"(?!\s+[0-3]?\d\b)(?:\s+(?P<y>(?:19|20)\d\d))?\b"
        ),
    ),
]
_FUTURE = re.compile(
    r"\b(?:will|would|next|is due|are due|is expected to|are expected to|plans? to|"
    r"scheduled|upcoming|is set to|are set to)\b",
    re.I,
)


@dataclass(frozen=True)
class TimeMention:
    """One resolved expression: where it sits in the sentence and the date it names."""

    text: str
    start: int
    end: int
    value: str  # YYYY-MM-DD or YYYY-MM
    precision: str  # "day" or "month"


def parse_date(value: str | None) -> date | None:
    """The date part of an ISO date or datetime string, or None."""
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _month_year(pub: date, month: int, year: str | None) -> int:
    if year:
        return int(year)
    y = pub.year
    if (date(y, month, 1) - pub).days > settings.FUTURE_TOLERANCE_DAYS:
        y -= 1
    return y


def _day(pub: date, month: int, day: int, year: str | None) -> date | None:
    if year:
        try:
            return date(int(year), month, day)
        except ValueError:
            return None
    try:
        d = date(pub.year, month, day)
    except ValueError:
        return None
    if (d - pub).days > settings.FUTURE_TOLERANCE_DAYS:
        try:
            d = date(pub.year - 1, month, day)
        except ValueError:
            return None
    return d


def _shift_month(pub: date, delta: int) -> str:
    m = pub.month - 1 + delta
    return f"{pub.year + m // 12:04d}-{m % 12 + 1:02d}"


def resolve(sentence: str, published: str | date | None) -> list[TimeMention]:
    """Every temporal expression in ``sentence`` resolved against the publication date (none without one)."""
    pub = published if isinstance(published, date) else parse_date(published)
    if pub is None:
        return []
    future = bool(_FUTURE.search(sentence))
    taken: list[tuple[int, int]] = []
    out: list[TimeMention] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(sentence):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            value, precision = _value(kind, m, pub, future)
            if value is None:
                continue
            taken.append(m.span())
            out.append(TimeMention(m.group(0), m.start(), m.end(), value, precision))
    out.sort(key=lambda t: t.start)
    return out


def _value(kind: str, m: re.Match[str], pub: date, future: bool) -> tuple[str | None, str]:
    g = m.groupdict()
    if kind == "iso":
        try:
            return date(int(g["y"]), int(g["m"]), int(g["d"])).isoformat(), "day"
        except ValueError:
            return None, "day"
    if kind in ("mdy", "dmy"):
        if g["mon"].lower() == "may" and kind == "mdy" and not g.get("y") and m.group(0)[0].islower():
            return None, "day"
        d = _day(pub, _MONTHS[g["mon"].lower().rstrip(".")], int(g["d"]), g.get("y"))
        return (d.isoformat() if d else None), "day"
    if kind == "rel":
        w = g["w"].lower()
        offset = -1 if w == "yesterday" else 1 if w == "tomorrow" else 0
        return (pub + timedelta(days=offset)).isoformat(), "day"
    if kind == "wday":
        target = _WEEKDAYS[g["wd"].lower()]
        mod = (g.get("mod") or "").lower()
        back = (pub.weekday() - target) % 7
        if mod == "last":
            back = back or 7
            return (pub - timedelta(days=back)).isoformat(), "day"
        if mod == "next" or (future and mod not in ("since", "last")):
            ahead = (target - pub.weekday()) % 7 or (7 if mod == "next" else 0)
            return (pub + timedelta(days=ahead)).isoformat(), "day"
        return (pub - timedelta(days=back)).isoformat(), "day"
    if kind == "month_rel":
        w = g["w"].lower()
        delta = -1 if w == "last month" else 1 if w == "next month" else 0
        return _shift_month(pub, delta), "month"
    if kind == "in_month":
        month = _MONTHS[g["mon"].lower().rstrip(".")]
        if (
            g["mon"].lower() == "may"
            and not g.get("y")
            and m.group(0)[0].islower()
            and "in May" not in m.group(0)
        ):
            return None, "month"
        return f"{_month_year(pub, month, g.get('y')):04d}-{month:02d}", "month"
    return None, "day"
