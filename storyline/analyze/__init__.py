"""Analyze stage: coverage, framing, cited summaries, timelines and what's new, per event and storyline.

Pure functions over ``storyline.model``; the pipeline calls ``analyze_event`` / ``analyze_storyline``
when ``analysis_key`` changes, and ``score_opinion`` per article.
"""

from storyline.analyze.coverage import analyze_coverage, independent_sources
from storyline.analyze.event import analysis_key, analyze_event, analyze_storyline, whats_new
from storyline.analyze.framing import apply_opinion, score_opinion
from storyline.analyze.report import render_report
from storyline.analyze.summary import summarize
from storyline.analyze.timeline import build_timeline

__all__ = [
    "analysis_key",
    "analyze_coverage",
    "analyze_event",
    "analyze_storyline",
    "apply_opinion",
    "build_timeline",
    "independent_sources",
    "render_report",
    "score_opinion",
    "summarize",
    "whats_new",
]
