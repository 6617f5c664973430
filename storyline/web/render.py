"""Pure helpers that turn model objects into what the templates draw: highlighted text segments, word
diffs, the storyline chart's coordinates, the coverage matrix, copies folded under their originals.

Everything returns plain data (strings stay unescaped here: the templates escape every one), so these
are unit-testable without a server and no stored text ever reaches the page as markup.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from storyline.model import Event, Quote
from storyline.settings import web as settings
from storyline.text.normalize import normalize_for_match

_PARAGRAPH = re.compile(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*$)", re.S)
_TOKEN = re.compile(r"\S+")


class BadDate(ValueError):
    """A query parameter that should be an ISO 8601 date is not one."""


def parse_since(value: str | None) -> str | None:
    """A ``since`` parameter as the ISO prefix the store compares with (dates compare as text).

    Accepts ``YYYY-MM-DD`` or a full ISO 8601 datetime; anything else raises ``BadDate``."""
    if value is None or value.strip() == "":
        return None
    text = value.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat()
        return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        raise BadDate(f"expected an ISO 8601 date such as 2025-03-01, got {value[:40]!r}") from None


# -- article text with highlights ------------------------------------------------------------------
@dataclass
class Segment:
    text: str
    quote: Quote | None = None
    origin: str | None = None  # reused passage: the article it first appeared in
    original: bool = False  # a passage first printed here (and reused elsewhere is not known here)


@dataclass
class Paragraph:
    start: int
    segments: list[Segment] = field(default_factory=list)


def paragraph_segments(
    text: str, quotes: Sequence[Quote], passages: Sequence[Mapping[str, Any]]
) -> list[Paragraph]:
    """The text split into paragraphs, each cut into runs that share a quote and a passage origin.

    Offsets outside the text or inverted are ignored (a stale offset must not break the page)."""
    n = len(text)
    good_quotes = [q for q in quotes if 0 <= q.start < q.end <= n]
    reused = [
        (int(p["start"]), int(p["end"]), str(p["origin"]))
        for p in passages
        if p.get("origin") and 0 <= int(p["start"]) < int(p["end"]) <= n
    ]
    paragraphs: list[Paragraph] = []
    for match in _PARAGRAPH.finditer(text):
        p_start, p_end = match.start(), match.end()
        cuts = {p_start, p_end}
        for q in good_quotes:
            cuts.update(x for x in (q.start, q.end) if p_start < x < p_end)
        for s, e, _ in reused:
            cuts.update(x for x in (s, e) if p_start < x < p_end)
        points = sorted(cuts)
        para = Paragraph(start=p_start)
        for a, b in itertools.pairwise(points):
            quote = next((q for q in good_quotes if q.start <= a and b <= q.end), None)
            origin = next((o for s, e, o in reused if s <= a and b <= e), None)
            segment = Segment(text=text[a:b], quote=quote, origin=origin)
            last = para.segments[-1] if para.segments else None
            if last and last.quote is segment.quote and last.origin == segment.origin:
                last.text += segment.text
            else:
                para.segments.append(segment)
        paragraphs.append(para)
    return paragraphs


# -- word-level diff -------------------------------------------------------------------------------
@dataclass
class DiffToken:
    op: str  # "same" | "ins" | "del" | "norm" (same word once quotes, dashes and case are folded)
    text: str


def word_diff(base: str, variant: str) -> list[DiffToken]:
    """``variant`` against ``base`` word by word: words only in the variant are ``ins``, words it drops
    are ``del``, words that differ only in typography or case are ``norm``."""
    a, b = _TOKEN.findall(base), _TOKEN.findall(variant)
    a_norm = [normalize_for_match(w).strip(".,;:!?\"'()") for w in a]
    b_norm = [normalize_for_match(w).strip(".,;:!?\"'()") for w in b]
    out: list[DiffToken] = []
    matcher = difflib.SequenceMatcher(a=a_norm, b=b_norm, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                out.append(DiffToken("same" if a[i] == b[j] else "norm", b[j]))
            continue
        if tag in ("delete", "replace"):
            out.extend(DiffToken("del", w) for w in a[i1:i2])
        if tag in ("insert", "replace"):
            out.extend(DiffToken("ins", w) for w in b[j1:j2])
    return out


# -- storyline chart -------------------------------------------------------------------------------
def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def timeline_chart(events: Sequence[Any], stats: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """Coordinates of the storyline chart: one row per event, a bar from its first to last date,
    month ticks along the top. Undated events are listed but not drawn."""
    width = settings.TIMELINE_WIDTH
    left, right, top, row_h = 10, 10, 34, settings.TIMELINE_ROW
    spans: list[tuple[Event, date, date]] = []
    for event in events:
        st = stats.get(event.id, {})
        s = _day(event.start) or _day(st.get("first"))
        e = _day(event.end) or _day(st.get("last")) or s
        if s is not None and e is not None:
            spans.append((event, min(s, e), max(s, e)))
    if not spans:
        return {"width": width, "height": 0, "rows": [], "ticks": []}
    spans.sort(key=lambda x: (x[1], x[2], x[0].id))
    lo, hi = min(s for _, s, _ in spans), max(e for _, _, e in spans)
    days = max((hi - lo).days, 1)
    usable = width - left - right

    def x(d: date) -> float:
        return round(left + usable * (d - lo).days / days, 1)

    rows = []
    for i, (event, s, e) in enumerate(spans):
        x1, x2 = x(s), x(e)
        bar_w = max(x2 - x1, 6.0)
        label = event.title or event.id
        if len(label) > settings.TIMELINE_LABEL_CHARS:
            label = label[: settings.TIMELINE_LABEL_CHARS - 1] + "…"
        anchor_end = x1 > width * 0.6
        rows.append({
            "id": event.id, "x": x1, "w": round(bar_w, 1), "y": top + i * row_h, "label": label,
            "label_x": round(x1 - 6, 1) if anchor_end else round(x1 + bar_w + 6, 1),
            "anchor": "end" if anchor_end else "start", "start": s.isoformat(), "end": e.isoformat(),
            "articles": stats.get(event.id, {}).get("articles", 0),
        })
    ticks = []
    month = date(lo.year, lo.month, 1)
    months = (hi.year - lo.year) * 12 + hi.month - lo.month + 1
    step = max(1, months // 8)
    while month <= hi:
        tx = x(max(month, lo))
        anchor = "start" if tx < 40 else ("end" if tx > width - 40 else "middle")
        ticks.append({"x": tx, "label": month.strftime("%b %Y"), "anchor": anchor})
        m = month.month - 1 + step
        month = date(month.year + m // 12, m % 12 + 1, 1)
    return {"width": width, "height": top + len(rows) * row_h + 4, "rows": rows, "ticks": ticks}


def heat_grid(cells: Iterable[tuple[str, str, int]], top: int) -> dict[str, Any]:
    """Speakers × months counts as a grid with heat levels 0-4 (CSS classes, no inline style)."""
    counts: dict[str, dict[str, int]] = {}
    months: set[str] = set()
    for speaker, month, n in cells:
        counts.setdefault(speaker, {})[month] = counts.get(speaker, {}).get(month, 0) + n
        months.add(month)
    order = sorted(counts, key=lambda s: (-sum(counts[s].values()), s))[:top]
    month_list = sorted(months)
    peak = max((n for s in order for n in counts[s].values()), default=0)
    rows = []
    for speaker in order:
        row = []
        for month in month_list:
            n = counts[speaker].get(month, 0)
            level = 0 if n == 0 else 1 + min(3, int(3 * n / peak)) if peak else 0
            row.append({"n": n, "level": level})
        rows.append({"speaker": speaker, "total": sum(counts[speaker].values()), "cells": row})
    return {"months": month_list, "rows": rows}


# -- event page ------------------------------------------------------------------------------------
def coverage_matrix(event: Event, briefs: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """Facts × outlets: which outlet carries which fact. Facts are the summary's sentences (carried by
    the outlets of their cited articles) and every outlet's unique and missing facts."""
    outlets = [c.outlet for c in event.coverage]
    if not outlets:
        in_event = set(event.articles)
        outlets = sorted({str(b.get("outlet") or "(unknown)") for a, b in briefs.items() if a in in_event})
    missing = {c.outlet: set(c.missing_facts) for c in event.coverage}
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for sentence in event.summary:
        carriers = {str(briefs.get(s, {}).get("outlet") or "(unknown)") for s in sentence.sources}
        cells = [
            "yes" if o in carriers else ("missing" if sentence.text in missing.get(o, ()) else "no")
            for o in outlets
        ]
        rows.append({"fact": sentence.text, "kind": "summary", "cells": cells})
        seen.add(sentence.text)
    for cov in event.coverage:
        for fact in cov.unique_facts:
            if fact in seen:
                continue
            seen.add(fact)
            rows.append({"fact": fact, "kind": "unique",
                         "cells": ["yes" if o == cov.outlet else "no" for o in outlets]})
    for cov in event.coverage:
        for fact in cov.missing_facts:
            if fact in seen:
                continue
            seen.add(fact)
            rows.append({"fact": fact, "kind": "shared",
                         "cells": ["missing" if fact in missing.get(o, ()) else "yes" for o in outlets]})
    return {"outlets": outlets, "rows": rows}


def fold_copies(article_ids: Sequence[str], briefs: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Originals in order, each with the copies of it (within this event) folded beneath."""
    present = [a for a in article_ids if a in briefs]
    in_event = set(present)
    children: dict[str, list[str]] = {}
    roots: list[str] = []
    for aid in present:
        parent = briefs[aid].get("copy_of")
        if parent and parent in in_event and parent != aid:
            children.setdefault(parent, []).append(aid)
        else:
            roots.append(aid)
    return [{"article": briefs[r], "copies": [briefs[c] for c in children.get(r, [])]} for r in roots]


def cited_numbers(article_ids: Sequence[str]) -> dict[str, int]:
    """A stable footnote number per article of the event (its position in the event)."""
    return {a: i + 1 for i, a in enumerate(article_ids)}
