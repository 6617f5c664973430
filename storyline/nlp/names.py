"""Speaker descriptions: splitting "NATO Secretary-General Mark Rutte" into a role and a name.

Regex and word lists only, so the quote stage can resolve most speakers without a parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from storyline.nlp.given_names import given_name_gender
from storyline.settings import quotes as settings
from storyline.settings.quotes import (
    FEMALE_FIRST_NAMES,
    MALE_FIRST_NAMES,
    NAME_PARTICLES,
    ORGANISATION_HEADS,
    PLACE_NAMES,
    SOURCE_NOUNS,
    TITLE_WORDS,
    word_list,
)
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
# Words glued together by page furniture ("FlagShareLikeReplyAda": three or more capitals inside a
# word; "McDonald", "DeSantis" have two) and adjective compounds ("Prize-winning", "Texas-based").
_GLUED = re.compile(r"(?:[A-Z][a-z]+){3,}")
_ADJECTIVE_COMPOUND = re.compile(r"-[a-z]+(?:ing|ed|based|born)$")

# Capitalised words that start sentences or name places/days, never a person's first name. The
# sentence adverbs and conjunctions of the last rows ("Though Quill left", "Neither Ada Quill")
# moved PolNeAR train resolved-speaker accuracy 0.8813 -> 0.8819.
_NOT_NAMES = frozenset(
    word_list(
        """
        the a an in on at but and or if when while after before as he she they we it this
        that monday tuesday wednesday thursday friday saturday sunday january february march
        april may june july august september october november december mr mrs ms dr why what
        how where who which whose of for from to by with sorry another one several some many other
        these those both each every all most no two three four
        then though although neither either nor yet so just since even because like unlike despite
        not never now among amid his her their our its is whereas unless until follow much thanks
        san santa los las
        """
    )
)


# Words that make a capitalised run a place, an institution or a thing rather than a person. The
# US states, compass adjectives and "young", "independent", "economic", "affordable", "act" of the
# last rows keep "Independent Borovia" or "Western Kestrel" from being pronoun antecedents:
# PolNeAR train resolved-speaker accuracy 0.8975 -> 0.8984.
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
        texas florida virginia carolina ohio park prize award zone islander islanders partnership
        agreement treaty summit convention conference movement valley river mountains beach coast
        district region province station tower plaza stadium arena hotel museum library
        alabama alaska arizona arkansas colorado connecticut delaware hawaii idaho illinois indiana
        kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri
        nebraska hampshire jersey oklahoma oregon pennsylvania tennessee utah vermont wisconsin
        wyoming western eastern northern southern independent young economic affordable act
        """
    )
)


_FIRST_NAMES = MALE_FIRST_NAMES | FEMALE_FIRST_NAMES
# ", N.H." / ", Ore." / ", Iowa" closing "of <Town>": the state of a hometown
_HOMETOWN_STATE = re.compile(
    r"\bof\s+(?:[A-Z][\w'\u2019\-.]*\s+){0,2}[A-Z][\w'\u2019\-]*(,\s*([A-Z][A-Za-z.]{1,12}))\s*$"
)
_OPENING_ADVERBIAL = re.compile(r"(?i:in|at|on|after|before|during|from|with|by|since|later|earlier)\b")
_INSTITUTION_HEADS = ORGANISATION_HEADS | frozenset(word_list("board school academy"))
# A capitalised institution name with "of" or "for" inside ("the Illinois Board of Elections").
_INSTITUTION_OF = re.compile(
    r"^(?:[Tt]he\s+)?((?:[A-Z][\w&'\u2019\-.]*\s+)*?([A-Z][\w\-]*)\s+(?:of|for)\s+(?:the\s+)?[A-Z][^,]*)$"
)
# An indefinite description ("a person", "an aide", "one source", "two senior officials") tied to a
# name by a relational phrase ("close to", "to", "for", "of", "familiar with", "working for").
_UNNAMED_OF_NAMED = re.compile(
    r"^(?i:an?|one|another|some|two|three|several)\s+"
    r"(?:[\w\-\u2019']+\s+){0,3}?"
    r"(?:close\s+to|familiar\s+with|near|to|for|of|with|working\s+for|allied\s+with)\s+"
    r"(?:the\s+)?[A-Z]"
)
_AFFILIATION = re.compile(r"^(.*?[A-Z][\w'\u2019\-.]*)\s+(of|from|for|at|with)\s+(.+)$")


