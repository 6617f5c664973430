"""The plain data every stage speaks.

Stages are functions from these dataclasses to these dataclasses; only the store turns them into
rows and only ``storyline.export`` turns them into the JSON of ``shared/contract/export.md``.
Field names follow that contract; fields the contract does not name are additions it allows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

DateSource = Literal["metadata", "text", "feed", "file"]
QuoteKind = Literal["direct", "partial"]
Variant = Literal["exact", "normalized", "altered"]
CueClass = Literal["neutral", "loaded"]
SpeakerKind = Literal["person", "organisation", "unnamed"]


@dataclass
class RawDocument:
    """One input document before cleaning: what an ingest source read, nothing interpreted yet.

    Exactly one of ``text`` and ``html`` is set. Metadata a source already knows (a JSONL record's
    title, a feed entry's date) travels in the optional fields and wins over what cleaning infers.
    """

    source: str  # path or URL it came from
    text: str | None = None
    html: str | None = None
    url: str | None = None  # canonical URL when known
    record_id: str | None = None  # an id supplied by the input (JSONL "id")
    title: str | None = None
    published: str | None = None
    updated: str | None = None
    date_source: DateSource | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    file_mtime: str | None = None  # ISO date of the file, the last resort for a date


@dataclass
class Article:
    """A clean article: the body as printed (paragraphs split by blank lines) and its metadata."""

    id: str
    source: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    wire: str | None = None
    published: str | None = None
    updated: str | None = None
    date_source: DateSource | None = None
    language: str = "en"
    removed: list[str] = field(default_factory=list)
    confidence: float = 1.0  # how sure we are the text is the article and only the article
    copy_of: str | None = None
    event: str | None = None
    opinion: float = 0.0
    opinion_evidence: list[str] = field(default_factory=list)
    content_hash: str = ""  # hash of the normalised text: a changed hash is a new revision
    revision: int = 1
    seq: int = 0  # ingest order, assigned by the store

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p.strip()]


@dataclass
class Quote:
    """A quoted span in one article, with who the article says spoke it."""

    id: str
    article: str
    text: str  # the words inside the quotation marks, as printed
    start: int  # offsets into the article's text
    end: int
    kind: QuoteKind = "direct"
    speaker: str | None = None  # speaker id, set when speakers are resolved across the corpus
    speaker_text: str | None = None  # the words used for the speaker at that place ("he")
    speaker_name: str | None = None  # the person or description those words resolve to in the article
    speaker_role: str | None = None  # a role the article gives the speaker ("NATO Secretary-General")
    cue: str | None = None  # reporting verb or phrase as printed
    cue_class: CueClass | None = None
    family: str = ""


@dataclass
class RoleSpell:
    """Evidence that a person held a role on a date (from an apposition in a dated article)."""

    role: str
    first_seen: str | None
    last_seen: str | None


@dataclass
class Speaker:
    id: str
    name: str  # fullest name seen, or the description of an unnamed source
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    named: bool = True
    role_history: list[RoleSpell] = field(default_factory=list)
    kind: SpeakerKind = "person"  # an organisation speaking ("The Kremlin") or an unnamed source is not a person


@dataclass
class QuoteAppearance:
    article: str
    quote: str
    variant: Variant
    diff: str | None = None  # for altered variants: the words that differ from the family text


@dataclass
class FirstSeen:
    article: str
    published: str | None


@dataclass
class QuoteFamily:
    id: str
    speaker: str | None
    text: str  # the fullest version
    first_seen: FirstSeen
    appearances: list[QuoteAppearance] = field(default_factory=list)


@dataclass
class SummarySentence:
    text: str
    sources: list[str]  # article ids that report it


@dataclass
class TimelineEntry:
    date: str
    text: str
    sources: list[str]


@dataclass
class OutletCoverage:
    outlet: str
    articles: list[str]
    quotes: list[str] = field(default_factory=list)
    unique_facts: list[str] = field(default_factory=list)
    missing_facts: list[str] = field(default_factory=list)
    opinion: float = 0.0


@dataclass
class Event:
    id: str
    title: str
    articles: list[str]
    storyline: str = ""
    start: str | None = None
    end: str | None = None
    summary: list[SummarySentence] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    coverage: list[OutletCoverage] = field(default_factory=list)
    independent_sources: int = 0  # outlets that reported it on their own, not as copies


@dataclass
class Storyline:
    id: str
    title: str
    events: list[str]
    start: str | None = None
    end: str | None = None
    summary: list[SummarySentence] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
