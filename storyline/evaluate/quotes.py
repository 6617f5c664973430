"""Scoring the quote stage on PolNeAR (brat standoff attribution annotations).

Gold: the article's quotation-mark spans (paired per paragraph, a quote running over paragraphs
cut at each paragraph break, the way the extractor cuts it; in a text that prints every double mark
as two apostrophes, ''like this'', those pairs are the marks) that overlap an attribution's Content
are the gold direct quotes, each trimmed to the annotated part inside the marks. So a mixed
direct/indirect content counts by its quoted part, a quote split by its cue counts twice (one per
pair of marks), and a quote annotated sentence by sentence counts once (PolNeAR annotators often
cut one quotation into one attribution per sentence). Where several annotators worked on a text the
first ``.ann`` file in name order is used (the suffix is the annotator id), always the same one.

Metrics: quote precision/recall/F1 where a predicted and a gold quote match one-to-one when their
word-token overlap |P∩G| / max(|P|,|G|) is at least 0.8; exact-span F1 (same span after trimming
spaces); speaker accuracy over matched gold quotes that have a Source: the prediction's printed
speaker words equal or sit inside the gold Source span's words (or the other way round), or the
predicted person's surname appears in the Source or, when the Source is a pronoun or description,
in the Source's referent (below). ``speaker_span_accuracy`` counts the first condition only.

That lenient ``speaker_accuracy`` credits a printed "he" equal to a gold "he"; the issue asks for
resolved speakers, so ``resolved_speaker_accuracy`` (the target metric) requires the resolved person
(``speaker_name``) to carry the surname of the person the gold Source refers to: the Source itself
when it names someone, else its referent. Unnamed descriptions ("a US official") count when the
printed or resolved description matches the Source span or the resolved person matches the
referent; "they", "we" and "I" (a group, the writer) also count as printed, and so does a pronoun
with no referent.

The referent. PolNeAR has no coreference links, so the person a pronoun or description Source refers
to is approximated from the other gold Sources of the article (``_referent``), by rules that never
look at the prediction:

- he/she/him/her: the nearest named gold Source before both the quote and the pronoun that names a
  single person of a compatible gender. Skipped as not one person: sites ("....com"), organisations
  and places (the quote stage's ``names.is_organisation`` and non-person words), groups ("Both X and
  Y", "Quill and husband Ivo", "Most of ...", "five voters", "a majority of Republicans") and plural
  nouns opening a sentence ("Supporters", "Fact-checkers"), and Sources whose name is not their head
  ("The charge against Quill", "A reporter for Harbor News"). Skipped as the other gender: a first
  name, an honorific right before the name ("Mrs. Quill"), a gendered role or kin word in the span
  ("spokeswoman", "his wife, Ada"), or the first names and honorifics the article prints with that
  surname elsewhere when they agree on one gender. Unknown gender agrees with both pronouns.
- other pronouns and descriptions: the nearest named gold Source before the quote.

The gender and person tests reuse the quote stage's word lists (``MALE_FIRST_NAMES``,
``FEMALE_FIRST_NAMES`` and the given-name lexicon behind ``given_name_gender``, the gendered titles,
``storyline.nlp.names``), so a gap in those lists hides the same gender from the system and from the
scorer (the lexicon changed 12 train referents, none for the worse when read by hand, and no dev
one); ``names.split_name`` also follows the quote stage's PLACE_RUNS_NOT_NAMES and NAME_TOKEN_SHAPE
switches and ``names.person_names`` its NAME_APOSTROPHE_SURNAMES switch, so compare system changes
with those switches fixed (settings/quotes.py
does). The earlier stand-in (the nearest named
gold Source before the quote, whatever it names) is still reported as
``speaker_accuracy_nearest_source`` and ``resolved_speaker_accuracy_nearest_source``.

Hand check on PolNeAR train (who each pronoun really refers to, read from the article): of 100 gold
quotes with a he/she/him/her Source drawn at random (seed 6), the nearest-Source stand-in names that
person for 85 and the referent above for 88 (never worse on any of them; no referent: 2 against
1). Of 40 drawn at random (seed 7) from the 104 train quotes where the two differ, the old one is
right for 1 and the new one for 17 (2 of them: no referent for an unnamed speaker); the new one
names someone else for 12 (the old one for 39) and nobody for 11, mostly where the true antecedent
is a person the annotation never marks as a Source.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from storyline.model import Article, Quote
from storyline.nlp import names
from storyline.nlp.given_names import given_name_gender
from storyline.nlp.quotes import extract_quotes
from storyline.settings.quotes import FEMALE_FIRST_NAMES, FEMALE_TITLES, MALE_FIRST_NAMES, MALE_TITLES, word_list
from storyline.text.normalize import double_apostrophe_marks, fold_punctuation, words

_WORD = re.compile(r"[\w\u00c0-\u024f]+(?:['\u2019\-][\w\u00c0-\u024f]+)*")
_MARK = re.compile('["\u201c\u201d]')
MATCH_OVERLAP = 0.8


@dataclass
class GoldQuote:
    article: str
    start: int
    end: int
    source: str | None
    referent: str | None  # the person a pronoun or description Source stands for (see _referent)
    nearest_source: str | None = None  # the earlier stand-in: the nearest earlier named Source
    source_at: int | None = None  # where the Source span starts in the text


def _parse_ann(path: Path) -> tuple[dict[str, tuple[str, list[tuple[int, int]]]], list[dict[str, list[str]]]]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[dict[str, list[str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if re.fullmatch(r"T\d+", cols[0]) and len(cols) >= 2 and " " in cols[1]:
            label, offs = cols[1].split(" ", 1)
            try:
                frags = [(int(a), int(b)) for a, b in (f.split() for f in offs.split(";"))]
            except ValueError:
                continue
            spans[cols[0]] = (label, frags)
        elif re.fullmatch(r"E\d+", cols[0]) and len(cols) >= 2:
            ev: dict[str, list[str]] = defaultdict(list)
            for item in cols[1].split():
                if ":" in item:
                    key, ref = item.split(":", 1)
                    ev[re.sub(r"\d+$", "", key)].append(ref)
            events.append(ev)
    return spans, events


def _quoted_parts(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Quoted parts of text[a:b]: inside the outer marks, cut at paragraph breaks."""
    out: list[tuple[int, int]] = []
    depth = 0
    seg = None
    marks = [m.start() for m in _MARK.finditer(text, a, b)]
    if marks and (
        text[marks[0]] == "\u201d"
        or (text[marks[0]] == '"' and marks[0] > a and not text[marks[0] - 1].isspace())
    ):
        seg = a  # the content starts inside a quote
        depth = 1
    for i in marks:
        ch = text[i]
        prev = text[i - 1] if i > 0 else " "
        opening = ch == "\u201c" or (ch == '"' and (prev.isspace() or prev in "([\u2014-:") and depth == 0)
        if seg == a and i == marks[0] and depth == 1 and not opening:
            out.append((seg, i))
            depth, seg = 0, None
            continue
        if opening:
            depth += 1
            if depth == 1:
                seg = i + 1
        elif depth > 0:
            depth -= 1
            if depth == 0 and seg is not None:
                out.append((seg, i))
                seg = None
    if depth > 0 and seg is not None:
        out.append((seg, b))
    pieces: list[tuple[int, int]] = []
    for s, e in out:
        pos = s
        for m in re.finditer(r"\n[ \t]*\n", text[s:e]):
            pieces.append((pos, s + m.start()))
            pos = s + m.end()
        pieces.append((pos, e))
    cleaned = []
    for s, e in pieces:
        while s < e and (text[s].isspace() or text[s] in '"\u201c'):
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in '"\u201d'):
            e -= 1
        if _WORD.search(text, s, e):
            cleaned.append((s, e))
    return cleaned