@dataclass(frozen=True)
class SpeakerParts:
    """What a speaker span says: a person's name, a role, or neither (an unnamed description)."""

    name: str | None
    role: str | None
    description: str  # the span, tidied
    org: str | None = None  # a capitalised run that names an organisation, not a person ("Harbor Post")


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
    if settings.NAME_TOKEN_SHAPE and (_GLUED.search(t) or _ADJECTIVE_COMPOUND.search(t)):
        return False
    return not _is_title(t) and t.lower().strip(".") not in _NOT_NAMES


def _trailing_names(text: str) -> tuple[list[str], int]:
    """The text's tokens and where the run of name words closing it starts."""
    toks = _TOKEN.findall(text)
    k = len(toks)
    while k > 0 and _is_name_token(toks[k - 1]):
        k -= 1
    return toks, k


def _title_then_name(text: str) -> bool:
    """The text ends with a title word and name words ("... Progress President Neera Tanden")."""
    toks, k = _trailing_names(text)
    return k < len(toks) and k > 0 and _is_title(toks[k - 1])


def _ends_in_full_name(text: str) -> bool:
    """The text ends with two or more name words after a lower-case role word ("... director Ada
    Quill"), so a person, not an organisation, closes it."""
    toks, k = _trailing_names(text)
    return (
        len(toks) - k >= 2
        and k > 0
        and toks[k - 1][:1].islower()
        and toks[k - 1].lower() not in _DETERMINERS
        and toks[k - 1].lower() not in _ROLE_LINKS
        # "Ada Quill of the campaign group Clean Water Kestrel": a group names an organisation
        and not (settings.ORGANISATION_NOUN_NOT_ROLE and toks[k - 1].lower() in ORGANISATION_HEADS)
    )


