"""One self-contained HTML page for events and storylines: summary, timeline chart, coverage matrix,
quotes by speaker and opinion scores with their evidence.

No external requests and no JavaScript: CSS is inline and the timeline chart is an inline SVG whose
geometry is computed here, in Python, from the dates. Jinja2 renders with autoescape on and nothing
stored is ever marked safe, so an article that contains markup shows it as text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from storyline.analyze.facts import align, best_claim, outlet_of
from storyline.analyze.temporal import parse_date
from storyline.model import Article, Event, Quote, Speaker, Storyline, TimelineEntry
from storyline.settings import analyze as settings

TEMPLATES = Path(__file__).with_name("templates")
CHART_WIDTH = 480
CHART_HEIGHT = 120
MATRIX_MAX_FACTS = 12


@dataclass
class ChartPoint:
    x: float
    y: float
    r: float
    label: str  # marker number, matches the list under the chart
    date: str
    show_date: bool


@dataclass
class Chart:
    width: int
    height: int
    points: list[ChartPoint] = field(default_factory=list)
    ticks: list[tuple[float, str]] = field(default_factory=list)


def web_url(url: str | None) -> str | None:
    """Only http(s) links are rendered (never ``javascript:`` or ``data:`` URLs from stored text)."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def _day(value: str) -> date | None:
    return parse_date(value if len(value) >= 10 else f"{value}-01")


def timeline_chart(
    entries: list[TimelineEntry], width: int = CHART_WIDTH, height: int = CHART_HEIGHT
) -> Chart:
    """Geometry of the SVG timeline: one marker per entry on a date axis, bigger for more sources,
    stacked when several entries share a date."""
    dated = [(e, _day(e.date)) for e in entries]
    dated = [(e, d) for e, d in dated if d is not None]
    chart = Chart(width, height)
    if not dated:
        return chart
    first = min(d for _, d in dated)
    last = max(d for _, d in dated)
    span = max(1, (last - first).days)
    pad = 30.0
    axis_y = height - 30.0
    stack: dict[date, int] = {}
    last_label_x = -1e9
    for n, (e, d) in enumerate(dated, start=1):
        x = pad + (width - 2 * pad) * ((d - first).days / span if span else 0.5)
        level = stack.get(d, 0)
        stack[d] = level + 1
        show = level == 0 and x - last_label_x > 70
        if show:
            last_label_x = x
        chart.points.append(
            ChartPoint(
                round(x, 1),
                round(axis_y - 16 - 20 * level, 1),
                round(min(11.0, 6.5 + 1.0 * len(e.sources)), 1),
                str(n),
                e.date,
                show,
            )
        )
    return chart


def _quotes_by_speaker(
    quotes: list[Quote], speakers: dict[str, Speaker], by_id: dict[str, Article]
) -> list[dict]:
    groups: dict[str, dict[str, list[Quote]]] = {}
    for q in quotes:
        if q.article not in by_id:
            continue
        key = q.speaker or f"unnamed:{q.speaker_name or q.speaker_text or 'unattributed'}"
        groups.setdefault(key, {}).setdefault(q.family or q.id, []).append(q)
    out = []
    for key, families in groups.items():
        sp = speakers.get(key)
        name = sp.name if sp else (key.split(":", 1)[1] if key.startswith("unnamed:") else key)
        items = []
        for qs in families.values():
            fullest = max(qs, key=lambda q: len(q.text))
            outlets = sorted({outlet_of(by_id[q.article]) for q in qs})
            items.append(
                {"text": fullest.text, "outlets": outlets, "articles": sorted({q.article for q in qs})}
            )
        out.append({"name": name, "roles": sp.roles if sp else [], "quotes": items})
    out.sort(key=lambda s: (-len(s["quotes"]), s["name"]))
    return out


def _matrix(arts: list[Article]) -> dict:
    """Outlet-by-fact matrix over the most supported facts of the event."""
    table = align(arts)
    by_id = {a.id: a for a in arts}
    facts = sorted(table.facts, key=lambda f: (-f.support, -len(f.outlets)))[:MATRIX_MAX_FACTS]
    outlets = list(dict.fromkeys(outlet_of(a) for a in arts))
    cols = [
        {"n": i + 1, "text": best_claim(f, by_id).text, "support": f.support} for i, f in enumerate(facts)
    ]
    rows = [{"outlet": o, "cells": [o in f.outlets for f in facts]} for o in outlets]
    return {"facts": cols, "rows": rows}


def _event_view(
    event: Event, by_id: dict[str, Article], quotes: list[Quote], speakers: dict[str, Speaker]
) -> dict:
    arts = [by_id[a] for a in event.articles if a in by_id]
    own = {a.id for a in arts}
    copies = sum(1 for a in arts if a.copy_of)
    return {
        "id": event.id,
        "title": event.title,
        "start": event.start,
        "end": event.end,
        "n_articles": len(arts),
        "copies": copies,
        "independent_sources": event.independent_sources,
        "originals": [a for a in arts if not a.copy_of],
        "summary": event.summary,
        "timeline": event.timeline,
        "chart": timeline_chart(event.timeline),
        "coverage": event.coverage,
        "matrix": _matrix(arts) if arts else {"facts": [], "rows": []},
        "speakers": _quotes_by_speaker([q for q in quotes if q.article in own], speakers, by_id),
        "opinions": sorted(arts, key=lambda a: -a.opinion),
    }


def render_report(
    title: str,
    events: list[Event],
    storylines: list[Storyline],
    articles: list[Article],
    quotes: list[Quote],
    speakers: list[Speaker],
) -> str:
    """The whole report as one HTML string (write it to a file; it needs nothing else)."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, trim_blocks=True, lstrip_blocks=True
    )
    by_id = {a.id: a for a in articles}
    sp = {s.id: s for s in speakers}
    story_views = [
        {
            "id": s.id,
            "title": s.title,
            "start": s.start,
            "end": s.end,
            "summary": s.summary,
            "timeline": s.timeline,
            "chart": timeline_chart(s.timeline),
            "events": [e.title for e in events if e.id in set(s.events)],
        }
        for s in storylines
    ]
    return env.get_template("report.html.j2").render(
        title=title,
        storylines=story_views,
        events=[_event_view(e, by_id, quotes, sp) for e in events],
        articles=by_id,
        outlet_of=outlet_of,
        web_url=web_url,
        opinion_threshold=settings.OPINION_THRESHOLD,
    )