def _mark_spans(text: str) -> list[tuple[int, int]]:
    """Quotation-mark spans of the article, paired within each paragraph (an unclosed one runs to
    the paragraph's end); deliberately simpler than the extractor's pairing."""
    out: list[tuple[int, int]] = []
    pos = 0
    bounds = [m.start() for m in re.finditer(r"\n[ \t]*\n", text)] + [len(text)]
    for end in bounds:
        seg: int | None = None
        for m in _MARK.finditer(text, pos, end):
            i, ch = m.start(), m.group()
            prev = text[i - 1] if i > pos else " "
            opening = ch == "\u201c" or (ch == '"' and (prev.isspace() or prev in "([\u2014-:"))
            if seg is None and opening:
                seg = i + 1
            elif seg is not None and not (opening and ch == "\u201c"):
                out.append((seg, i))
                seg = None
        if seg is not None:
            out.append((seg, end))
        pos = end
    return [(s, e) for s, e in out if _WORD.search(text, s, e)]


def _span_text(text: str, frags: list[tuple[int, int]]) -> str:
    return " ".join(text[a:b] for a, b in frags)


_PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
# Words that make a Source a group rather than one person when they open it ("Both X and Y",
# "Most of the delegates", "five voters") or head it ("Supporters", "Progressives").
_GROUP_OPENERS = frozenset(
    word_list(
        """
        both most many some several all few neither either other others two three four five six
        seven eight nine ten
        """
    )
)
_GROUP_NOUNS = frozenset(
    word_list(
        """
        supporters critics opponents friends others progressives conservatives liberals republicans
        democrats americans voters officials residents experts analysts fact-checkers checkers
        authors organizers organisers protesters activists members leaders millennials reports
        documents polls surveys records emails studies
        """
    )
)
# Lower-case words before the name that make the name something other than the Source's head:
# "a survey conducted by ... Ada Quill", "The charge against Quill", "A reporter for Harbor News".
_NOT_HEAD = frozenset(word_list("for by against including with from about on at conducted nor than to"))
# Role words that give a person's gender ("his wife, Jane", "Clinton's husband, Bill").
# Honorifics count only right before the name ("Miss." also abbreviates Mississippi).
_HONORIFICS = frozenset(word_list("mr mrs ms miss"))
_MALE_ROLES = frozenset(t.rstrip(".") for t in MALE_TITLES) - _HONORIFICS | frozenset(
    word_list("husband son brother father grandfather widower")
)
_FEMALE_ROLES = frozenset(t.rstrip(".") for t in FEMALE_TITLES) - _HONORIFICS | frozenset(
    word_list("wife daughter sister mother grandmother widow")
)