def split_name(span: str) -> SpeakerParts:
    """Split a speaker span into (name, role).

    The name is the trailing run of capitalised non-title words ("Mark Rutte" in "NATO
    Secretary-General Mark Rutte"); an apposition on either side of a comma gives the role
    ("Estonia's ambassador to NATO, Juri Luik"). A span with no name token is an unnamed
    description ("a US official"): name None.
    """
    desc = tidy(span)
    if (
        settings.HOMETOWN_STATE_NOT_NAME
        and (m := _HOMETOWN_STATE.search(desc))
        and m.group(2).lower().rstrip(".") in settings.STATE_NAMES
    ):
        desc = desc[: m.start(1)]  # "Ada Quill of Kestrel, N.H.": the state after the town is no name
    if settings.LAST_PIECE_FULL_NAME and desc.count(",") >= 2:
        # "Back in March, the alliance's secretary-general, Ada Quill": the full name closing the span
        # is the speaker, the piece before it her role
        head, _, last = desc.rpartition(",")
        last = tidy(last)
        parts = split_name(last)
        if parts.name == last and len(last.split()) >= 2:
            return SpeakerParts(last, _role_text(tidy(head.rsplit(",", 1)[-1])), desc)
    if "," in desc:
        left, _, right = desc.partition(",")
        left, right = tidy(left), tidy(right)
        for name_side, role_side in ((right, left), (left, right)):
            parts = split_name(name_side)
            if parts.name and parts.role is None and name_side == parts.name and role_side:
                return SpeakerParts(parts.name, _role_text(role_side), desc)
        if settings.LAST_PIECE_FULL_NAME and _OPENING_ADVERBIAL.match(left) and (later := split_name(right)).name:
            return SpeakerParts(later.name, later.role, desc)  # "In Kestrel, Mayor Ada Quill"
        desc_first = split_name(left)
        if desc_first.name:
            return SpeakerParts(desc_first.name, desc_first.role or _role_text(right), desc)
        return SpeakerParts(None, None, desc)
    if (
        settings.INSTITUTION_OF_PLACE
        and (m := _INSTITUTION_OF.match(desc))
        and m.group(2).lower() in _INSTITUTION_HEADS
        and not _ends_in_full_name(m.group(1))
        and not _title_then_name(m.group(1))
    ):
        # "the Bank of Kestrel", "the Harbor Board of Elections": an institution, not a person "Kestrel"
        return SpeakerParts(None, None, desc, org=m.group(1))
    if settings.UNNAMED_SOURCE_OF_NAMED and _UNNAMED_OF_NAMED.match(desc):
        # "a person close to Ada Quill", "an aide to Ada Quill": the name is who the unnamed source is
        # close to, not the source
        return SpeakerParts(None, None, desc)
    m = _AFFILIATION.match(desc)
    if m and settings.AFFILIATION_NOT_BEFORE_NAME and _ends_in_full_name(m.group(3)):
        m = None  # "Wages for All organizing director Ada Quill": the name closes the span
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
    if (
        settings.TITLE_WORD_SURNAME
        and len(toks) >= 2
        and _is_title(toks[-1])
        and _CAP.match(fold_punctuation(toks[-1]))
        and not toks[-1].endswith(".")
        and (
            _INITIAL.match(fold_punctuation(toks[-2]))
            or fold_punctuation(toks[-2]).lower() in _FIRST_NAMES
        )
    ):
        i -= 1  # "Tom T. King", "Karen Bishop": a title word after a given name is the surname
    while i > 0 and _is_name_token(toks[i - 1]) and not _POSSESSIVE.search(fold_punctuation(toks[i - 1])):
        i -= 1
    name_toks = toks[i:]
    while name_toks and fold_punctuation(name_toks[0]).lower() in NAME_PARTICLES:
        name_toks = name_toks[1:]
    # a name is one or more capitalised words with at least one non-initial token
    if not name_toks or all(_INITIAL.match(t) for t in name_toks):
        return SpeakerParts(None, None, desc)
    name = " ".join(name_toks)
    if toks[0].lower() in _DETERMINERS and i == 1:
        # "the Democrat", "a Republican", "The Harbor Post", "Another Quillan": a determiner right
        # before a capitalised run makes a description or an institution, never a person's name
        return SpeakerParts(None, None, desc, org=name if toks[0].lower() == "the" else None)
    if is_organisation(name) or (settings.PLACE_RUNS_NOT_NAMES and _place_run(name)):
        return SpeakerParts(None, None, desc, org=name)
    role_toks = toks[: len(toks) - len(name_toks)]
    return SpeakerParts(name, _role_text(" ".join(role_toks), before_name=True), desc)


# Words that end a role read backwards from a name: pronouns, auxiliaries and clause words. A role
# is a title-like noun phrase ("Borovian President", "Kremlin spokesman"), never a clause.
_ROLE_STOP = frozenset(
    word_list(
        """
        he she they i we it you his her their its our my your him them us me is are was were be been
        being has have had do does did will would can could should may might must not also who whom
        whose which that said says say told tells added adds according with by at in on from as than
        when while after before during since if because but while about over into against
        """
    )
)
# Lower-case words allowed inside a role between title words ("Secretary of State", "ambassador to
# NATO", "co-founder and chair").
_ROLE_LINKS = frozenset(word_list("of to for and the 's"))


def _role_word(tok: str) -> bool:
    t = fold_punctuation(tok)
    low = _POSSESSIVE.sub("", t.lower()).strip(".,")
    return bool(low) and low not in _ROLE_STOP and low not in _DETERMINERS


def _role_text(text: str, before_name: bool = False) -> str | None:
    """A role worth keeping: a title-like noun phrase that contains a title word.

    Before a name ("... talks with Borovian President Ilya Vostrov") the role is the run of
    role words right before the name, cut at the first pronoun, verb or preposition read backwards
    ("Borovian President"). An apposition ("head of the planning staff who has served ...") is cut at
    a relative clause and at the first pronoun or auxiliary. "NATO's" alone is no role.
    """
    text = tidy(re.split(r"\s(?:who|which|whose|that)\s", text)[0])
    toks = text.split()
    if before_name:
        k = len(toks)
        while k > 0 and _role_word(toks[k - 1]) and not toks[k - 1].endswith((",", ";", ":")):
            k -= 1
        toks = toks[k:]
    else:
        for k, t in enumerate(toks):
            if not _role_word(t) and fold_punctuation(t).lower() not in _ROLE_LINKS:
                toks = toks[:k]
                break
    while toks and (toks[0].lower() in _DETERMINERS or toks[0].lower() in _ROLE_LINKS):
        toks = toks[1:]
    while toks and toks[-1].lower() in _ROLE_LINKS:
        toks = toks[:-1]
    if not toks or not any(_is_title(t) for t in toks):
        return None
    return " ".join(toks).strip(",;:")


