"""Speakers across the corpus: one id per person however outlets print the name, roles over time.

Runs over every quote on each pipeline run, so everything is dictionary grouping plus one sort
per role (O(n log n)); no pairwise comparison of names.

Identity rules:
- a named speaker's key is (first name, surname) of the fullest name the article resolved to;
  "Mark Rutte", "NATO Secretary-General Mark Rutte", "NATO's Rutte" (resolved in its article to
  Mark Rutte) share it. A surname alone ("Rutte" in an article that never gives the first name)
  joins the one person in the corpus with that surname; when the corpus knows two (John and Jane
  Smith) it stays its own speaker: sharing a surname is not evidence.
- an organisation speaking (a publication, an institution, a state: "The Harbor Post",
  "Borovia") is a name but not a person: one id per organisation name, in its own id space, so
  it never merges with a person (no "Harbor Post" person is invented from it).
- an unnamed source ("a US official") gets an id per description *per article*: "a US official"
  in two articles may well be two people, and merging them would invent a prolific source; within
  an article "a US official" and "the official" were already tied by the quote stage. Unnamed
  sources never merge with named people.
- a bare role description ("the NATO chief", "the alliance chief") resolves to whoever the corpus
  shows holding that role at the article's date, learned from dated appositions ("NATO
  Secretary-General Mark Rutte"); before evidence of a new holder it stays with the previous one,
  and before any evidence at all it goes to the earliest known holder.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from storyline.ids import stable_id
from storyline.model import Article, Quote, RoleSpell, Speaker
from storyline.nlp import names
from storyline.settings.quotes import word_list
from storyline.text.normalize import fold_punctuation

# Role head words that name the top job of an organisation: "NATO chief" = "NATO Secretary-General".
_HEAD_WORDS = frozenset(
    word_list(
        """
        chief head leader boss secretary-general secretary general chairman chairwoman chair
        president
        """
    )
)
# Words that stand for "the organisation this article is about" in a role description.
_GENERIC_ORGS = frozenset(
    word_list(
        """
        alliance bloc organisation organization agency union body group
        """
    )
)
_ROLE_FILLER = frozenset(
    word_list(
        """
        the a an of to for 's s former current new outgoing incoming
        """
    )
)


@dataclass
class _Person:
    key: str
    names: Counter[str] = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    roles: dict[str, tuple[str, str | None, str | None]] = field(
        default_factory=dict
    )  # key -> (role, first, last)


def _role_key(role: str) -> tuple[str, str] | None:
    """(organisation, head) of a role: ("nato", "head") for "NATO Secretary-General"."""
    text = fold_punctuation(role)
    toks = re.findall(r"[A-Za-z][\w\-.]*", text.replace("'s", " "))
    if not toks:
        return None
    low = [t.lower().strip(".") for t in toks]
    head = None
    for t in reversed(low):
        if t in _ROLE_FILLER:
            continue
        head = t
        break
    if head is None:
        return None
    joined = " ".join(low)
    if head in _HEAD_WORDS or "secretary general" in joined or "secretary-general" in joined:
        head = "head"
    orgs = [
        t.lower()
        for t in toks
        if (t.isupper() and len(t) > 1)
        or (t[:1].isupper() and t.lower() not in _HEAD_WORDS and t.lower() not in _ROLE_FILLER)
    ]
    orgs = [o for o in orgs if o not in ("secretary-general", "secretary", "general", head)]
    generic = [t for t in low if t in _GENERIC_ORGS]
    org = orgs[0] if orgs else (generic[0] if generic else "")
    return org, head


def _date(article: Article | None) -> str | None:
    if article is None:
        return None
    d = article.published or article.updated
    return d[:10] if d else None


def _is_named(name: str) -> bool:
    parts = names.split_name(name)
    return bool(parts.name) and parts.role is None and parts.name == names.tidy(name)


_RELATIVE_OPENING = re.compile(r"^.*?\b(?:that|which|whom|who)\s+(?=[A-Z])")


def _alias(span: str, surname: str) -> str:
    """The printed words of a speaker span worth keeping as an alias of the person with ``surname``:
    the title and name, without an apposition after a comma, a clause after the name ("Lund has not
    commented since ..." -> "Lund") or the words before a relative pronoun ("a compromise that
    President Ada Quill" -> "President Ada Quill")."""
    alias = names.alias_of(span)
    toks = alias.split()
    ends = [k for k, t in enumerate(toks) if names.surname(re.sub(r"['\u2019]s$", "", t)) == surname]
    if ends:
        alias = " ".join(toks[: ends[-1] + 1])
    return names.tidy(_RELATIVE_OPENING.sub("", alias))


def resolve_speakers(quotes: list[Quote], articles: dict[str, Article]) -> list[Speaker]:
    """Set ``quote.speaker`` on every quote with a speaker and return the corpus's speakers.

    Idempotent: it reads only what the quote stage filled (speaker_text/name/role) and the
    articles' dates, so running it again over a grown corpus recomputes every id.
    """
    for q in quotes:
        q.speaker = None  # recomputed from scratch each run: new evidence may change a role holder
    persons: dict[str, _Person] = {}
    first_by_surname: dict[str, set[str]] = defaultdict(set)
    named_quotes: list[tuple[Quote, str, str]] = []  # quote, surname, first name
    for q in quotes:
        if not q.speaker_name or not _is_named(q.speaker_name):
            continue
        sur = names.surname(q.speaker_name)
        first = names.first_name(q.speaker_name) or ""
        named_quotes.append((q, sur, first))
        if first:
            first_by_surname[sur].add(first)
    for q, sur, first in named_quotes:
        if not first:
            firsts = first_by_surname.get(sur, set())
            first = next(iter(firsts)) if len(firsts) == 1 else ""
        key = f"{first} {sur}".strip()
        person = persons.setdefault(key, _Person(key))
        person.names[q.speaker_name or ""] += 1
        if q.speaker_text and not names.is_pronoun(q.speaker_text):
            # the name as printed with its title ("General X"), not a long apposition after a comma
            person.aliases.add(_alias(q.speaker_text, sur))
        q.speaker = stable_id("s", key)
        date = _date(articles.get(q.article))
        if q.speaker_role:
            _add_role(person, q.speaker_role, date)
        if q.speaker_text and not names.is_pronoun(q.speaker_text):
            for role in names.roles_of(q.speaker_text):  # "General X, head of the staff": both roles
                _add_role(person, role, date)
    # who held which role when: (org, head) -> sorted [(date, person key)]
    holders: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for person in persons.values():
        for role, first_seen, _last in person.roles.values():
            rk = _role_key(role)
            if rk and first_seen:
                holders[rk].append((first_seen, person.key))
    for lst in holders.values():
        lst.sort()
    orgs_by_head: dict[str, set[str]] = defaultdict(set)
    for org, head in holders:
        orgs_by_head[head].add(org)
    unnamed: dict[str, Speaker] = {}
    orgs: dict[str, Speaker] = {}
    for q in quotes:
        if q.speaker or not q.speaker_name:
            continue
        org = names.organisation_name(q.speaker_name)
        if org:
            # a publication, institution or state ("The Harbor Post", "Borovia"): a name, so one
            # speaker across the corpus, but its own id space, never merged with a person
            okey = re.sub(r"^the\s+", "", fold_punctuation(org).lower())
            sid = stable_id("s", "org", okey)
            q.speaker = sid
            sp = orgs.setdefault(
                sid, Speaker(id=sid, name=org, aliases=[], roles=[], named=True, kind="organisation")
            )
            if org != sp.name and org not in sp.aliases:
                sp.aliases.append(org)
            continue
        art = articles.get(q.article)
        holder = _role_holder(q.speaker_name, art, holders, orgs_by_head)
        if holder is not None:
            # speaker_name keeps the article's own words ("the NATO chief") so that reruns with new
            # evidence can move the quote to another holder; the Speaker carries the person's name
            q.speaker = stable_id("s", holder)
            continue
        desc = _lower_determiner(names.tidy(q.speaker_name))
        sid = stable_id("s", "unnamed", q.article, desc.lower())
        q.speaker = sid
        if sid not in unnamed:
            unnamed[sid] = Speaker(id=sid, name=desc, aliases=[], roles=[], named=False, kind="unnamed")
        if (
            q.speaker_text
            and q.speaker_text.lower() != desc.lower()
            and q.speaker_text not in unnamed[sid].aliases
        ):
            unnamed[sid].aliases.append(q.speaker_text)
    out: list[Speaker] = []
    for person in persons.values():
        full = max(person.names, key=lambda n: (len(n.split()), person.names[n], n))
        aliases = sorted(a for a in person.aliases | set(person.names) if a != full)
        spells = sorted(
            (RoleSpell(role, fs, ls) for role, fs, ls in person.roles.values()),
            key=lambda r: (r.first_seen or "", r.role),
        )
        out.append(
            Speaker(
                id=stable_id("s", person.key),
                name=full,
                aliases=aliases,
                roles=[r.role for r in spells],
                named=True,
                role_history=spells,
            )
        )
    out.extend(unnamed.values())
    out.extend(orgs.values())
    out.sort(key=lambda s: s.id)
    return out


def _lower_determiner(desc: str) -> str:
    """"A Veltan official" printed at a sentence start is "a Veltan official" mid-sentence."""
    first, _, rest = desc.partition(" ")
    if rest and first in ("A", "An", "Another", "One", "The", "Two", "Three", "Several", "Some"):
        return f"{first.lower()} {rest}"
    return desc


def _add_role(person: _Person, role: str, date: str | None) -> None:
    key = re.sub(r"[\s\-]+", " ", fold_punctuation(role).lower()).strip()
    old = person.roles.get(key)
    if old is None:
        person.roles[key] = (role, date, date)
        return
    first = min((d for d in (old[1], date) if d), default=None)
    last = max((d for d in (old[2], date) if d), default=None)
    person.roles[key] = (old[0], first, last)


def _role_holder(
    description: str,
    art: Article | None,
    holders: dict[tuple[str, str], list[tuple[str, str]]],
    orgs_by_head: dict[str, set[str]],
) -> str | None:
    """The person key holding the role a bare description names, at the article's date."""
    if not holders or not names.is_definite(description):
        return None
    rk = _role_key(description)
    if rk is None:
        return None
    org, head = rk
    if (org, head) not in holders:
        if org in _GENERIC_ORGS or not org:
            # "the alliance chief": the organisation with a known holder the article mentions most
            text = fold_punctuation(art.text).lower() if art else ""
            best = max(orgs_by_head.get(head, ()), key=lambda o: (text.count(o), o), default=None)
            if best is None or (text and text.count(best) == 0):
                return None
            org = best
        else:
            return None
    lst = holders.get((org, head))
    if not lst:
        return None
    date = _date(art)
    if date is None:
        return lst[-1][1]
    i = bisect.bisect_right(lst, (date, "\uffff"))
    return lst[i - 1][1] if i > 0 else lst[0][1]