class _ArticlePeople:
    """What the article itself says about the people it names: the first names printed with each
    surname and the honorifics before it ("Mr. Quill"), read with the quote stage's name lists."""

    def __init__(self, text: str) -> None:
        self.text = text
        genders: dict[str, set[str]] = defaultdict(set)
        self.surnames: set[str] = set()
        for _o, full in names.person_names(text):
            sur = names.surname(full)
            self.surnames.add(sur)
            g = _first_name_gender(full)
            if g:
                genders[sur].add(g)
        for m in re.finditer(r"\b(Mr|Mrs|Ms|Miss)\.?\s+([A-Z][\w\u00c0-\u024f'\u2019\-]+)", text):
            genders[fold_punctuation(m.group(2)).lower()].add("m" if m.group(1) == "Mr" else "f")
        self.genders = {sur: next(iter(gs)) for sur, gs in genders.items() if len(gs) == 1}
        self._lower_words: set[str] | None = None

    def printed_lower(self, word: str) -> bool:
        """The article prints ``word`` in lower case somewhere (a common noun, not a surname)."""
        if self._lower_words is None:
            self._lower_words = {w for w in _WORD.findall(self.text) if w.islower()}
        return word in self._lower_words


def _first_name_gender(name: str) -> str | None:
    return given_name_gender(names.first_name(name))