def _place_run(name: str) -> bool:
    """ "South Carolina", "Capitol Hill": a run of two or more capitalised words with a place or
    institution word and no common first name ("Neil Young" stays a person)."""
    toks = name.split()
    if len(toks) < 2 or fold_punctuation(toks[0]).lower() in _FIRST_NAMES:
        return False
    return has_non_person_word(name)


def is_organisation(name: str) -> bool:
    """A capitalised speaker that is a publication, institution or state, not a person: "Harbor
    Post", "Fennick Institute", "Norway". Only the last word decides, a place only when it is the
    whole name, and a known first name makes a person ("Tom Ledger" is no newspaper)."""
    toks = [fold_punctuation(t).lower().strip(".,") for t in tidy(name).split()]
    toks = [_POSSESSIVE.sub("", t) for t in toks]
    if toks and toks[0] in _DETERMINERS:
        toks = toks[1:]
    if not toks:
        return False
    if len(toks) == 1 and toks[0] in PLACE_NAMES:
        return True
    if toks[0] in _FIRST_NAMES:
        return False  # "Tom Ledger", "Emily Post": a first name makes a person
    return toks[-1] in ORGANISATION_HEADS and all(t[:1].isalpha() for t in toks)


@lru_cache(maxsize=65536)
def organisation_name(span: str) -> str | None:
    """The printed name of an organisation speaker ("The Harbor Post"), or None: a capitalised run
    after an optional determiner that is an organisation or starts with "The" and is no person."""
    desc = tidy(span)
    toks = desc.split()
    if not toks or not all(_CAP.match(fold_punctuation(t)) or _ACRONYM.match(t) for t in toks[1:] or toks):
        return None
    body = toks[1:] if toks[0].lower() in _DETERMINERS else toks
    if not body or not all(t[:1].isupper() for t in body):
        return None
    if len(body) == 1 and body[0].lower() in SOURCE_NOUNS | ORGANISATION_HEADS - {"kremlin", "pentagon"}:
        return None  # "The Ministry", "The Government": a description of an institution
    if is_organisation(desc) or (toks[0].lower() == "the" and not any(_is_title(t) for t in body)):
        return desc
    return None


@lru_cache(maxsize=65536)
def roles_of(span: str) -> tuple[str, ...]:
    """Every role a speaker span gives: the title before the name and the apposition after it
    ("General Ada Marsh, head of the planning staff" -> ["General", "head of the planning staff"])."""
    desc = tidy(span)
    out: list[str] = []
    pieces = [tidy(p) for p in desc.split(",") if tidy(p)]
    for piece in pieces:
        parts = split_name(piece)
        if parts.name and parts.role:
            out.append(parts.role)
        elif not parts.name and len(pieces) > 1:
            role = _role_text(piece)
            if role:
                out.append(role)
    seen: set[str] = set()
    return tuple(r for r in out if not (r.lower() in seen or seen.add(r.lower())))  # type: ignore[func-returns-value]


@lru_cache(maxsize=65536)
def alias_of(span: str) -> str:
    """The words of a speaker span worth keeping as an alias: the name with the title printed before
    it ("General Ada Marsh"), without an apposition after a comma ("..., head of the planning
    staff", kept as a role instead)."""
    desc = tidy(span)
    if "," not in desc:
        return desc
    for piece in (tidy(p) for p in desc.split(",")):
        parts = split_name(piece)
        if parts.name:
            return piece
    return desc


