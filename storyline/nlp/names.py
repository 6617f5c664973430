"""Speaker descriptions: splitting "NATO Secretary-General Mark Rutte" into a role and a name.

Regex and word lists only, so the quote stage can resolve most speakers without a parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.settings.quotes import NAME_PARTICLES, SOURCE_NOUNS, TITLE_WORDS, word_list
from storyline.text.normalize import fold_punctuation

PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it", "you"})
PERSONAL_PRONOUNS = frozenset({"he", "she"})
_DETERMINERS = frozenset(
    {
        "the",
        "a",
        "an",
        "one",
        "another",
        "two",
        "three",
        "several",
        "some",
        "many",
        "other",
        "this",
        "that",
        "these",
        "those",
        "both",
    }
)
_TOKEN = re.compile(r"[^\s,;:()]+")
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z][A-Z0-9&\-]{1,}$")
_CAP = re.compile(r"^[A-Z\u00c0-\u00de][\w\u00c0-\u024f'\-.]*$")
_INITIAL = re.compile(r"^[A-Z]\.$")
_POSSESSIVE = re.compile(r"['\u2019]s?$")

# Capitalised words that start sentences or name places/days, never a person's first name.
_NOT_NAMES = frozenset(
    word_list(
        """
        the a an in on at but and or if when while after before as he she they we it this
        that monday tuesday wednesday thursday friday saturday sunday january february march
        april may june july august september october november december mr mrs ms dr why what
        how where who which whose of for from to by with sorry
        """
    )
)


# Words that make a capitalised run a place, an institution or a thing rather than a person.
_NON_PERSON = frozenset(
    word_list(
        """
        united states state states house court party department university news times post
        street city county committee council union republic kingdom nations association
        company group network center centre institute foundation campaign club church
        airport bank agency office ministry army force forces security service democrats
        republicans americans senate congress caucus day week year twitter facebook fox cnn
        msnbc abc cbs nbc new york washington america american north south east west island
        islands square avenue road hall school college hospital times journal press media
        television tv radio magazine review daily weekly tribune herald gazette channel
        report federal national international european assembly parliament commission board
        fund bureau administration white black red green blue supreme iowa nevada california
        texas florida virginia carolina ohio
        """
    )
)


_AFFILIATION = re.compile(r"^(.*?[A-Z][\w'\u2019\-.]*)\s+(of|from|for|at|with)\s+(.+)$")


@dataclass(frozen=True)
class SpeakerParts:
    """What a speaker span says: a person's name, a role, or neither (an unnamed description)."""

    name: str | None
    role: str | None
    description: str  # the span, tidied


def tidy(span: str) -> str:
    """Strip the punctuation and spaces a span picks up at its ends."""
    return span.strip().strip(",;:.\u2014-").strip()


def is_pronoun(span: str) -> bool:
    return span.strip().lower() in PRONOUNS


def _is_title(tok: str) -> bool:
    t = fold_punctuation(tok).lower()
    t = _POSSESSIVE.sub("", t)
    if t in TITLE_WORDS or t.rstrip(".") in TITLE_WORDS:
        return True
    # "President-elect", "ex-minister": a hyphenated title
    return "-" in t and any(part in TITLE_WORDS for part in t.split("-"))


def is_title_word(tok: str) -> bool:
    """A word of a role ("Sen.", "Former", "Secretary-General") rather than of a name."""
    return _is_title(tok)


def _is_name_token(tok: str) -> bool:
    t = fold_punctuation(tok)
    if t.lower() in NAME_PARTICLES:
        return True
    if _INITIAL.match(t):
        return True
    if _ACRONYM.match(t) or not _CAP.match(t):
        return False
    return not _is_title(t) and t.lower().strip(".") not in _NOT_NAMES