def _head(src: str) -> str:
    """The Source without what follows a relative pronoun or a dash and without parentheses
    ("Gov. Ada Quill (R) - who is being vetted for ..." -> "Gov. Ada Quill")."""
    src = re.split(r"\s(?:who|which|whose|that)\s|\s(?:--|\u2014|\u2013|-)\s|\u2014", src)[0]
    return re.sub(r"\s*\([^)]*\)", "", src).strip()


def _source_gender(src: str, people: _ArticlePeople) -> str | None:
    """A named Source's gender: its first name, else an honorific right before the name ("Mrs.
    Quill") or a gendered role or kin word in the span ("spokeswoman", "his wife"), else what the
    article prints with the surname elsewhere (one gender only: "Ivo Quill" and "Ada Quill" in one
    article leave "Quill" open), else a lone first name ("Ada")."""
    head = _head(src)
    name = names.split_name(head).name or ""
    found = _first_name_gender(name)
    if found:
        return found
    if m := re.search(r"\b(Mr|Mrs|Ms|Miss)\.?\s+" + re.escape(name), head) if name else None:
        return "m" if m.group(1) == "Mr" else "f"
    words_ = {fold_punctuation(w).lower() for w in re.findall(r"[A-Za-z\u2019']+", head)}
    male = bool(words_ & _MALE_ROLES)
    female = bool(words_ & _FEMALE_ROLES)
    if male != female:
        return "m" if male else "f"
    sur = names.surname(name) if name else ""
    if sur in people.genders:
        return people.genders[sur]
    if " " not in name and sur not in people.surnames:
        return "m" if sur in MALE_FIRST_NAMES else "f" if sur in FEMALE_FIRST_NAMES else None
    return None


def _names_one_person(src: str, people: _ArticlePeople) -> bool:
    """The Source names a single person: not a site, organisation, place or group, and the name is
    the Source's head rather than the object of a preposition ("The charge against Quill")."""
    head = _head(src)
    piece = head.split(",")[0]
    name = names.split_name(piece).name or names.split_name(head).name
    if not name or re.search(r"\.(?:com|org|net)\b", piece, re.IGNORECASE):
        return False
    if names.is_organisation(name):
        return False
    toks = [fold_punctuation(t).lower() for t in name.split()]
    if len(toks) > 1 and not _first_name_gender(name) and names.has_non_person_word(name):
        return False  # "Atlantic City", "Senate Democrats"
    first = fold_punctuation(piece.split()[0]).lower()
    if first in _GROUP_OPENERS or first.isdigit():
        return False
    if name in piece:
        before = piece[: piece.find(name)]
        if any(w in _NOT_HEAD for w in re.findall(r"[a-z]+", before)):
            return False
        if re.match(r"(?:the|a|an)\s+(?:[a-z\-]+\s+)?[a-z]+\s+of\b", before, re.IGNORECASE):
            return False  # "a majority of Republicans", "the authors of ...": the head is the common noun
        if re.search(r"\s(?:and|&)\s", piece) and names.split_name(re.split(r"\s(?:and|&)\s", piece)[0]).name:
            return False  # "Quill and Brandt", "Quill and husband Ivo"
    last = toks[-1].rsplit("-", 1)[-1]
    if len(toks) == 1 and last.endswith("s") and not last.endswith("ss") and last not in people.surnames:
        # "Supporters", "Progressives", "Fact-checkers": a plural common noun opening a sentence
        return toks[0] not in _GROUP_NOUNS and last not in _GROUP_NOUNS and not people.printed_lower(toks[0])
    return True