def proper_name(span: str) -> str | None:
    """The name a speaker span ends in, a person's or an organisation's ("Harbor Post")."""
    parts = split_name(span)
    return parts.name or parts.org


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
    # "the senator's" -> "senator" (the possessive's "s" is no word of its own)
    toks = re.findall(r"[A-Za-z\-]+", re.sub(r"'s\b", "", fold_punctuation(span).split(",")[0]))
    toks = [t for t in toks if t.lower() not in _DETERMINERS]
    return toks[-1].lower() if toks else None


# A run of capitalised name words (and particles) ending in a capitalised word; the last word leaves
# the apostrophe out so that "Quill's" ends no run.
_NAME_RUN_HEAD = (
    r"(?<![\w.])(?:[A-Z\u00c0-\u00de][\w\u00c0-\u024f'\u2019\-]+|[A-Z]\.)"
    r"(?:\s+(?:[A-Z\u00c0-\u00de][\w\u00c0-\u024f'\u2019\-]+|[A-Z]\.|de|van|von|bin|al|da|di|le|la|del))*"
)
_LAST_NAME_WORD = r"[A-Z\u00c0-\u00de][\w\u00c0-\u024f\-]+"
_NAME_RUN = re.compile(_NAME_RUN_HEAD + rf"(?:\s+{_LAST_NAME_WORD})")
# The same with a last word such as "O'Malley" or "D'Souza" (a capital, an apostrophe, a capital).
_NAME_RUN_APOSTROPHE = re.compile(
    _NAME_RUN_HEAD + rf"(?:\s+(?:{_LAST_NAME_WORD}|[A-Z]['\u2019][A-Z][\w\u00c0-\u024f\-]+))"
)


def person_names(text: str) -> list[tuple[int, str]]:
    """Candidate full names (two or more name words) with their offsets, in text order.

    Over-generates ("White House"); callers only look names up by surname, so a false entry
    matters only when someone is quoted under that word.
    """
    out: list[tuple[int, str]] = []
    pattern = _NAME_RUN_APOSTROPHE if settings.NAME_APOSTROPHE_SURNAMES else _NAME_RUN
    for m in pattern.finditer(text):
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
    if settings.SENTENCE_START_WORD_NOT_NAME:
        out = [(o, n) for o, n in out if not _common_word_opening(text, o, n)]
    return out


# Words that open sentences and are never given names, for articles that happen not to print them
# in lower case.
_OPENING_WORDS = frozenset(
    word_list(
        """
        maybe perhaps does did do is was are were has had have see stated asked following when if why
        how where what while after before since as so but and or yet then also even still just only
        """
    )
)
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;][\"\u201d'\u2019)]?\s+|\n\s*|[\"\u201c(]\s*)$")


def _common_word_opening(text: str, at: int, name: str) -> bool:
    """A name run opening a sentence with a word the article also prints in lower case and that is
    no given name ("Does Rubio ...", "See Sexton's ...", "Maybe Trump ..."): the run is a word and a
    surname, not a full name."""
    first = name.split()[0]
    low = fold_punctuation(first).lower()
    if not first.isalpha() or given_name_gender(low) or not _SENTENCE_OPENING.search(text, max(0, at - 4), at):
        return False
    if low in _OPENING_WORDS:
        return True
    return low.isascii() and re.search(rf"(?<![\w\-]){low}(?![\w\-])", text) is not None


def has_non_person_word(name: str) -> bool:
    """A capitalised run with a word that makes it a place, institution or thing ("Atlantic City",
    "Senate Democrats"), the test ``person_names`` applies to its candidates."""
    return bool(_NON_PERSON & {fold_punctuation(t).lower() for t in name.split()})


@lru_cache(maxsize=1 << 16)
def surname(name: str) -> str:
    toks = [t for t in name.split() if t.lower() not in NAME_PARTICLES and not _INITIAL.match(t)]
    return fold_punctuation(toks[-1]).lower() if toks else fold_punctuation(name).lower()


@lru_cache(maxsize=1 << 16)
def first_name(name: str) -> str | None:
    toks = [t for t in name.split() if not _INITIAL.match(t)]
    return fold_punctuation(toks[0]).lower() if len(toks) >= 2 else None