def split_name(span: str) -> SpeakerParts:
    """Split a speaker span into (name, role).

    The name is the trailing run of capitalised non-title words ("Mark Rutte" in "NATO
    Secretary-General Mark Rutte"); an apposition on either side of a comma gives the role
    ("Estonia's ambassador to NATO, Juri Luik"). A span with no name token is an unnamed
    description ("a US official"): name None.
    """
    desc = tidy(span)
    if "," in desc:
        left, _, right = desc.partition(",")
        left, right = tidy(left), tidy(right)
        for name_side, role_side in ((right, left), (left, right)):
            parts = split_name(name_side)
            if parts.name and parts.role is None and name_side == parts.name and role_side:
                return SpeakerParts(parts.name, _role_text(role_side), desc)
        desc_first = split_name(left)
        if desc_first.name:
            return SpeakerParts(desc_first.name, desc_first.role or _role_text(right), desc)
        return SpeakerParts(None, None, desc)
    m = _AFFILIATION.match(desc)
    if m:
        left = split_name(m.group(1))
        if left.name and m.group(1).endswith(left.name):
            role = f"{left.role} {m.group(2)} {m.group(3)}" if left.role else None
            return SpeakerParts(left.name, role, desc)
    toks = _TOKEN.findall(desc)
    if not toks:
        return SpeakerParts(None, None, desc)
    # trailing run of name tokens
    i = len(toks)
    while i > 0 and _is_name_token(toks[i - 1]) and not _POSSESSIVE.search(fold_punctuation(toks[i - 1])):
        i -= 1
    name_toks = toks[i:]
    while name_toks and fold_punctuation(name_toks[0]).lower() in NAME_PARTICLES:
        name_toks = name_toks[1:]
    # a name is one or more capitalised words with at least one non-initial token
    if not name_toks or all(_INITIAL.match(t) for t in name_toks):
        return SpeakerParts(None, None, desc)
    if toks[0].lower() in _DETERMINERS and i == 1 and len(name_toks) == 1:
        # "the Democrat", "a Republican": a description, not a name
        return SpeakerParts(None, None, desc)
    name = " ".join(name_toks)
    role_toks = toks[: len(toks) - len(name_toks)]
    return SpeakerParts(name, _role_text(" ".join(role_toks)), desc)


def _role_text(text: str) -> str | None:
    """A role worth keeping: it must contain a title word ("NATO's" alone is no role)."""
    text = tidy(re.split(r"\s(?:who|which|whose|that)\s", text)[0])
    toks = text.split()
    while toks and toks[0].lower() in _DETERMINERS:
        toks = toks[1:]
    if not toks or not any(_is_title(t) for t in toks):
        return None
    return " ".join(toks)


def is_unnamed_description(span: str) -> bool:
    """True for "a US official", "people familiar with the matter", "the spokesman"."""
    parts = split_name(span)
    if parts.name:
        return False
    low = fold_punctuation(parts.description).lower()
    return any(w in SOURCE_NOUNS or w.rstrip("s") in SOURCE_NOUNS for w in re.findall(r"[a-z\-]+", low))


def is_definite(span: str) -> bool:
    """ "the official" points back to someone already named or described; "a US official" does not."""
    first = span.strip().split(" ", 1)[0].lower()
    return first in ("the", "this", "that")


def head_noun(span: str) -> str | None:
    """The last plain word of a description: "official" in "the senior US official"."""
    toks = re.findall(r"[A-Za-z\-]+", fold_punctuation(span).split(",")[0])
    toks = [t for t in toks if t.lower() not in _DETERMINERS]
    return toks[-1].lower() if toks else None


_NAME_RUN = re.compile(
    r"(?<![\w.])(?:[A-Z\u00c0-\u00de][\w\u00c0-\u024f'\u2019\-]+|[A-Z]\.)"
    r"(?:\s+(?:[A-Z\u00c0-\u00de][\w\u00c0-\u024f'\u2019\-]+|[A-Z]\.|de|van|von|bin|al|da|di|le|la|del))*"
    r"(?:\s+[A-Z\u00c0-\u00de][\w\u00c0-\u024f\-]+)"
)


def person_names(text: str) -> list[tuple[int, str]]:
    """Candidate full names (two or more name words) with their offsets, in text order.

    Over-generates ("White House"); callers only look names up by surname, so a false entry
    matters only when someone is quoted under that word.
    """
    out: list[tuple[int, str]] = []
    for m in _NAME_RUN.finditer(text):
        run = m.group(0)
        # maximal sub-runs of name words: "NATO Secretary-General Mark Rutte" -> "Mark Rutte"
        pos = m.start()
        cur: list[str] = []
        cur_at = pos
        for tok in run.split(" "):
            at = run.find(tok, pos - m.start()) + m.start()
            pos = at + len(tok)
            poss = bool(_POSSESSIVE.search(fold_punctuation(tok))) and len(tok) > 2 and tok[-2:] != "s'"
            if _is_name_token(tok) or poss:
                if not cur:
                    cur_at = at
                cur.append(_POSSESSIVE.sub("", tok) if poss else tok)
                if not poss:
                    continue
            if 2 <= len(cur) <= 4 and not _NON_PERSON & {fold_punctuation(t).lower() for t in cur}:
                out.append((cur_at, " ".join(cur)))
            cur = []
        if 2 <= len(cur) <= 4 and not _NON_PERSON & {fold_punctuation(t).lower() for t in cur}:
            out.append((cur_at, " ".join(cur)))
    return out


def surname(name: str) -> str:
    toks = [t for t in name.split() if t.lower() not in NAME_PARTICLES and not _INITIAL.match(t)]
    return fold_punctuation(toks[-1]).lower() if toks else fold_punctuation(name).lower()


def first_name(name: str) -> str | None:
    toks = [t for t in name.split() if not _INITIAL.match(t)]
    return fold_punctuation(toks[0]).lower() if len(toks) >= 2 else None