def _referent(src: str, earlier: list[str], people: _ArticlePeople) -> str | None:
    """The person a he/she/him/her Source stands for: the nearest of the named gold Sources before it
    that names a single person whose gender does not conflict (unknown gender agrees with both);
    None when there is no such Source."""
    want = _PRONOUN_GENDER[src.strip().lower()]
    for cand in reversed(earlier):
        if not _names_one_person(cand, people):
            continue
        gender = _source_gender(cand, people)
        if gender is None or gender == want:
            return cand
    return None


def load_polnear(folder: Path) -> tuple[list[Article], list[GoldQuote]]:
    """Articles (text as printed, date from metadata.tsv) and gold quotes of one split folder."""
    meta: dict[str, dict[str, str]] = {}
    tsv = folder.parent / "metadata.tsv"
    if tsv.exists():
        with tsv.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                meta[row["filename"]] = row
    articles: list[Article] = []
    gold: list[GoldQuote] = []
    for path in sorted((folder / "text").glob("*.txt")):
        base = path.stem
        anns = sorted((folder / "attributions").glob(f"{base}_*.ann"))
        if not anns:
            continue
        text = path.read_text(encoding="utf-8")
        row = meta.get(base, {})
        articles.append(
            Article(
                id=base,
                source=str(path),
                text=text,
                title=text.split("\n", 1)[0],
                outlet=row.get("publisher"),
                published=row.get("publication_date"),
            )
        )
        spans, events = _parse_ann(anns[0])
        contents: list[tuple[int, int, str | None, int | None]] = []
        sources: list[tuple[int, str]] = []
        for ev in events:
            src_frags = [f for ref in ev.get("Source", []) if ref in spans for f in spans[ref][1]]
            src = _span_text(text, src_frags) if src_frags else None
            if src_frags:
                sources.append((src_frags[0][0], src or ""))
            for ref in ev.get("Content", []):
                if ref in spans:
                    contents.extend((a, b, src, src_frags[0][0] if src_frags else None) for a, b in spans[ref][1])
        sources.sort()
        people = _ArticlePeople(text)
        for s, e in _mark_spans(double_apostrophe_marks(text)):
            inside = [(max(a, s), min(b, e), src, at) for a, b, src, at in contents if a < e and b > s]
            inside = [x for x in inside if _WORD.search(text, x[0], x[1])]
            if not inside:
                continue
            lo = min(x[0] for x in inside)
            hi = max(x[1] for x in inside)
            while lo < hi and text[lo].isspace():
                lo += 1
            while hi > lo and text[hi - 1].isspace():
                hi -= 1
            src, src_at = max(inside, key=lambda x: x[1] - x[0])[2:]
            referent = nearest = None
            if src and (names.is_pronoun(src) or not names.split_name(src).name):
                named = [(o, t) for o, t in sources if not names.is_pronoun(t) and names.split_name(t).name]
                earlier = [t for o, t in named if o < lo]
                referent = nearest = earlier[-1] if earlier else None
                if src.strip().lower() in _PRONOUN_GENDER:
                    # before the pronoun as well as before the quote ("He told Ada Quill: '...'")
                    before = min(lo, src_at) if src_at is not None else lo
                    referent = _referent(src, [t for o, t in named if o < before], people)
            gold.append(GoldQuote(base, lo, hi, src, referent, nearest, src_at))
    return articles, gold


def _tokens(text: str, s: int, e: int) -> set[int]:
    return {m.start() for m in _WORD.finditer(text, s, e)}


def _speaker_ok(q: Quote, g: GoldQuote, strict: bool) -> bool:
    if not g.source:
        return False
    src = " ".join(words(g.source))
    said = " ".join(words(q.speaker_text)) if q.speaker_text else ""
    if said and (said == src or f" {said} " in f" {src} " or f" {src} " in f" {said} "):
        return True
    if strict or not q.speaker_name:
        return False
    sur = names.surname(q.speaker_name)
    if sur and sur in words(g.source):
        return True
    if g.referent and sur in words(g.referent):
        return True
    name_words = " ".join(words(q.speaker_name))
    return bool(name_words) and (name_words == src or f" {src} " in f" {name_words} ")


