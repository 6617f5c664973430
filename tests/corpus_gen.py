"""Generators of small realistic corpora for tests (fictional places and people)."""

from __future__ import annotations

import random

_PLACES = [
    "Porthaven",
    "Eastmere",
    "Kellbridge",
    "Norwick",
    "Salt Harbor",
    "Lindqvist Bay",
    "Ardmore",
    "Velloc",
]
_TOPICS = [
    ("dockworkers", "strike", "the port authority", "wages"),
    ("council", "budget vote", "the finance committee", "school funding"),
    ("water utility", "contamination", "the health board", "lead pipes"),
    ("ferry operator", "timetable cuts", "the transport ministry", "island routes"),
    ("hospital trust", "waiting lists", "the regional assembly", "surgeons"),
]
_PEOPLE = ["Mara Okafor", "Tomas Vik", "Helen Strand", "Jonas Bell", "Ines Duarte", "Piet Laar", "Ana Roemer"]


def make_article_text(rng: random.Random, index: int) -> str:
    """A plausible short news article (headline, dateline, quotes), different for every index."""
    place = rng.choice(_PLACES)
    actor, thing, body, issue = rng.choice(_TOPICS)
    person = rng.choice(_PEOPLE)
    surname = person.split()[-1]
    paragraphs = [
        f"{place} {actor} face {thing} over {issue} (report {index})",
        f"{place.upper()}, March {1 + index % 27}, 2026 - The {actor} in {place} are preparing for a {thing} "
        f"after talks with {body} over {issue} broke down late on Tuesday, officials said.",
        f'"We have waited {2 + index % 9} months for a fair offer on {issue}," said {person}, who speaks '
        f'for the {actor}. "Nobody in {place} wants this, but we have no other choice."',
        f"{surname} said the group would meet again on Friday. {body.capitalize()} declined to comment on "
        f"the figure of {100 + index} affected households.",
        f"Case number {index}-{rng.randint(1000, 9999)} is expected to be heard before the end of the month, "
        f"according to a filing seen by local reporters.",
    ]
    return "\n\n".join(paragraphs) + "\n"