def _resolved_ok(q: Quote, g: GoldQuote) -> bool:
    """The stricter "resolved speaker" test: the quote must name the person the gold Source refers to.

    A printed "he" equal to a gold "he" earns nothing when the pronoun has a referent (see the
    module docstring): the prediction's resolved person (``speaker_name``) must share its surname
    with it. A named gold Source needs the same surname; an unnamed description ("a US official")
    keeps its description, so the printed or resolved description matching the Source span counts,
    as does the referent's person. "they", "we" and "I" (a group, or the writer) also count as
    printed; a pronoun with no referent can only match as printed.
    """
    if not g.source:
        return False
    src = g.source.strip()
    person = None
    if names.is_pronoun(src):
        if src.lower() not in names.PERSONAL_PRONOUNS and _speaker_ok(q, g, strict=True):
            return True  # "they", "we", "I": a group or the writer, which the annotation cannot name
        person = g.referent
        if person is None:
            return _speaker_ok(q, g, strict=True)
    elif names.split_name(src).name:
        person = src
    else:
        if _speaker_ok(q, g, strict=True):
            return True
        name_words = " ".join(words(q.speaker_name)) if q.speaker_name else ""
        src_words = " ".join(words(src))
        if name_words and (name_words == src_words or f" {src_words} " in f" {name_words} "):
            return True
        person = g.referent
    if person is None or not q.speaker_name or names.is_pronoun(q.speaker_name):
        return False
    sur = names.surname(q.speaker_name)
    return bool(sur) and sur in words(person)


def score(
    articles: list[Article],
    gold: list[GoldQuote],
    predicted: dict[str, list[Quote]],
    include_partial: bool = True,
) -> dict[str, float]:
    texts = {a.id: a.text for a in articles}
    gold_by: dict[str, list[GoldQuote]] = defaultdict(list)
    for g in gold:
        gold_by[g.article].append(g)
    tp = n_pred = n_gold = exact = 0
    spk_total = spk_ok = spk_strict = spk_resolved = 0
    spk_ok_old = spk_resolved_old = 0  # with the earlier stand-in referent, for comparison
    for art in articles:
        text = texts[art.id]
        preds = [q for q in predicted.get(art.id, []) if include_partial or q.kind == "direct"]
        golds = gold_by.get(art.id, [])
        n_pred += len(preds)
        n_gold += len(golds)
        gtok = [_tokens(text, g.start, g.end) for g in golds]
        pairs: list[tuple[float, int, int]] = []
        for i, q in enumerate(preds):
            pt = _tokens(text, q.start, q.end)
            if not pt:
                continue
            for j, gt in enumerate(gtok):
                if not gt or q.end <= golds[j].start or q.start >= golds[j].end:
                    continue
                ov = len(pt & gt) / max(len(pt), len(gt))
                if ov >= MATCH_OVERLAP:
                    pairs.append((ov, i, j))
        used_p: set[int] = set()
        used_g: set[int] = set()
        for _ov, i, j in sorted(pairs, reverse=True):
            if i in used_p or j in used_g:
                continue
            used_p.add(i)
            used_g.add(j)
            tp += 1
            q, g = preds[i], golds[j]
            if text[q.start : q.end].strip() == text[g.start : g.end].strip():
                exact += 1
            if g.source:
                spk_total += 1
                spk_ok += _speaker_ok(q, g, strict=False)
                spk_strict += _speaker_ok(q, g, strict=True)
                spk_resolved += _resolved_ok(q, g)
                old = replace(g, referent=g.nearest_source)
                spk_ok_old += _speaker_ok(q, old, strict=False)
                spk_resolved_old += _resolved_ok(q, old)
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    ep = exact / n_pred if n_pred else 0.0
    er = exact / n_gold if n_gold else 0.0
    return {
        "articles": float(len(articles)),
        "gold_quotes": float(n_gold),
        "predicted_quotes": float(n_pred),
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "exact_f1": 2 * ep * er / (ep + er) if ep + er else 0.0,
        "matched_with_source": float(spk_total),  # the speaker accuracies' denominator
        "resolved_speakers_right": float(spk_resolved),
        "speaker_accuracy": spk_ok / spk_total if spk_total else 0.0,
        "speaker_span_accuracy": spk_strict / spk_total if spk_total else 0.0,
        "resolved_speaker_accuracy": spk_resolved / spk_total if spk_total else 0.0,
        "speaker_accuracy_nearest_source": spk_ok_old / spk_total if spk_total else 0.0,
        "resolved_speaker_accuracy_nearest_source": spk_resolved_old / spk_total if spk_total else 0.0,
    }


def evaluate(data: Path, **options: object) -> dict[str, float]:
    """Score ``extract_quotes`` on a PolNeAR split folder (e.g. shared/datasets/polnear/dev).

    Options: ``limit`` (first N articles), ``include_partial`` (default True: PolNeAR annotates
    attributed partial quotes as quoted content too).
    """
    articles, gold = load_polnear(Path(data))
    limit = options.get("limit")
    if isinstance(limit, int) and limit > 0:
        articles = articles[:limit]
        keep = {a.id for a in articles}
        gold = [g for g in gold if g.article in keep]
    predicted = extract_quotes(articles)
    return score(articles, gold, predicted, include_partial=bool(options.get("include_partial", True)))


def errors(data: Path, limit: int | None = None) -> list[str]:
    """Human-readable misses and false alarms, for tuning on train.

    Lines start with FP (no gold quote), FN (gold quote missed), SPK (wrong speaker) or RES (the
    speaker matches as printed but is not resolved to the person the gold Source refers to).
    """
    articles, gold = load_polnear(Path(data))
    if limit:
        articles = articles[:limit]
    predicted = extract_quotes(articles)
    out: list[str] = []
    gold_by: dict[str, list[GoldQuote]] = defaultdict(list)
    for g in gold:
        gold_by[g.article].append(g)
    for art in articles:
        text = art.text
        golds = gold_by.get(art.id, [])
        preds = predicted.get(art.id, [])
        for q in preds:
            pt = _tokens(text, q.start, q.end)
            hit = [
                g
                for g in golds
                if pt
                and len(pt & _tokens(text, g.start, g.end))
                / max(len(pt), len(_tokens(text, g.start, g.end)) or 1)
                >= MATCH_OVERLAP
            ]
            if not hit:
                out.append(
                    f"FP {art.id} [{q.kind}] {fold_punctuation(text[max(0, q.start - 60) : q.end + 40])!r}"
                )
            elif hit[0].source and not _speaker_ok(q, hit[0], strict=False):
                out.append(
                    f"SPK {art.id} gold={hit[0].source!r} ref={hit[0].referent!r} "
                    f"pred={q.speaker_text!r}->{q.speaker_name!r} {text[q.start : q.end][:60]!r}"
                )
            elif hit[0].source and not _resolved_ok(q, hit[0]):
                out.append(
                    f"RES {art.id} gold={hit[0].source!r} ref={hit[0].referent!r} "
                    f"pred={q.speaker_text!r}->{q.speaker_name!r} {text[q.start : q.end][:60]!r}"
                )
        for g in golds:
            gt = _tokens(text, g.start, g.end)
            if not any(
                len(gt & _tokens(text, q.start, q.end))
                / max(len(gt), len(_tokens(text, q.start, q.end)) or 1)
                >= MATCH_OVERLAP
                for q in preds
            ):
                out.append(f"FN {art.id} {fold_punctuation(text[max(0, g.start - 60) : g.end + 40])!r}")
    return out
