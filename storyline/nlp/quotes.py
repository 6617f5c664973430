"""Direct and partial quotes with their speakers, cues and in-article speaker resolution.

How it works, cheapest first:
1. quotation marks are paired per paragraph by their orientation, not their glyph (so a curly
   opening mark closed by a straight one pairs), nested quotes stay inside the outer quote, and a
   paragraph that ends inside a quote continues into the next one when that one opens with a mark
   (the newspaper multi-paragraph convention: opening mark on each paragraph, closing on the last);
2. each span gets its speaker and cue from regex patterns next to the marks
   (`"...," he said` / `said Rutte` / `Rutte said: "..."` / `according to ...`);
3. only spans that stay unattributed (mostly partial quotes inside a sentence) are parsed, in one
   ``nlp.pipe`` batch over their sentences, and attributed through the reporting verb's subject;
4. bare quote paragraphs inherit the speaker of the paragraph just before;
5. speakers are resolved inside the article: a surname or pronoun to the fullest named person,
   a role description to the person the article gave that role, unnamed sources kept as printed.

Spans that are not speech are dropped: titles (title-cased, or after "book", "headline", ...) and
short unattributed fragments (scare quotes). A multi-paragraph quote gives one Quote per
paragraph (each is one contiguous span, as the contract requires), all with the same speaker; a
quote split by its cue (`"A," he said, "B."`) gives two Quotes with the same speaker.

Skipped articles get no quotes: non-English ones (the patterns and word lists are English) and
those whose text stage confidence is below ``QUOTE_MIN_CONFIDENCE`` (the text may be page
furniture, where quotes would get invented speakers).

Speaker words that name no person stay descriptions: unnamed sources ("another Quillan official",
whose "the official" later points back to it, never to a person named inside its clause), and
organisations (publications, institutions, states: "The Harbor Post", "Borovia"), which the
speakers stage keeps apart from people.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from storyline.ids import stable_id
from storyline.model import Article, Quote
from storyline.nlp import names
from storyline.nlp.given_names import given_name_gender
from storyline.nlp.spacy_model import load_nlp
from storyline.settings import quotes as cfg
from storyline.settings.quotes import word_list
from storyline.text.normalize import double_apostrophe_marks, fold_punctuation

# Blank lines separate paragraphs in Article.text; a single newline is treated as a paragraph break
# too (PolNeAR and some feeds print one paragraph per line), which only matters for attribution
# windows: a cue never reaches across a line.
_PARA_SPLIT = re.compile(r"[ \t]*\n(?:[ \t]*\n)*")
_MARK = re.compile('["\u201c\u201d\u201e\u201f\u00ab\u00bb]')
_OPENERS = "\u201c\u201e\u201f\u00ab"
_CLOSERS = "\u201d\u00bb"
_WORD = re.compile(r"[\w\u00c0-\u024f][\w\u00c0-\u024f'\u2019\-.]*")
_ABBREV = frozenset(
    word_list(
        """
        mr mrs ms dr sen rep gov gen lt col sgt capt adm st jr sr u.s u.k u.n no vs inc co
        corp mt ft jan feb mar apr aug sept sep oct nov dec a.m p.m d.c e.g i.e rev prof
        """
    )
)
_BOUNDARY = re.compile(r"[.!?\u2026]+[\"\u201d\u2019')\]]*\s+(?=[\"\u201c\u2018(\[]?[A-Z0-9])")
_ADVERB_BEFORE_CUE = frozenset(
    word_list(
        """
        also later then again previously once further recently earlier reportedly has had
        have would will could may might simply flatly just repeatedly quickly bluntly
        angrily added
        """
    )
) | (frozenset(word_list("is are was were cannot can did does should must")) if cfg.TRIM_AUXILIARIES else frozenset())
_ADJUNCT_STOP = frozenset(
    word_list(
        """
        on in at during after before when while as who which because adding referring noting
        explaining citing speaking according but and pointing told
        """
    )
)
_LEADING_ADVERBIAL = re.compile(
    r"^(?:but|and|so|yet|still|however|meanwhile|instead|later|earlier|now|then|also|in|on|at|after|"
    r"before|during|speaking|asked|yesterday|today|last|this|when|while|as|since|with|in an?|for|"
    r"separately|privately|publicly)\b",
    re.IGNORECASE,
)
_TITLE_CONTEXT = re.compile(
    r"\b(?:book|books|titled|entitled|headline|headlined|film|movie|song|show|program|programme|column|"
    r"op-ed|article|album|series|documentary|novel|memoir|play|essay|report|hashtag|slogan|poem|"
    r"magazine|newspaper|podcast|website|blog|motto|banner|sign|signs|chant|chanting|chanted|"
    r"tagline|campaign called|known as|dubbed|nicknamed|named)\W*$",
    re.IGNORECASE,
)


def _with_ing(verbs: frozenset[str]) -> frozenset[str]:
    """Add the -ing forms ("suggesting", "describing") of the past forms in a cue list."""
    extra = set()
    for w in verbs:
        if w.endswith("ed"):
            extra.update({w[:-2] + "ing", w[:-1] + "ing"})
    return verbs | frozenset(extra)


_CUES = _with_ing(cfg.NEUTRAL_CUES | cfg.LOADED_CUES)
_PARTIAL_CUES = _with_ing(cfg.PARTIAL_CUES)
_TOLD = frozenset({"told", "tell", "tells", "telling"})


@dataclass
class _Span:
    """One quoted span in one paragraph, with what we learn about it."""

    para: int
    open_at: int  # offset of the opening mark (or the paragraph start for a continued span)
    start: int
    end: int
    close_at: int | None  # offset of the closing mark; None when it runs on or is unclosed
    run: int  # spans of one multi-paragraph quote share it
    continued: bool = False  # this paragraph's part of a quote that started earlier
    kind: str = "direct"
    speaker_text: str | None = None
    cue: str | None = None
    inherited: bool = False
    source: _Span | None = None  # the span whose speaker this one inherited
    drop: bool = False
    parse: bool = False
    extra: dict[str, object] = field(default_factory=dict)

    def inherit(self, partner: _Span) -> None:
        """Take ``partner``'s speaker and cue (a split quote's other half, a partial quote of the same
        sentence): no parse needed."""
        self.speaker_text, self.cue, self.inherited = partner.speaker_text, partner.cue, True
        self.source = partner.source or partner
        self.parse = False


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _PARA_SPLIT.finditer(text):
        if text[pos : m.start()].strip():
            out.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        out.append((pos, len(text)))
    return out


def _orientation(text: str, i: int) -> str:
    """'open' or 'close' for the mark at i: curly marks say so, straight ones by their neighbours."""
    ch = text[i]
    if ch in _OPENERS:
        return "open"
    if ch in _CLOSERS:
        return "close"
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev.isspace() or prev in "([{\u2014\u2013-/:\u2018'" or i == 0:
        return "open" if not nxt.isspace() else "close"
    return "close"


def _style(ch: str) -> str:
    return "straight" if ch == '"' else "curly"


def _pair_marks(text: str, paras: list[tuple[int, int]]) -> list[_Span]:
    """Pair quotation marks into spans; see the module docstring for the rules."""
    spans: list[_Span] = []
    run = 0
    carry: tuple[int, str] | None = None  # an open quote running on from the previous paragraph
    for p, (ps, pe) in enumerate(paras):
        stack: list[tuple[int, str]] = []
        marks = [m.start() for m in _MARK.finditer(text, ps, pe)]
        first_open = marks and _orientation(text, marks[0]) == "open" and not text[ps : marks[0]].strip()
        if carry is not None and not first_open:
            carry = None  # the previous paragraph's quote never closed: it was dropped there
        for i in marks:
            ori = _orientation(text, i)
            st = _style(text[i])
            if ori == "open":
                if carry is not None and i == marks[0]:
                    stack = [(i, st)]
                    continue
                if not stack or st != stack[-1][1]:
                    stack.append((i, st))
                else:
                    stack = [*stack[:-1], (i, st)]  # same-style reopening: the earlier one never closed
                continue
            if not stack:
                continue  # stray closing mark
            if len(stack) >= 2 and st == stack[-1][1]:
                stack.pop()
                continue
            o = stack[0][0]
            stack = []
            spans.append(_Span(p, o, o + 1, i, i, run, continued=carry is not None))
            run += 1
            carry = None
        if stack:
            o = stack[0][0]
            nxt = paras[p + 1][0] if p + 1 < len(paras) else None
            runs_on = nxt is not None and _MARK.match(text, nxt) and _orientation(text, nxt) == "open"
            end = pe
            while end > o + 1 and text[end - 1].isspace():
                end -= 1
            if runs_on:
                spans.append(_Span(p, o, o + 1, end, None, run, continued=carry is not None))
                carry = (o, stack[0][1])
            else:
                # unclosed at the paragraph's end and nothing continues it: keep only a quote that
                # opens its paragraph or follows a colon (the usual forgotten closing mark)
                before = text[ps:o].rstrip()
                if (not before or before.endswith(":")) and len(_WORD.findall(text[o + 1 : end])) >= 4:
                    spans.append(_Span(p, o, o + 1, end, None, run, continued=carry is not None))
                    spans[-1].extra["unclosed"] = True
                carry = None
                run += 1
        else:
            carry = None
    # spans of a run that did not end with a closing mark or an accepted unclosed paragraph are
    # still kept per paragraph: each is quoted text
    return [s for s in spans if s.end > s.start and text[s.start : s.end].strip()]


def _sentence_start(text: str, lo: int, pos: int) -> int:
    """Offset where the sentence holding ``pos`` starts (never before ``lo``)."""
    best = lo
    for m in _BOUNDARY.finditer(text, lo, min(len(text), pos + 2)):
        if m.end() > pos:
            break
        if _is_abbrev(text, m.start()):
            continue
        best = m.end()
    return best


def _is_abbrev(text: str, dot: int) -> bool:
    j = dot
    while j > 0 and not text[j - 1].isspace():
        j -= 1
    word = text[j:dot].lower().strip('"\u201c(')
    if cfg.DOTTED_INITIALS_ABBREV and _DOTTED_INITIALS.fullmatch(word):
        return True  # "J.J. Quill", "N.M.": initials, not a sentence end
    return word in _ABBREV or (len(word) == 1 and word.isalpha())


_DOTTED_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")


def _first_boundary(s: str) -> int:
    for m in _BOUNDARY.finditer(s):
        if not _is_abbrev(s, m.start()):
            return m.start()
    return len(s)


def _clean_word(w: str) -> str:
    return fold_punctuation(w).lower().strip(".,;:!?\"'()[]")


def _cue_text(tokens: list[re.Match[str]], i: int, s: str) -> tuple[str, int]:
    """The cue as printed from token i: the verb, with its object for "told" ("told Sky News")."""
    verb = tokens[i]
    end = verb.end()
    if _clean_word(verb.group()) in _TOLD:
        j = i + 1
        while j < len(tokens) and j <= i + 4:
            w = tokens[j].group()
            if _clean_word(w) in _ADJUNCT_STOP or (_clean_word(w) in ("that", "reporters") and j > i + 1):
                break
            end = tokens[j].end()
            if re.search(r"[,.;:!?]$", w):
                break
            j += 1
        text = s[verb.start() : end].rstrip(",.;:!?")
        return text, end
    return s[verb.start() : verb.end()].rstrip(",.;:!?"), verb.end()


_DET_START = frozenset(
    word_list(
        """
        the a an one another his her their its our some many several two three four both
        other most few all each
        """
    )
)
_FUNCTION_WORDS = (
    frozenset(
        word_list(
            """
        and or but while when to of for with from by at in on as that than then went later
        also because if though although where whereas after before during so yet against into
        upon toward towards
        """
        )
    )
    | _DET_START
)


_NOUN_DETERMINERS = frozenset(word_list("the a an this that its his her their our new latest"))
_RELATIVE = re.compile(r",\s*(?:who|which|whose|speaking|asked|according|in|on)\b[^,]*(?:,|$)")


def _trim_speaker(span: str, before_cue: bool = True) -> str:
    """Drop auxiliaries and adverbs before the cue and a relative clause inside commas; a span that
    does not end at the cue (``before_cue`` False) keeps its -ly words ("Quite suddenly, ...")."""
    span = names.tidy(span)
    span = _RELATIVE.sub("", span).strip()
    span = _TRAILING_PARTY.sub("", span)  # "Sen. Ivo Lund, R-Wis.": the party tag is no part of the name
    toks = span.split()
    # "one official said, predicting ...": the earlier verb is not part of the speaker
    # only lower-case words go: a capitalised one before the cue is a name ("Ivo Will wrote")
    while toks and (
        (_clean_word(toks[-1]) in _ADVERB_BEFORE_CUE and (toks[-1].islower() or not cfg.KEEP_CAPITALISED_TAIL))
        or (_is_cue_word(toks[-1]) and not _noun_after_determiner(toks))
        or (cfg.TRIM_MANNER_ADVERBS and before_cue and len(toks) > 1 and _manner_adverb(toks[-1]))
    ):
        toks.pop()
    return names.tidy(" ".join(toks))


# Words in -ly that are nouns or adjectives, so they can end a speaker ("the family said", "an
# orderly said", "the weekly reported").
_LY_NOT_ADVERBS = frozenset(
    word_list(
        """
        family assembly elderly monopoly anomaly homily friendly lonely lovely likely unlikely costly
        deadly weekly biweekly monthly bimonthly quarterly yearly hourly nightly orderly supply comply
        multiply burly curly surly manly ugly holy
        """
    )
)


def _manner_adverb(tok: str) -> bool:
    """A lower-case adverb in -ly, or "first", right before the cue ("Quill jokingly said", "Harbor
    Watch first reported"): how or when the words were said, not who said them."""
    w = _clean_word(tok)
    if not tok.islower():
        return False
    return w == "first" or (len(w) >= 6 and w.endswith("ly") and w not in _LY_NOT_ADVERBS)


def _noun_after_determiner(toks: list[str]) -> bool:
    """A cue word right after a determiner is a noun ("the report stated"), so it stays the speaker."""
    return cfg.KEEP_DETERMINED_CUE_NOUN and len(toks) > 1 and _clean_word(toks[-2]) in _NOUN_DETERMINERS


def _is_cue_word(tok: str) -> bool:
    return tok.islower() and tok in _CUES


_ROLE_NOUNS = "|".join(sorted(w for w in cfg.TITLE_WORDS | cfg.SOURCE_NOUNS if w.isalpha()))
_POSSESSED = re.compile(r"^(?i:he|she|it)'s\b|'s\s+(?!(?:" + _ROLE_NOUNS + r")\b)[a-z]+\s*$")


_NOT_AGENTS = frozenset(
    word_list(
        """
        week weeks day days month months year years moment conference meeting summit
        session hearing speech event rally interview briefing night morning afternoon evening
        monday tuesday wednesday thursday friday saturday sunday point
        """
    )
)


_QUANTITY_SPEAKER = re.compile(r"(?i:most|many|some|half|\d+(?:\.\d+)?\s?(?:%|percent))")


def _verb_before_that(words: list[str]) -> bool:
    """A lower-case verb comes before the span's "that" ("Quill suggested that", "Lund welcomed the
    news that"), so the "that" opens a reported clause, not a relative one ("a shop that sells")."""
    k = words.index("that", 1)
    return any(w.islower() and (w.endswith("ed") or _clean_word(w) in _CUES) for w in words[1:k])


def _plausible_speaker(span: str) -> bool:
    if not span:
        return False
    words = span.split()
    if len(words) > cfg.MAX_SPEAKER_WORDS:
        return False
    if cfg.REJECT_POSSESSED_NOUN and _POSSESSED.search(fold_punctuation(span)):
        return False  # "Varga's remarks", "He's": a thing someone has, not someone
    low = _clean_word(words[0])
    if low in ("this", "that") and len(words) == 2 and names.is_unnamed_description(span):
        return True  # "this source", "that official"
    if cfg.IT_SPEAKER and len(words) == 1 and low == "it":
        return True  # `"...," it said`: a statement, a sign or an organisation, which the pronoun keeps
    if low in (
        "that",
        "this",
        "it",
        "there",
        "what",
        "which",
        "who",
        "whom",
        "to",
        "if",
        "not",
        "so",
        "when",
    ):
        return False
    if any(ch in span for ch in '"\u201c\u201d'):
        return False
    if cfg.REJECT_CUE_OPENED_SPEAKERS and words[0].islower() and _clean_word(words[0]) in _CUES:
        return False  # "said that her campaign": a reporting verb is not who speaks
    if names.is_pronoun(span):
        return True
    if cfg.REJECT_PARTICIPLE_SPEAKERS and low.endswith("ing") and words[0].islower() and len(words) > 1:
        return False  # "warning against the plan, pledging ...": a participle clause, not a speaker
    if cfg.REJECT_THAT_CLAUSE_SPEAKERS and "that" in words[1:] and _verb_before_that(words):
        return False  # "Quill suggested that someone who does not": a reported clause, not a speaker
    if cfg.QUANTITY_SPEAKERS and _QUANTITY_SPEAKER.fullmatch(span.strip()):
        return True  # poll respondents: `most said they felt "quite uneasy"`, `40 percent said`
    last = _clean_word(words[-1])
    if last in _NOT_AGENTS:
        return False  # "a press conference last week": when or where, not who
    if last in _FUNCTION_WORDS or low in _FUNCTION_WORDS - _DET_START:
        return False
    # a speaker starts with a capital (a name, "The official") or a determiner ("a US official"),
    # or ends in a name ("pollster Frank Luntz"), or is a known source description ("officials")
    return (
        words[0][:1].isupper()
        or low in _DET_START
        or words[-1].lstrip("(")[:1].isupper()
        or names.is_unnamed_description(span)
    )


# What follows a reporting verb that opens a new sentence rather than closing the quote before it: a
# colon, or a reported clause ("that ...", "he would ...", "the campaign has ...").
_CLAUSE_AFTER_CUE = re.compile(
    r"\s*:|\s+(?:that\s|(?:he|she|they|it|we|there|I)\s+[a-z]+\b"
    r"|(?:the|a|an|his|her|their|its|this)\s+(?:[\w'\u2019\-]+\s+){0,3}?"
    r"(?:is|was|are|were|has|had|have|would|will|could|should|did|does|do|can|may|might|must)\b)"
)


def _attribute_after(s: str, final: bool = False) -> tuple[str, str] | None:
    """Speaker and cue right after a closing mark: `, he said`, `said Rutte, NATO's chief`."""
    stripped = s.lstrip(" ,\u2014\u2013-")
    off = len(s) - len(stripped)
    s = stripped[: _first_boundary(stripped)]
    del off
    tokens = list(_WORD.finditer(s))[: cfg.MAX_SPEAKER_WORDS + 25]
    if not tokens:
        return None
    low0 = _clean_word(tokens[0].group())
    if final and cfg.FINAL_CAPITAL_PRONOUN_NEW_SENTENCE and tokens[0].group() in ("He", "She", "They"):
        return None  # `"... attack." He said he ...`: a new sentence, not this quote's cue
    if low0 == "according" and len(tokens) > 1 and _clean_word(tokens[1].group()) == "to":
        spk = _inverted_speaker(s[tokens[1].end() :])
        return (spk, "according to") if spk else None
    if _clean_word(tokens[0].group()) in cfg.INVERTED_ONLY_CUES and tokens[0].group().islower():
        # `"...," agrees Ada Quill, a nurse`: right after the closing mark only
        spk = _inverted_speaker(s[tokens[0].end() :])
        if spk:
            return spk, tokens[0].group()
    for i, tok in enumerate(tokens):
        w = _clean_word(tok.group())
        if w not in _CUES or (i > 0 and not tok.group()[:1].islower()):
            continue  # a capitalised word after the first is a name ("United States"), not a verb
        if i == 0:
            cue, cend = _cue_text(tokens, 0, s)
            if w in _TOLD:
                return None
            if cfg.AFTER_PARTICIPLE_NOT_INVERTED and w.endswith("ing"):
                continue  # `"a distortion," describing the crew as heroes`: the participle's object is no speaker
            spk = _inverted_speaker(s[cend:])
            return (spk, cue) if spk else None
        between = s[: tok.start()]
        if re.search(r"[;:]", between):
            return None
        if cfg.STOP_AT_SUBORDINATE and re.search(r",\s*(?:as|while|when|after|before|because|since)\s", between):
            break  # `"Quiet," he demanded, as Quill continued`: the later verb is another clause's
        if i > cfg.MAX_SPEAKER_WORDS + 2:
            # "Varga, the favourite who ... in the count, said": a name, then a long apposition
            head = between.split(",", 1)[0]
            if "," not in between or not names.proper_name(head) or len(head.split()) > 4:
                return None
            cue, _ = _cue_text(tokens, i, s)
            return names.tidy(between), cue
        if final and "," in between and not (
            cfg.APPOSITION_AFTER_FINAL
            and between.rstrip().endswith(",")
            and between.count(",") <= 3
            and any(names.split_name(part).name for part in between.split(",") if part.strip())
        ):
            # `."  In Kestrel, he said, the port`: a new sentence, not this quote's cue (while
            # `!" Rep. Ada Quill, R-Kes., said` is the name, its tag and the cue)
            return None
        spk = _trim_speaker(between)
        if not _plausible_speaker(spk):
            continue  # "the state said": the noun was not the cue, the verb after it may be
        cue, cend = _cue_text(tokens, i, s)
        if final and cfg.FINAL_CUE_OPENS_CLAUSE and _CLAUSE_AFTER_CUE.match(s, cend):
            # `."  Ivo Lund said: "...` and `."  Lund said he would ...`: a new sentence whose cue
            # introduces the next quote or reports a clause, not this quote's cue
            return None
        return spk, cue
    # an unlisted verb in the usual slot: `"...," an angry Hollande retaliated.`
    m = _UNLISTED_CUE.match(s)
    if (
        m
        and _plausible_speaker(m.group("spk"))
        and (names.is_pronoun(m.group("spk")) or names.proper_name(m.group("spk")))
    ):
        return m.group("spk"), m.group("cue")
    return None


def _names_someone(speaker: str) -> bool:
    """An inverted cue's speaker (before any apposition) is a name or a source description, not a
    phrase that happens to follow the verb."""
    head = speaker.split(",")[0].strip()
    return bool(names.proper_name(head) or names.is_unnamed_description(head))


def _inverted_at_end(after: str) -> tuple[str, str] | None:
    """An inverted cue closing the sentence a partial quote sits in (`"the beginning of the end" for
    the union, said Ivo Lund, its founder.`): (speaker, cue), or None."""
    s = after[: _first_boundary(after)]
    if _MARK.search(s):
        return None
    m = re.search(r",\s+([a-z]+)\s+(?=[A-Z])", s)
    if not m or _clean_word(m.group(1)) not in _CUES or m.group(1).endswith("ing") or m.group(1) in _TOLD:
        return None
    if any(_clean_word(w) in _CUES for w in _WORD.findall(s[: m.start()])):
        return None  # another cue between the quote and this one
    spk = _inverted_speaker(s[m.end() :])
    return (spk, m.group(1)) if spk and _names_someone(spk) else None


_UNLISTED_CUE = re.compile(
    r"^(?P<spk>[^,.;:!?\"\u201c\u201d]{1,60}?)\s+(?P<cue>[a-z]{3,}ed(?:\s+(?:back|on|up|out|in))?"
    r"|(?:shot|fired|hit|struck|spoke|chimed|went)\s+(?:back|up|in|on))(?:\s+with\s+a\s+[a-z]+)?\s*(?:[.,;!?]|$)"
)


# an adjunct closing a role ("at Kestrel College", "for the campaign") and the person's full name after a comma
_NAME_AFTER_ADJUNCT = re.compile(
    r"[^,\"\u201c\u201d]{1,40},\s+((?:[A-Z][\w.'\u2019\-]*\s+){1,3}[A-Z][\w'\u2019\-]+)(?=\s*(?:,|\.|$))"
)


def _inverted_speaker(rest: str) -> str | None:
    """The speaker after an inverted cue ("said Juri Luik, Estonia's ambassador to NATO")."""
    rest = rest.strip()
    rest = re.sub(r"^(?:on|in)\s+(?:[A-Z]\w+day|a statement|an interview)\b,?\s*", "", rest)
    toks = rest.split()
    out: list[str] = []
    commas = 0
    for k, t in enumerate(toks):
        if _clean_word(t) in _ADJUNCT_STOP and out and _clean_word(t) not in ("to",):
            if (
                cfg.INVERTED_ROLE_THEN_NAME
                and not out[-1].endswith(",")
                and (m := _NAME_AFTER_ADJUNCT.match(" ".join(toks[k:])))
                and names.split_name(m.group(1)).name == m.group(1)
            ):
                # "said his best friend at Kestrel College, Ivo Lund, who ...": the role, then the name
                return names.tidy(" ".join(out) + " " + m.group(0).rstrip(",. "))
            break
        out.append(t)
        if t.endswith(","):
            commas += 1
            if commas > 1:
                break
        if len(out) >= cfg.MAX_SPEAKER_WORDS + 4:
            break
    spk = names.tidy(" ".join(out))
    return spk if spk and _plausible_speaker(spk.split(",")[0]) else None


def _attribute_before(clause: str, require_intro: bool, max_after: int = 8) -> tuple[str, str] | None:
    """Speaker and cue in the clause before an opening mark (`Rutte said on Tuesday: "`).

    With ``require_intro`` the clause must end in a colon or comma after the cue (a direct quote);
    without, the cue may come anywhere before (a partial quote: `Varga called it "reckless"`).
    """
    tokens = list(_WORD.finditer(clause))
    if not tokens:
        return None
    tail = clause.rstrip()
    if require_intro and not (tail.endswith(":") or tail.endswith(",")):
        return None
    for i in range(len(tokens) - 1, -1, -1):
        w = _clean_word(tokens[i].group())
        if w == "according" and i + 1 < len(tokens) and _clean_word(tokens[i + 1].group()) == "to":
            spk = _inverted_speaker(clause[tokens[i + 1].end() :])
            if spk and cfg.ACCORDING_TO_ENDS_AT_COMMA:
                spk = _according_source(spk)
            if spk:
                return spk, "according to"
            continue
        if w not in _CUES:
            continue
        after = clause[tokens[i].end() :]
        if require_intro and len(_WORD.findall(after)) > max_after:
            return None
        cue, cend = _cue_text(tokens, i, clause)
        before = clause[: tokens[i].start()]
        if cfg.PARENTHETICAL_INVERTED_CUE and (
            inserted := _parenthetical_speaker(before, tokens[i].group(), clause[cend:])
        ):
            return inserted, cue  # `The paradox of the plan, says Ada Quill, a historian, is that "..."`
        # "An aide has been quoted as saying, "...": the passive frame is part of the cue
        spk = _speaker_before(_QUOTED_AS.sub("", before))
        if spk and cfg.PARTICIPLE_CUE_PARSED and w.endswith("ing") and before.rstrip().endswith(",") and load_nlp():
            # `Quill endorsed Lund at Harbor Hall, Lund's club, calling him "..."`: the words before the
            # comma are a clause or an apposition, not the participle's subject; the parser finds it
            return None
        if spk:
            return spk, cue
        if i + 1 < len(tokens) and w not in _TOLD and tokens[i].group()[:1].isupper():
            # "Said Rutte: "..."
            spk2 = _inverted_speaker(clause[cend:].rstrip(" :,"))
            if spk2:
                return spk2, cue
        if require_intro:
            return None
    return None


def _according_source(spk: str) -> str:
    """The source after a sentence-opening "According to": up to the first comma, where the sentence
    itself goes on ("According to the Harbor Post, Quill praised her "..."" -> "the Harbor Post"); a
    name set after a description ("a spokesman, Ivo Lund,") stays."""
    head, sep, rest = spk.partition(",")
    if not sep:
        return spk
    rest = rest.strip().rstrip(",")
    if rest and names.proper_name(rest) == rest and len(rest.split()) >= 2:
        return f"{head}, {rest}"
    return head.strip()


def _parenthetical_speaker(before: str, verb: str, after: str) -> str | None:
    """The speaker of an inverted cue set between commas inside a sentence (`The paradox of the plan,
    says Ada Quill, a historian, is that "..."`): the name or source description after the cue,
    when the sentence goes on after it; the words before the cue are then no speaker."""
    w = _clean_word(verb)
    if not verb.islower() or w in _TOLD or w.endswith("ing") or not re.search(r"\w,\s*$", before):
        return None
    if not re.match(r"\s+(?:[A-Z]|(?:the|a|an)\s)", after):
        return None
    spk = _inverted_speaker(after)
    if not spk or not _names_someone(spk):
        return None
    rest = after.strip()[len(spk) :]
    if not re.match(r"[^,]*,\s+[a-z]", rest):
        return None  # the clause must go on after the speaker and its apposition
    return spk


_QUOTED_AS = re.compile(
    r"\s+(?:(?:has|have|had|was|were|is|are)\s+)?(?:been\s+|being\s+)?(?:quoted|cited|heard)\s+as\s*$"
)


_RELATIVE_SUBJECT = re.compile(
    r"(?:,\s*(?:which|whom|who|that)|\swhat)\s+(he|she|(?:[A-Z][\w.'\u2019\-]*\s+){0,2}[A-Z][\w'\u2019\-]+)\s+"
    r"(?:(?:had|has|have|also|once|previously|repeatedly|later|then|[a-z]+ly|on\s+[A-Z][a-z]+day)\s+)*$"
)


_SUBORDINATOR = re.compile(
    r"(?:even\s+|just\s+)?(?:while|whereas|although|though|as|when|after|before|since|because|once)\s+", re.IGNORECASE
)


def _subject_phrase(span: str) -> bool:
    """The words after a subordinating conjunction are a subject by themselves: a pronoun, a name,
    a source description, or a short determiner phrase ("the party website", "37 percent of voters"),
    not a clause ("America prepares for what Ada Quill")."""
    toks = span.split()
    if not toks:
        return False
    if names.is_pronoun(span) or names.proper_name(span) == span or names.is_unnamed_description(span):
        return True
    return len(toks) <= 6 and (_clean_word(toks[0]) in _DET_START or toks[0][:1].isdigit()) and _plausible_speaker(span)


def _speaker_before(text: str) -> str | None:
    """The subject right before a cue: the longest plausible comma-separated suffix."""
    text = re.split(r"\s[\u2014\u2013]\s?|\s--?\s|\u2014", text)[-1]
    if cfg.SEMICOLON_ENDS_SPEAKER:
        text = text.split(";")[-1]  # "Lund was trying to buy favour; indeed, he had said": a clause ends there
    if cfg.RELATIVE_CLAUSE_SUBJECT and (m := _RELATIVE_SUBJECT.search(text)):
        subject = m.group(1)
        if subject in ("he", "she") or names.proper_name(subject) == subject:
            return subject  # "the pact, which Quill had called": the relative clause's own subject
    text = _RELATIVE.sub("", text).rstrip()
    # "250,000 refugees": a digit right after the comma makes it a thousands separator
    parts = [p for p in re.split(r",(?!\d)\s*" if cfg.THOUSANDS_NOT_COMMAS else r",\s*", text) if p.strip()]
    if len(parts) > 1 and _PARTY_ONLY.fullmatch(parts[-1].strip()):
        parts.pop()  # "House Speaker Ivo Lund, R-Wis.,": the party tag after the name is no speaker
    if cfg.SKIP_SENTENCE_ADVERBS:
        # "Quill, meanwhile, said": the adverb between commas is not the speaker
        while len(parts) > 1 and parts[-1].strip().lower() in _SENTENCE_ADVERBS:
            parts.pop()
    if cfg.PRONOUN_AFTER_COMMA and len(parts) > 1 and parts[-1].strip() in ("he", "she", "they"):
        return parts[-1].strip()  # "Within minutes, he said": the words before the comma are an adverbial
    best: str | None = None
    for k in range(1, min(3, len(parts)) + 1):
        cand_parts = parts[-k:]
        first = cand_parts[0].strip()
        first = re.sub(r"^(?:but|and|so|yet|then|also)\s+", "", first, flags=re.IGNORECASE)
        # "Quill suggested ..., while Ivo Lund said that the "...": the subject after the conjunction
        # ("Just as the talks ended, Lund said": a part opening with one is no apposition of it)
        if cfg.CLAUSE_CONJUNCTION_SUBJECT and (m := _SUBORDINATOR.match(first)):
            rest = _trim_speaker(first[m.end() :])
            if k > 1 or not _subject_phrase(rest):
                break
            first = rest
        if k > 1 and _LEADING_ADVERBIAL.match(first):
            break
        cand = _trim_speaker(", ".join([first] + [p.strip() for p in cand_parts[1:]]))
        if k == 1:
            cand = _strip_adverbial(cand)
        if _plausible_speaker(cand.split(",")[0]) and len(cand.split()) <= cfg.MAX_SPEAKER_WORDS:
            if k == 1 or names.proper_name(cand) or "," in cand:
                best = cand
        else:
            break
    if cfg.PARENTHETICAL_SUBJECT and len(parts) >= 2 and (best is None or best == parts[-1].strip()):
        # "Quill, during a town hall in Kestrel, Borovia, said": the subject before an inserted
        # adverbial phrase, not the place the phrase ends with
        for j in range(len(parts) - 1, 0, -1):
            opener = parts[j].strip().split(" ", 1)[0].lower()
            tail = parts[j + 1 :]
            if opener in _PARENTHETICAL_OPENERS and all(
                len(t.split()) <= 3 and all(w[:1].isupper() for w in t.split()) for t in tail
            ):
                subject = _trim_speaker(parts[j - 1].strip(), before_cue=False)
                subject = re.split(r"\s[\u2014\u2013]\s?|\s--?\s", subject)[-1]
                if subject and (names.is_pronoun(subject) or names.proper_name(subject) == subject):
                    return subject
                break
    if cfg.AGE_APPOSITION and len(parts) >= 3 and (best is None or len(best.split()) <= 2):
        # "Cory Vale, 22, of Kestrel, Bor., said": a name, an age and a home town
        for j in range(1, len(parts)):
            if re.fullmatch(r"\s*\d{1,3}\s*", parts[j]):
                subject = _trim_speaker(parts[j - 1].strip(), before_cue=False)
                rest = [t.strip() for t in parts[j + 1 :]]
                if (
                    subject
                    and names.proper_name(subject) == subject
                    and all(re.match(r"(?:(?:of|from)\s+)?[A-Z]", t) for t in rest)
                ):
                    return subject
                break
    return best


_SENTENCE_ADVERBS = frozenset(
    word_list(
        """
        meanwhile however too though instead also still then moreover nonetheless nevertheless
        separately meantime likewise similarly indeed
        """
    )
) | {"in turn", "for his part", "for her part", "for their part", "in response", "in a statement"}


_PARENTHETICAL_OPENERS = frozenset(
    word_list(
        """
        during at in on after before while when speaking asked following despite with without
        appearing addressing visiting campaigning
        """
    )
)


def _strip_adverbial(span: str) -> str:
    """Keep the subject at the end of a clause: "On Tuesday the official" -> "the official"."""
    toks = span.split()
    if len(toks) <= 2:
        return span
    m = re.search(
        r"\b(?:the|a|an|one|another|he|she|they|we|I)\b(?!.*\b(?:the|a|an|one|another|he|she|they|we|I)\b)",
        span,
    )
    if m and _LEADING_ADVERBIAL.match(span) and m.start() > 0:
        if cfg.PREPOSITION_OBJECT_NOT_SPEAKER and _PREPOSITION_END.search(span[: m.start()]):
            return ""  # "then Quill went on the attack, saying": "the attack" is an object, not who speaks
        return span[m.start() :]
    return span


_PREPOSITION_END = re.compile(
    r"\b(?:of|in|on|at|during|for|with|from|to|by|after|before|over|under|about|against|into|through|"
    r"throughout|across|around|since|until|within|without|toward|towards|upon|amid|among)\s+$"
)


def _previous_subject(text: str, paras: list[tuple[int, int]], p: int, sp: _Span) -> tuple[str, str] | None:
    """A bare quote after a sentence that starts with a named person: that person, no cue."""
    ps, _ = paras[p]
    if text[ps : sp.open_at].strip():
        lo, hi = ps, sp.open_at
    elif p > 0:
        lo, hi = paras[p - 1]
    else:
        return None
    hi = len(text[:hi].rstrip())
    start = _sentence_start(text, lo, max(lo, hi - 1))
    sentence = text[start:hi]
    if not sentence or _MARK.search(sentence) or sentence[-1:] not in ".:":
        return None
    found = names.person_names(sentence)
    if (not found or found[0][0] > 40) and cfg.SUBJECT_BEFORE_SURNAME:
        # "Quill praised the mayor's record.": a surname alone opening the sentence
        subject = _sentence_subject(sentence)
        if subject and subject[:1].isupper() and subject not in ("He", "She", "They") and " " not in subject:
            return subject, ""
    if (not found or found[0][0] > 40) and cfg.PREVIOUS_REPORTED_SUBJECT:
        # "Then, in May, Quill said that ... ." then a bare quote paragraph: the reported speaker
        reported = _reported_subject(sentence)
        if reported:
            return reported, ""
    if not found or found[0][0] > 40:
        return None
    at, name = found[0]
    head = sentence[:at]
    if cfg.PREVIOUS_SUBJECT_AFTER_ADVERBIAL and (m := _LEAD_ADVERBIAL.match(head)):
        head = head[m.end() :]  # "On the other side, Sen. Ivo Lund (D) tweeted a warning."
    if head.strip() and not re.fullmatch(
        r"(?:[A-Z][\w.\-]*['\u2019]s\s+|[A-Z][\w.\-]*\s+|[a-z\-]+\s+){0,6}", head
    ):
        return None
    return name, ""


def _reported_subject(sentence: str) -> str | None:
    """Who speaks in an indirect-speech sentence ("Quill said that ...", "The mayor told reporters
    ..."): the subject of its first reporting verb, when that is a name, he/she or "the <noun>"."""
    for m in _WORD.finditer(sentence):
        w = m.group()
        if not w.islower() or w not in _CUES or w.endswith("ing"):
            continue
        spk = _speaker_before(sentence[: m.start()])
        if not spk:
            return None
        spk = _strip_adverbial(spk)
        low = spk.lower()
        if low in ("he", "she") or names.proper_name(spk) or (low.startswith("the ") and len(spk.split()) <= 4):
            return spk
        return None
    return None


_LEAD_ADVERBIAL = re.compile(
    r"^(?:(?:At|In|On|After|Before|During|Later|Earlier|Meanwhile|However|Still|Instead|Separately|"
    r"Speaking|Asked|When|While|As|Since|For|Despite|Following|Last|This|Yesterday|Today)\b[^,]{0,60}"
    r"|[A-Z][a-z]+ly|[A-Z][a-z]{2,}ing\b[^,]{0,60}),\s+"
)
_PRONOUN_SUBJECT = re.compile(r"^(He|She|They)\s+[a-z]")
_DEFINITE_SUBJECT = re.compile(r"^((?:The|the)\s+(?:[A-Z][\w\-]*\s+){0,3}[a-z\-]+)\s+(?:also\s+)?[a-z]{3,}\b")


_NOT_SUBJECTS = frozenset(
    word_list(
        """
        the this that these those but and or so yet it its in on at if when while as since after
        before meanwhile however still now then also there here today yesterday tomorrow instead
        what who why how where some many most all both each such maybe perhaps nor more less any
        every no none few another one several other two three
        """
    )
) | (frozenset(word_list("a an ever even just not")) if cfg.ARTICLES_NOT_SUBJECTS else frozenset())


_LABEL = re.compile(
    r"^\s*((?:[A-Z][A-Z'\u2019\-]+\.?\s+){0,2}[A-Z][A-Z'\u2019\-]{1,}|Q|A|[A-Z][a-z]+\s+[A-Z][a-z]+)\s*:\s+\S"
)
_NOT_LABELS = frozenset({"UPDATE", "VIDEO", "WATCH", "NOTE", "EDITOR", "BREAKING", "PHOTO", "READ", "SOURCE"})


def _transcript_label(s: str) -> str | None:
    """The speaker label a transcript line opens with ("HARLOW:", "Ada Quill:", "Q:"/"A:"), or None.

    "Q" is the interviewer (an unnamed source); "A" is left to the caller's context (None)."""
    m = _LABEL.match(s)
    if not m:
        return None
    label = m.group(1)
    if label == "A" or label.split()[0].rstrip(".").upper() in _NOT_LABELS:
        return None
    if label == "Q":
        return "the interviewer"
    return label.title() if label.isupper() else label


def _colon_paragraph_subject(sentence: str) -> str | None:
    """Who introduces the quote paragraph after a sentence ending in a colon: the sentence's
    subject ("The party committee said about its platform:"), else the person named right before a
    reporting verb or "statement" ("..., Ada Quill issued the following statement:")."""
    if cfg.FRAMED_SOURCE and (framed := _framed_source(sentence)):
        return framed
    subject = _sentence_subject(sentence)
    if subject and subject not in ("They",):
        return subject
    for m in re.finditer(r"([A-Z][\w.'\u2019\-]+(?:\s+[A-Z][\w.'\u2019\-]+)*)\s+([a-z]+)", sentence):
        if _clean_word(m.group(2)) in _CUES or m.group(2) in ("issued", "released", "wrote", "posted"):
            name = m.group(1)
            if name.split()[0].lower() not in _NOT_SUBJECTS and not names.is_title_word(name):
                return name
    return None


_FRAMES = (
    re.compile(
        r"^\s*(?:And\s+|But\s+)?(?:As|Like)\s+(?P<src>[^,:;]{2,60}?)\s+(?:has\s+|had\s+)?(?:reported|wrote|said|noted|"
        r"explained|observed|put it|told|reports|writes|says|notes|explains)\b"
    ),
    re.compile(r"^\s*(?:And\s+|But\s+)?According to\s+(?P<src>[^,:;]{2,80}?)\s*[,:]"),
    re.compile(
        r"^\s*Here(?:'s|\u2019s| is| are)\s+(?P<src>[^,:;]{2,60}?)(?:\s+(?:in|on|at|during|from|last)\b[^:]*)?:\s*$"
    ),
)


def _framed_source(sentence: str) -> str | None:
    """The source a framing clause names: "As the Harbor Post reported, ...:", "According to Ada
    Quill:", "Here's Quill in 1992:" (the writer hands the floor to it)."""
    for pat in _FRAMES:
        m = pat.search(sentence)
        if m:
            src = names.tidy(m.group("src"))
            if src and (names.proper_name(src) or names.is_unnamed_description(src)) and not names.is_pronoun(src):
                return src
    return None


def _sentence_subject(clause: str) -> str | None:
    """The subject a sentence opens with: a named person, he/she/they, or "the <role>"."""
    s = clause.strip().lstrip('"\u201c(')
    m = _LEAD_ADVERBIAL.match(s)
    if m and len(m.group(0).split()) <= 7:
        s = s[m.end() :]
    if m2 := _PRONOUN_SUBJECT.match(s):
        return m2.group(1)
    found = names.person_names(s[:80])
    if found:
        at, name = found[0]
        head = s[:at]
        titles_only = all(names.is_title_word(w) for w in head.split())
        if titles_only and len(head.split()) <= 3 and re.match(r"\s+[a-z]", s[at + len(name) :]):
            return (head + name).strip()
    m3 = _DEFINITE_SUBJECT.match(s)
    if m3 and (names.is_unnamed_description(m3.group(1)) or names.split_name(m3.group(1)).role):
        return m3.group(1)
    # a surname alone ("Varga also pressed the case")
    m4 = re.match(r"^([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:also\s+|has\s+|had\s+)?[a-z]{3,}\b", s)
    if m4 and m4.group(1).split()[0].lower() not in _NOT_SUBJECTS and not m4.group(1).endswith(("ly", "ing")):
        return m4.group(1)
    return None


def _trailing_name(text: str) -> str | None:
    """The person named at the very end of a clause ("... surprise pollster Daron Shaw"), or None."""
    found = names.person_names(text)
    if not found:
        return None
    at, name = found[-1]
    rest = text[at + len(name) :].strip()
    if rest and not re.fullmatch(r"[a-z]+", rest):
        return None
    return name


def _is_title(quote: str, before: str) -> bool:
    if _TITLE_CONTEXT.search(before[-40:]):
        return True
    ws = re.findall(r"[A-Za-z][A-Za-z'\u2019\-]*", quote)
    # KTV's "Morning Table", Radio Ostrava's "Noon": a possessive before a title-cased name
    possessive = re.search(r"\w['\u2019]s?\s*$", before) and ws and len(ws) <= 8
    if possessive and ws[0][0].isupper() and all(w[0].isupper() for w in ws if len(w) >= 4):
        return True
    long = [w for w in ws[1:] if len(w) >= 4]
    if len(long) < 2:
        return False
    caps = sum(1 for w in long if w[0].isupper())
    return caps / len(long) >= cfg.TITLE_CAPS_SHARE


def _attribute(text: str, paras: list[tuple[int, int]], spans: list[_Span]) -> None:
    """Regex attribution and kind for every span of one article (in place)."""
    by_para: dict[int, list[_Span]] = {}
    for s in spans:
        by_para.setdefault(s.para, []).append(s)
    for p, group in by_para.items():
        ps, pe = paras[p]
        for k, sp in enumerate(group):
            prev_close = group[k - 1].close_at + 1 if k > 0 and group[k - 1].close_at is not None else ps
            if k > 0 and group[k - 1].close_at is None:
                prev_close = group[k - 1].end
            clause_lo = _sentence_start(text, prev_close, sp.open_at) if sp.open_at > ps else ps
            clause = text[clause_lo : sp.open_at] if not sp.continued else ""
            nxt_open = group[k + 1].open_at if k + 1 < len(group) else pe
            after = text[sp.close_at + 1 : nxt_open] if sp.close_at is not None else ""
            qtext = text[sp.start : sp.end]
            qwords = _WORD.findall(qtext)
            intro = clause.rstrip()
            at_clause_start = (
                not intro.strip()
                or intro.endswith(":")
                or (intro.endswith(",") and _attribute_before(clause, True) is not None)
            )
            starts_sentence = bool(re.match(r"\s*(?:[A-Z0-9\u2026]|\.\.\.|\[|'|\u2018)", qtext))
            ends_sentence = bool(re.search(r"[.,?!\u2026\u2014\-]\s*$", qtext))
            if sp.continued or (
                at_clause_start and (starts_sentence or (ends_sentence and len(qwords) >= 3))
            ):
                sp.kind = "direct"
            elif not intro.strip() and ends_sentence and len(qwords) >= 3:
                sp.kind = "direct"  # a quote resumed mid-sentence at a clause start
            else:
                sp.kind = "partial"
            if _is_title(qtext, clause) and not (ends_sentence and qtext.rstrip()[-1:] in ",?!"):
                sp.drop = True
                continue
            found = None
            comma_inside = cfg.PARTIAL_COMMA_INSIDE and qtext.rstrip().endswith(",")
            if (
                cfg.SUBORDINATE_CLAUSE_QUOTE
                and sp.kind == "partial"
                and comma_inside
                and not sp.continued
                and _SUBORDINATE_OPENING.match(clause)
            ):
                # `After Quill said that pupils might do better at "smaller schools," Lund said:`
                found = _attribute_before(clause, require_intro=False)
            if (
                found is None
                and sp.close_at is not None
                and (sp.kind == "direct" or re.match(r"\s*,", after) or comma_inside)
            ):
                found = _attribute_after(after, final=bool(re.search(r"[.!?]\s*$", qtext)))
            if found is None and not sp.continued:
                found = _attribute_before(clause, require_intro=sp.kind == "direct")
            if found is None and cfg.TRANSCRIPT_LABELS:
                # "HARLOW: We will ..." / HARLOW: "We will ...": a transcript label names the speaker
                prefix = text[ps : sp.open_at]
                label = None
                if not prefix.strip():
                    label = _transcript_label(qtext)
                elif re.fullmatch(r"\s*[^:]{1,40}:\s*", prefix):
                    label = _transcript_label(prefix + " x")
                if label:
                    found = (label, "")
            if found is None and not sp.continued and intro.endswith(":"):
                # "Ilse Varga and Piet Rask: "..."" (a name and a colon, no verb)
                label = re.split(r"\s[\u2014\u2013-]\s", intro[:-1])[-1].strip()
                tail = _trailing_name(label)
                if tail and tail != label:
                    label = tail
                if (
                    0 < len(label.split()) <= 6
                    and names.proper_name(label.split(" and ")[-1]) == label.split(" and ")[-1]
                ):
                    found = (label, "")
                elif cfg.FRAMED_SOURCE and (framed := _framed_source(clause)):
                    found = (framed, "")  # "As the Harbor Post reported:", "Here's Quill in 1992:"
                elif cfg.COLON_SUBJECT:
                    # "Orrin interjected:" / "Ilse Varga laid out ... to the newspaper Kestrel Courier:"
                    m = re.search(r"([A-Z][\w'\u2019\-]+(?:\s+[A-Z][\w'\u2019\-]+)*)\s+[a-z]+\s*:$", intro)
                    subject = m.group(1) if m and not names.is_title_word(m.group(1)) else None
                    subject = subject or _sentence_subject(clause)
                    if cfg.COLON_PARSED_SUBJECT and load_nlp():
                        # the parser reads the clause before the colon first; the regex subject stays
                        # for when it finds none
                        sp.extra["colon"] = True
                        if subject:
                            sp.extra["colon_regex"] = subject
                    elif subject:
                        found = (subject, "")
            if found is None and not sp.continued and not text[ps : sp.open_at].strip() and p > 0:
                # a quote paragraph introduced by the paragraph before ("Rutte said:")
                qs, qe = paras[p - 1]
                if text[qs:qe].rstrip().endswith(":"):
                    lo = _sentence_start(text, qs, qe - 1)
                    found = _attribute_before(text[lo:qe], require_intro=True, max_after=cfg.COLON_PARAGRAPH_CUE_REACH)
                    if found is None and cfg.COLON_PARAGRAPH_SUBJECT:
                        # "Nominee Ada Quill issued the following statement:" then a quote paragraph
                        subject = _colon_paragraph_subject(text[lo:qe])
                        if subject:
                            found = (subject, "")
            if (
                found is None
                and cfg.DASH_SIGNATURE
                and sp.kind == "direct"
                and p + 1 < len(paras)
                and not text[ps : sp.open_at].strip()
                and not text[sp.end : pe].strip(" \"\u201d.,")
            ):
                # a quote paragraph signed on the next line ("- Ada Quill."), as fact checks and
                # epigraphs print it
                m = _SIGNATURE.match(text, paras[p + 1][0], paras[p + 1][1])
                if m and names.proper_name(m.group(1)):
                    found = (m.group(1), "")
            if (
                found is None
                and cfg.SUBJECT_BEFORE
                and sp.kind == "direct"
                and not sp.continued
                and not after.strip(" .")
            ):
                # "Bystrom agreed. "Mainstream ..."": the person the sentence before is about
                found = _previous_subject(text, paras, p, sp)
                if found and sp.extra.get("colon"):
                    sp.extra["colon_regex"], found = found[0], None  # the parser reads the clause first
            if found is None and sp.kind == "partial" and cfg.PARTIAL_INVERTED_END and sp.close_at is not None:
                # `signals "the beginning of the end" for the union, said Ivo Lund, its founder.`
                found = _inverted_at_end(after)
                if found:
                    sp.extra["inverted_end"] = True
            if found is None and sp.kind == "partial" and cfg.PARTIAL_AFTER_ANYWHERE:
                found = (
                    _attribute_after(after, final=bool(re.search(r"[.!?]\s*$", qtext)))
                    if sp.close_at is not None
                    else None
                )
            if cfg.POLL_SOURCE and found and _SHARE.search(found[0]):
                # "In a Harbor Post poll, 31 percent of voters said ...": the poll reports the
                # respondents' words, and news writing attributes them to the poll
                lo, _hi = _sentence_of(text, paras, sp)
                polls = list(_POLL.finditer(text, lo, sp.open_at))
                if polls:
                    found = (names.tidy(polls[-1].group(1)), found[1])
            if cfg.PASSIVE_BY_AGENT and not sp.continued:
                # "Quill was asked by moderator Ivo Brandt whether ..." / `has been called "a trap"
                # by Ivo Brandt`: the agent after "by" said the words, not the grammatical subject
                lo, hi = _sentence_of(text, paras, sp)
                agent = _passive_agent(text[lo : sp.open_at]) or _passive_agent(
                    text[lo : sp.open_at] + " x " + text[sp.end + 1 : hi]
                )
                if agent:
                    found = agent
            if found:
                sp.speaker_text, sp.cue = found[0], found[1] or None
            elif sp.kind == "partial" or len(qwords) >= 3:
                sp.parse = True
    # a split quote's second half and a continued paragraph take the cue of their partner
    for group in by_para.values():
        for k, sp in enumerate(group):
            if sp.speaker_text is None and k > 0 and group[k - 1].speaker_text and sp.kind == "direct":
                between = text[(group[k - 1].close_at or group[k - 1].end) + 1 : sp.open_at]
                if not re.search(r"[.!?]\s", between) or len(_WORD.findall(between)) <= 6:
                    sp.inherit(group[k - 1])
            elif (
                cfg.PARTIAL_SHARES_SENTENCE
                and sp.speaker_text is None
                and k > 0
                and group[k - 1].speaker_text
                and sp.kind == "partial"
                and group[k - 1].close_at is not None
                and _one_clause_apart(text, group[k - 1].close_at, sp.open_at)
            ):
                # `accused Quill of being "soft" and "very slow"`: one sentence, one speaker
                sp.inherit(group[k - 1])
        for k in range(len(group) - 2, -1, -1):
            sp, nx = group[k], group[k + 1]
            if sp.speaker_text is None and nx.speaker_text and sp.kind == "direct" and nx.kind == "direct":
                sp.inherit(nx)
            elif (
                cfg.PARTIAL_SHARES_INVERTED_END
                and sp.speaker_text is None
                and sp.kind == "partial"
                and nx.kind == "partial"
                and (nx.source or nx).extra.get("inverted_end")
                and sp.close_at is not None
                and _one_clause_apart(text, sp.close_at, nx.open_at)
            ):
                # `The promise to "take back the harbour" and "sail again" appeals to ..., said Ivo
                # Lund`: the inverted cue closing the sentence governs each partial quote in it
                sp.inherit(nx)


def _one_clause_apart(text: str, close_at: int, open_at: int) -> bool:
    """Two partial quotes close together in one clause: no sentence or clause stop and at most
    PARTIAL_SHARE_WORDS words between the first one's closing mark and the second one's opening."""
    between = text[close_at + 1 : open_at]
    return not re.search(r"[.!?;:]", between) and len(_WORD.findall(between)) <= cfg.PARTIAL_SHARE_WORDS


_SUBORDINATE_OPENING = re.compile(
    r"\s*(?:(?:But|And|So)\s+)?(?:(?:even|just)\s+)?(?:When|After|As|While|Before|Although|Though|If|Since|Once|"
    r"Because|Until|Whenever|Whereas)\s+[^,;:]*$",
    re.IGNORECASE,
)


_SIGNATURE = re.compile(r"[ \t]*[-\u2014\u2013]+[ \t]*([A-Z][\w.'\u2019\- ]{1,60}?)[.,]?[ \t]*$")


_PASSIVE = re.compile(
    r"\b(?:was|were|is|are|been|being)\s+(?:[a-z]+ly\s+)?(asked|told|called|described|labeled|labelled|dubbed|"
    r"termed|branded|quoted|pressed|questioned)\s+(?:[^,;:.!?]{0,60}?\s)?by\s+"
    r"((?:[a-z\-]+\s+){0,3}(?:[A-Z][\w.\u2019'\-]*\s+){0,3}[A-Z][\w\u2019'\-]+)"
)


def _passive_agent(clause: str) -> tuple[str, str] | None:
    """(agent, cue) of a passive reporting frame in ``clause``, or None."""
    m = _PASSIVE.search(clause)
    if not m:
        return None
    agent = names.tidy(m.group(2))
    if not names.proper_name(agent):
        return None
    return agent, m.group(1)


_SHARE = re.compile(
    r"\b(?:\d+(?:\.\d+)?\s*(?:%|percent|per cent)|(?:one|two|three|four|five|six|seven|eight|nine|\d+) in (?:10|ten)|"
    r"(?:a |the )?(?:majority|plurality|minority|third|quarter|half) of)\b",
    re.IGNORECASE,
)
_POLL = re.compile(
    r"\b((?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat)\s+(?:[\w/\-'\u2019.]+\s+){0,6}?(?:poll|survey)s?)\b"
)


_RECL = frozenset({"relcl", "acl", "advcl", "punct", "cc", "conj", "prep"})


def _parse_attribute(nlp: object, jobs: list[tuple[_Span, str, int, int, int]]) -> None:
    """Parse the sentences of unattributed spans in one batch; take the cue verb's subject.

    ``jobs``: (span, sentence text, sentence offset, quote start, quote end) in sentence offsets.
    """
    texts = [j[1] for j in jobs]
    for (sp, sent, _off, qs, qe), doc in zip(jobs, nlp.pipe(texts, batch_size=64), strict=True):  # type: ignore[attr-defined]
        if sp.extra.get("colon") and (subject := _colon_subject(doc, qs, qe)):
            sp.speaker_text, sp.parse = subject, False
            continue
        best = None
        for tok in doc:
            if qs - 1 <= tok.idx < qe + 1:
                continue
            w = tok.lower_
            if tok.tag_.startswith("VB") and (w in _CUES or (sp.kind == "partial" and w in _PARTIAL_CUES)):
                subj = _subjects(tok, ("nsubj", "nsubjpass"))
                if not subj and tok.dep_ in ("conj", "xcomp", "advcl") and tok.head.tag_.startswith("VB"):
                    subj = _subjects(tok.head, ("nsubj",))
                if not subj:
                    continue
                if cfg.PARSE_CUE_GOVERNS and _reports_else(tok, qs, qe):
                    continue  # `"the sticking point," as Borovia insists on control`: another clause
                if subj[0].lower_ == "it" and _subordinate_it(tok, subj[0]):
                    continue  # "it's safe to say", "when it posted": "it" speaks only as a main clause's subject
                dist = min(abs(tok.idx - qs), abs(tok.idx - qe))
                if best is None or dist < best[0]:
                    best = (dist, tok, subj[0])
            elif w == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                objs = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
                if objs:
                    dist = min(abs(tok.idx - qs), abs(tok.idx - qe))
                    if best is None or dist < best[0]:
                        best = (dist, doc[tok.i : tok.i + 2], objs[0])
        if best is None:
            if cfg.PARTIAL_ROOT_SUBJECT and sp.kind == "partial" and (subject := _root_subject(doc, qs, qe)):
                sp.extra["root_subject"] = subject  # taken in _finish if nothing else attributes the quote
            continue
        _, verb, head = best
        spk = _subject_span(doc, head, qs, qe)
        if spk is None:
            continue
        if cfg.POLL_SOURCE_PARSED and _SHARE.search(spk) and (polls := list(_POLL.finditer(sent, 0, qs))):
            spk = names.tidy(polls[-1].group(1))  # POLL_SOURCE for a share of respondents the parser found
        sp.speaker_text = spk
        sp.cue = verb.text
        sp.parse = False


def _subject_span(doc: object, head: object, qs: int, qe: int) -> str | None:
    """The words of a parsed subject (its left edge to its head and the modifiers after it, up to a
    relative clause or punctuation), trimmed; None when it overlaps the quote or is no speaker."""
    left, right = head.left_edge.i, head.i  # type: ignore[attr-defined]
    for c in head.rights:  # type: ignore[attr-defined]
        if (c.dep_ in _RECL and c.dep_ != "prep") or c.dep_ == "punct":
            break
        if cfg.PARSED_NAME_ADJUNCT_CUT and _adjunct_of_name(head, c):
            break
        right = c.right_edge.i
    words_ = doc[left : right + 1]  # type: ignore[index]
    if any(qs <= t.idx < qe for t in words_):
        return None
    spk = _trim_speaker(words_.text)
    return spk if _plausible_speaker(spk.split(",")[0]) else None


def _root_subject(doc: object, qs: int, qe: int) -> str | None:
    """The subject of the main verb of the sentence holding a partial quote that no cue verb
    attributes (`The crowd chanted back, "Send them home"`, `Ada Quill agreed to keep the two apart,
    including a pledge to "step aside"`)."""
    sent = next((s for s in doc.sents if s.start_char <= qs < s.end_char), None)  # type: ignore[attr-defined]
    if sent is None:
        return None
    return _speaking_subject(doc, sent.root, qs, qe)


def _colon_subject(doc: object, qs: int, qe: int) -> str | None:
    """The subject of the clause a colon closes right before a quote (`Asked about the vote, Quill
    shot back: "..."`), when it can speak."""
    colon = next((t for t in reversed(list(doc)) if t.idx < qs and t.text == ":"), None)  # type: ignore[call-overload]
    if colon is None:
        return None
    # the verb heading the words before the colon (the parser often makes the quote's verb the root
    # and the clause before it a complement)
    start = colon.sent.start  # type: ignore[attr-defined]
    tops = [t for t in doc[start : colon.i] if t.head.i >= colon.i or t.head is t]  # type: ignore[index, attr-defined]
    verbs = [t for t in tops if t.tag_.startswith("VB")]
    return _speaking_subject(doc, verbs[-1], qs, qe) if verbs else None


def _speaking_subject(doc: object, verb: object, qs: int, qe: int) -> str | None:
    """The words of the verb's subject, when it can speak (``_speaking_head``) and lies outside the quote."""
    subj = _subjects(verb, ("nsubj", "nsubjpass"))
    if not subj or not _speaking_head(subj[0]):
        return None
    return _subject_span(doc, subj[0], qs, qe)


_SPEAKING_PRONOUNS = frozenset(word_list("he she they we i"))
_SPEAKING_GROUPS = frozenset(word_list("crowd crowds audience audiences"))


def _speaking_head(head: object) -> bool:
    """A subject that can say something: a proper noun, a personal pronoun, or a common noun that
    names a source, a role or a crowd ("the senator", "officials", "the crowd"), not an abstract
    one ("the fact that", "his standing")."""
    tag, low = head.tag_, head.lower_  # type: ignore[attr-defined]
    if tag in ("NNP", "NNPS"):
        return True
    if tag == "PRP":
        return low in _SPEAKING_PRONOUNS
    if tag in ("NN", "NNS"):
        sing = low[:-1] if low.endswith("s") else low
        return any(w in cfg.SOURCE_NOUNS or w in cfg.TITLE_WORDS or w in _SPEAKING_GROUPS for w in (low, sing))
    return False


def _subjects(verb: object, deps: tuple[str, ...]) -> list[object]:
    """The verb's subjects, the one nearest before it first: the parser sometimes gives a verb two
    ("Speaking in Salem, New Hampshire, Lund went after Quill": "Hampshire" and "Lund"), and the
    subject proper stands next to the verb."""
    found = [c for c in verb.children if c.dep_ in deps]  # type: ignore[attr-defined]
    if cfg.NEAREST_PARSED_SUBJECT and len(found) > 1:
        at = verb.i  # type: ignore[attr-defined]
        found.sort(key=lambda c: (c.i > at, abs(at - c.i)))  # type: ignore[attr-defined]
    return found


# Prepositions that open a time, place or occasion phrase, not an affiliation ("of", "from", "at",
# "with" and "for" can tie a person to an organisation, so they stay).
_ADJUNCT_PREPOSITIONS = frozenset(word_list("in during on after before since throughout over amid"))


def _adjunct_of_name(head: object, child: object) -> bool:
    """The parser hangs the verb's adjunct on a subject name ("Quill in her opening speech called",
    "Lund on Sunday thanked"): for a proper noun or pronoun the phrase says when or where she spoke,
    so the speaker ends before it."""
    if child.dep_ != "prep" or child.lower_ not in _ADJUNCT_PREPOSITIONS:  # type: ignore[attr-defined]
        return False
    if head.tag_ in ("NNP", "NNPS", "PRP"):  # type: ignore[attr-defined]
        return True
    # the small model tags an unfamiliar surname as a common noun; a capital mid-sentence marks it
    return bool(head.tag_ in ("NN", "NNS") and head.text[:1].isupper()  # type: ignore[attr-defined]
                and not head.is_sent_start)  # type: ignore[attr-defined]


def _subordinate_it(verb: object, subj: object) -> bool:
    """ "it" is not the subject of this cue verb itself, or the verb is a bare infinitive or sits in
    a subordinate clause ("it's fair to say", "when it posted")."""
    v = verb  # a spaCy Token
    return v.tag_ == "VB" or v.dep_ in ("advcl", "relcl", "xcomp") or subj.head is not v  # type: ignore[attr-defined]


def _reports_else(verb: object, qs: int, qe: int) -> bool:
    """A cue verb in a subordinate clause after the quote that has its own complement: `"the
    sticking point," as Borovia insists on control` reports the control, not the quote (while `as
    the manager said` with nothing after it does attribute the quote)."""
    v = verb  # a spaCy Token
    if v.dep_ not in ("advcl", "relcl") or v.idx < qe:  # type: ignore[attr-defined]
        return False  # "As Quillan said last week, "..."": a cue before the quote introduces it
    if any(qs <= t.idx < qe for t in v.subtree):  # type: ignore[attr-defined]
        return False
    kids = list(v.children)  # type: ignore[attr-defined]
    subordinate = any(c.dep_ == "mark" for c in kids) or v.dep_ == "relcl"  # type: ignore[attr-defined]
    complement = any(c.dep_ in ("dobj", "prep", "ccomp", "xcomp") and c.idx > v.idx for c in kids)  # type: ignore[attr-defined]
    return subordinate and complement


@dataclass
class _Resolver:
    """In-article resolution of speaker words to the person or description they refer to."""

    text: str
    full_names: list[tuple[int, str]]
    named_speakers: list[tuple[int, str, str | None]] = field(default_factory=list)  # (offset, name, role)
    descriptions: list[tuple[int, str]] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)  # name -> role seen in the article
    quoted: list[tuple[int, int]] = field(default_factory=list)  # spans whose names are not antecedents
    known_names: list[str] = field(default_factory=list)  # full names printed where they are no mention

    _mentions: list[tuple[int, str]] | None = None
    _title_gender: dict[str, str] | None = None
    _caps: list[tuple[int, str]] | None = None
    _titled: list[tuple[int, str]] | None = None
    _cue_subjects: list[tuple[int, str]] | None = None
    _votes: dict[str, str] | None = None
    _kin: dict[str, tuple[int, str, bool]] | None = None  # name -> (offset, gender, opens its sentence)
    _nonperson: dict[str, bool] = field(default_factory=dict)  # name -> names no person (memo)
    _genders: dict[str, str | None] = field(default_factory=dict)  # name -> gender (memo)
    _subjects: dict[int, bool] = field(default_factory=dict)  # offset -> a subject there (memo)
    _modifiers: dict[int, bool] = field(default_factory=dict)  # offset -> a modifier there (memo)
    _by_surname: dict[str, list[tuple[int, str]]] | None = None  # surname -> full names, in order

    def gender(self, name: str) -> str | None:
        """"m", "f" or None: from the first name, else a gendered title printed before the surname."""
        if name not in self._genders:
            self._genders[name] = self._gender(name)
        return self._genders[name]

    def _gender(self, name: str) -> str | None:
        if cfg.KIN_APPOSITION and (kin := self._kin_people().get(name)):
            return kin[1]  # "his wife, Ada": the kin word gives the gender
        if cfg.GENDER_FROM_NAME_CORE:
            name = names.split_name(name).name or name  # "Republican front-runner Ada Quill" -> "Ada Quill"
        if found := given_name_gender(names.first_name(name)):
            return found
        if self._title_gender is None:
            self._titled_people()
        assert self._title_gender is not None
        sur = names.surname(name)
        found = self._title_gender.get(sur)
        if found is None and cfg.PRONOUN_GENDER_VOTES:
            found = self._pronoun_genders().get(sur)
        return found

    def _pronoun_genders(self) -> dict[str, str]:
        """Surname -> gender from the pronoun that follows a person's mentions outside quotes
        ("Adela Brisk, an immigrant herself, said she ..."): the first he/him/his or she/her in the
        same sentence, before any other person is mentioned, is one vote; a gender needs
        PRONOUN_GENDER_VOTES votes and no vote against. Names not on the first-name lists get a
        gender this way, which "she said" needs to skip the men printed in between."""
        if self._votes is None:
            tally: dict[str, list[int]] = {}
            starts = sorted({o for o, _n in self.mentions()} | {o for o, _n in self._titled_people()})
            surname_at = {o: n for o, n in self.mentions()}
            surname_at.update((o, n) for o, n in self._titled_people())
            for k, o in enumerate(starts):
                run = _CAP_RUN.match(self.text, o)
                end = run.end() if run else o + 1
                nxt = starts[k + 1] if k + 1 < len(starts) else len(self.text)
                stop = min(nxt, end + cfg.PRONOUN_GENDER_REACH)
                seg = self.text[end:stop]
                cut = re.search(r"[.!?\n\"\u201c\u201d]", seg)
                if cut:
                    seg = seg[: cut.start()]
                m = _GENDERED_PRONOUN.search(seg)
                if m:
                    g = 0 if m.group().lower() in ("he", "him", "his", "himself") else 1
                    tally.setdefault(names.surname(surname_at[o]), [0, 0])[g] += 1
            self._votes = {}
            for sur, (male, female) in tally.items():
                if male >= cfg.PRONOUN_GENDER_VOTES and not female:
                    self._votes[sur] = "m"
                elif female >= cfg.PRONOUN_GENDER_VOTES and not male:
                    self._votes[sur] = "f"
        return self._votes

    def _kin_people(self) -> dict[str, tuple[int, str, bool]]:
        """People the article names by a kin word and a given name in apposition ("his wife, Ada,",
        "Quill's husband, Ivo,", "Her father, Piet, 39,"), as name -> (offset of the given name,
        gender of the kin word, whether the phrase opens its sentence). A named possessor lends its
        surname ("Ivo Quill"); after his/her/their the given name stands alone."""
        if self._kin is None:
            self._kin = {}
            for m in _KIN_APPOSITION.finditer(self.text):
                if _inside(m.start(), self.quoted):
                    continue
                given = m.group("given")
                if names.is_title_word(given) or given.lower() in _NOT_SUBJECTS:
                    continue
                owner = m.group("owner")
                name = given
                if owner and not names.is_organisation(owner) and owner.lower() not in _NOT_SUBJECTS:
                    name = f"{given} {owner}"
                gender = "f" if m.group("kin").lower() in _FEMALE_KIN else "m"
                head = self.text[max(self.text.rfind("\n", 0, m.start()), 0) : m.start()]
                opens = not head.strip() or bool(_KIN_OPENS.search(head))
                self._kin.setdefault(name, (m.start("given"), gender, opens))
        return self._kin

    def _titled_people(self) -> list[tuple[int, str]]:
        """("Mrs. Quillan", "Congresswoman Jane Doe") mentions outside quotes, as (offset, name);
        fills the surname -> gender table on the way."""
        if self._titled is None:
            votes: dict[str, set[str]] = {}
            self._titled = []
            for m in _GENDER_TITLE.finditer(self.text):
                g = _title_gender(m.group(1)) or "f"
                votes.setdefault(names.surname(m.group(2)), set()).add(g)
                if not _inside(m.start(2), self.quoted):
                    self._titled.append((m.start(2), m.group(2)))
            self._title_gender = {k: next(iter(v)) for k, v in votes.items() if len(v) == 1}
        return self._titled

    def mentions(self) -> list[tuple[int, str]]:
        """Full names and later surname-only mentions of them, with offsets (for pronouns)."""
        if self._mentions is None:
            by_sur: dict[str, str] = {}
            for _o, n in self.full_names:
                by_sur.setdefault(names.surname(n), n)
            if cfg.SURNAME_KNOWN_FIRST_NAME:
                # "Understated Perez" (a headline's adjective) and later "Thomas Perez": a full name with
                # a common first name stands for the surname
                known = _COMMON_FIRST_NAMES

                firsts: dict[str, str | None] = {}

                def _first(n: str) -> str | None:
                    if n not in firsts:  # "Actor Ivo Lund" -> "ivo"
                        firsts[n] = names.first_name(names.split_name(n).name or n)
                    return firsts[n]

                for _o, n in self.full_names:
                    sur = names.surname(n)
                    if _first(n) in known and _first(by_sur[sur]) not in known:
                        by_sur[sur] = n
            for n in self.known_names:
                by_sur.setdefault(names.surname(n), n)
            found = list(self.full_names)
            if by_sur:
                for m in re.finditer(r"\b[A-Z][\w\u00c0-\u024f'\u2019\-]+", self.text):
                    key = names.surname(m.group())
                    if (
                        cfg.CONTRACTED_HAS_NOT_POSSESSIVE
                        and key not in by_sur
                        and re.search(r"['\u2019]s$", m.group())
                        and _CONTRACTED_VERB.match(self.text, m.end())
                    ):
                        key = names.surname(m.group()[:-2])  # "Quill's been saying": Quill, the subject
                    if key in by_sur and not _inside(m.start(), self.quoted):
                        found.append((m.start(), self.fullest(by_sur[key], m.start())))
            self._mentions = sorted(found)
        return self._mentions

    def _is_subject(self, at: int) -> bool:
        """Whether the name at ``at`` is the subject or the speaker of its sentence (memo)."""
        if at not in self._subjects:
            self._subjects[at] = self._subject_at(at)
        return self._subjects[at]

    def _subject_at(self, at: int) -> bool:
        lo = max(self.text.rfind("\n", 0, at), 0)
        head = self.text[lo:at]
        # the boundary test looks at the capital after the full stop, so it needs the name's first letter
        seen = self.text[lo : at + 1] if cfg.SUBJECT_AFTER_SENTENCE_END else head
        if cfg.SUBJECT_SKIP_ABBREV:
            ends = [b.end() for b in _BOUNDARY.finditer(seen) if not _is_abbrev(seen, b.start())]
        else:
            ends = [b.end() for b in _BOUNDARY.finditer(seen)]
        if ends:
            head = head[ends[-1] :]
        head = head.lstrip('\n "\u201c')
        if (
            cfg.VIEWPOINT_SUBJECT
            and (m := re.fullmatch(r"(?:To|For)\s+((?:\S+\s+)*)", head))
            and len(m.group(1).split()) <= 4
            and re.match(r"[^,.;:\n]{0,40},", self.text[at:])
        ):
            return True  # "To campaign adviser Ada Quill, ...", "For Quill, ...": whose view it is
        if (
            "," not in head
            and len(head.split()) <= 3
            and (not cfg.SUBJECT_HEAD_ROLES_ONLY or all(_role_or_name_word(w) for w in head.split()))
        ):
            return True
        if (
            cfg.NAMED_NOUN_SUBJECT
            and re.fullmatch(
                r"(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]he)\s+(?:[\w\-]+\s+){0,3}(?:named|called)\s+",
                head.rsplit(", ", 1)[-1],
            )
            and _verb_after_name(self.text, at)
        ):
            return True  # "Outside the plant, a worker named Ivo Lund has nothing but praise ..."
        if (
            cfg.ROLE_APPOSITION_SUBJECT
            and head.endswith(", ")
            and "," not in head[:-2]
            and len(head.split()) <= 6
            and (run := _CAP_RUN.match(self.text, at))
            and (cue := re.match(r",\s+(?:also\s+)?([a-z]+)", self.text[run.end() :]))
            and _clean_word(cue.group(1)) in _CUES
        ):
            return True  # "Lund's lawyer, Ada Quill, said ...": the role stands before the name
        if cfg.SUBJECT_SOURCE_INVERTED and _INVERTED_CUE_BEFORE.search(head[-40:]):
            if cfg.INVERTED_SOURCE_NOT_CLAUSE and (run := _CAP_RUN.match(self.text, at)):
                # "Ada Quill, a party official, said Lund will win": Lund opens the reported clause
                return not re.match(r"\s+[a-z]", self.text[run.end() :])
            return True  # "..., said Anton Mertz, a ferry owner": the speaker of the sentence
        if cfg.SUBJECT_AFTER_ADVERBIAL and cfg.SUBJECT_HEAD_ROLES_ONLY:
            # "On Monday night, campaign manager Ada Quill released ...": roles before the name
            last = re.split(r",\s|;\s|\s(?:but|and)\s", head)[-1].split()
            k = len(last)
            while k > 0 and _role_or_name_word(last[k - 1]) and k > len(last) - 4:
                k -= 1
            # the words are cut off the end of the head without its trailing space ("..., but ")
            stem = head.rstrip() if cfg.SUBJECT_ROLES_CUT_FIX else head
            if k == 0 and len(last) <= 4 and stem[: len(stem) - len(" ".join(last))].rstrip().endswith(
                (",", ";", " but", " and")
            ):
                head = stem[: len(stem) - len(" ".join(last))].rstrip() + " "
                clause_joint = (", but ", ", and ") if cfg.SUBJECT_ROLES_CUT_FIX else (" but ", " and ")
                if head.endswith(clause_joint) and "," in head[-60:] and _verb_after_name(self.text, at):
                    return True  # "The moderators moved on, but Quill wasn't having it."
        if cfg.SUBJECT_AFTER_ADVERBIAL and head.endswith(", ") and _verb_after_name(self.text, at):
            # "Speaking in Kestrel, Quill also accused ...": a name right after an opening
            # adverbial clause and before its verb is the sentence's subject
            opener = head.split(",", 1)[0].split()
            if opener and (
                cfg.SUBJECT_ANY_OPENER or opener[0].lower() in _OPENERS_OF_ADVERBIALS or opener[0].endswith("ing")
            ):
                return True
        if cfg.PRONOUN_CUE_SUBJECT:
            # "After struggling ..., Emanuel said he ...": a name followed by its reporting verb
            m = _NAME_THEN_CUE.match(self.text, at)
            if (
                cfg.CUE_SUBJECT_APPOSITION
                and not (m and _clean_word(m.group(1)) in _CUES)
                and not _AFTER_PREPOSITION.search(self.text[max(0, at - 80) : at])
            ):
                # "Ferry owner Ivo Lund, wearing a campaign shirt, said ...": the apposition between
                # commas sits between the subject and its reporting verb ("the board of Harbor
                # Partners, the port's owner, said" is no subject: a preposition governs it)
                m = _NAME_APPOSITION_CUE.match(self.text, at) or m
            if m and cfg.CUE_SUBJECT_FINITE_ONLY and m.group(1).endswith("ing"):
                return False  # "results in Ivo Lund claiming the seat": a participle, not his sentence
            return bool(m) and _clean_word(m.group(1)) in _CUES
        return False

    def fullest(self, name: str, at: int, gender: str | None = None) -> str:
        """The fullest printing of the person ``name`` stands for at ``at``; ``gender`` ("m"/"f", from
        an honorific printed with it) prefers the full names whose first name agrees."""
        if self._by_surname is None:
            self._by_surname = {}
            for o, n in self.full_names:
                self._by_surname.setdefault(names.surname(n), []).append((o, n))
        first = names.first_name(name)
        cands = self._by_surname.get(names.surname(name), [])
        if first:
            cands = [(o, n) for o, n in cands if names.first_name(n) == first] or cands[:0]
        elif gender:
            # "Mrs. Quill" after "Ivo Quill" and "Ada Quill": Ada; a first name of either gender is kept
            other = "m" if gender == "f" else "f"
            cands = [(o, n) for o, n in cands if given_name_gender(names.first_name(n)) != other] or cands
        if not cands:
            return name
        before = [c for c in cands if c[0] <= at]
        pick_first = (before[-1] if before else cands[0])[1]
        same = [n for _, n in cands if names.first_name(n) == names.first_name(pick_first)]
        best = max(same, key=lambda n: (len(n.split()), len(n)))
        return best if len(best.split()) >= len(name.split()) else name

    def _capitals(self) -> list[tuple[int, str]]:
        """Capitalised words outside quotes as (offset, surname key), for surname-only mentions."""
        if self._caps is None:
            self._caps = [
                (m.start(), names.surname(m.group()))
                for m in re.finditer(r"\b[A-Z][\w\u00c0-\u024f'\u2019\-]+", self.text)
                if not _inside(m.start(), self.quoted)
            ]
        return self._caps

    def _cue_surnames(self) -> list[tuple[int, str]]:
        """A lone capitalised word opening a sentence with a reporting verb ("Darrow said during his
        campaign ..."): a person even when the article never prints the first name."""
        if self._cue_subjects is None:
            self._cue_subjects = []
            for m in _CUE_SURNAME.finditer(self.text):
                word, verb = m.group(1), m.group(2)
                if (
                    _clean_word(verb) in _CUES
                    and word.lower() not in _NOT_SUBJECTS
                    and not names.is_title_word(word)
                    and not names.is_organisation(word)
                    and not (word.endswith("s") and not word.endswith("ss"))  # "Officials said"
                    and word.lower() not in cfg.SOURCE_NOUNS | names.PRONOUNS
                    and not re.search(rf"\b{re.escape(word.lower())}\b", self.text)  # a common noun
                    and not _inside(m.start(1), self.quoted)
                ):
                    self._cue_subjects.append((m.start(1), word))
        return self._cue_subjects

    def _pronoun_candidates(self, at: int) -> list[tuple[int, str, str | None]]:
        """People mentioned before ``at``: full names, their surnames, and the speakers already
        quoted with their later surname-only mentions ("Haines said ... He added" where the
        article never printed Haines's first name)."""
        found = {o: n for o, n in self.mentions() if o < at}
        if cfg.PRONOUN_TITLED_MENTIONS:
            for o, n in self._titled_people():
                if o < at and o not in found:
                    found[o] = self.fullest(n, o)
        if cfg.PRONOUN_RANK_TITLED:
            # "Judge Berrow", "Sheriff Tull": a rank before a lone surname names a person
            for m in _RANK_TITLE.finditer(self.text, 0, at):
                o = m.start(2)
                if o not in found and not _inside(o, self.quoted) and not names.is_organisation(m.group(2)):
                    found[o] = self.fullest(m.group(2), o)
        if cfg.KIN_APPOSITION:
            # "his wife, Ada,", "Quill's husband, Ivo,": a person named by a given name alone
            for n, (o, _g, _subj) in self._kin_people().items():
                if o < at:
                    found.setdefault(o, n)
        if cfg.PRONOUN_CUE_SURNAMES:
            for o, n in self._cue_surnames():
                if o >= at:
                    break
                found.setdefault(o, self.fullest(n, o))
        if cfg.PRONOUN_SPEAKER_MENTIONS:
            by_sur = {names.surname(n): n for o, n, _r in self.named_speakers if o < at}
            for o, n, _r in self.named_speakers:
                if o < at:
                    found.setdefault(o, n)
            if by_sur:
                for o, key in self._capitals():
                    if o >= at:
                        break
                    if key in by_sur and o not in found:
                        found[o] = by_sur[key]
        return [
            (o, found[o], self.roles.get(found[o]))
            for o in sorted(found)
            if not self._modifier_mention(o) and not (cfg.PRONOUN_NOT_NONPERSONS and self._non_person(found[o]))
        ]

    def _non_person(self, name: str) -> bool:
        """A candidate that names a place, an outlet or an organisation, not someone who can be "he"
        or "she" (see PRONOUN_NOT_NONPERSONS): never a name with a common first name, nor one the
        article gives a gender through a kin word or a gendered title ("his son, Ivo", "Mr. Lund")."""
        found = self._nonperson.get(name)
        if found is None:
            self._titled_people()  # fills the surname -> gender table of "Mr. X", "Congresswoman X"
            found = self._nonperson[name] = (
                not (cfg.KIN_APPOSITION and name in self._kin_people())
                and names.surname(name) not in (self._title_gender or {})
                and _names_non_person(self.text, name, self.quoted)
            )
        return found

    def _modifier_mention(self, at: int) -> bool:
        """A name used as a modifier, not a person who can be "he" or "she": a possessive ("Quill's
        appeal") or an attributive noun after a determiner ("the Quill campaign", "a Brandt aide")."""
        if at not in self._modifiers:
            self._modifiers[at] = self._modifier_at(at)
        return self._modifiers[at]

    def _modifier_at(self, at: int) -> bool:
        if cfg.MODIFIER_WHOLE_RUN:
            # a surname mention inside a longer run ("Quill" in "the Ada Quill campaign") is tested
            # from the run's first word
            while (
                (m := re.search(r"[A-Z][\w\u00c0-\u024f\-]*[ \t]+$", self.text[max(0, at - 40) : at]))
                and not names.is_title_word(m.group().strip())
                and m.group().strip().lower() not in _NOT_SUBJECTS
            ):
                at -= len(m.group())
        run = _CAP_RUN.match(self.text, at)
        if run is None:
            return False
        after = self.text[run.end() : run.end() + 3]
        if cfg.PRONOUN_SKIP_POSSESSIVE and re.search(r"['\u2019]s?$", run.group()):
            # "Quill's been saying": a contracted "has" or "is", the name is the subject
            return not (cfg.CONTRACTED_HAS_NOT_POSSESSIVE and _CONTRACTED_VERB.match(self.text, run.end()))
        if cfg.PRONOUN_SKIP_ATTRIBUTIVE:
            before = self.text[max(0, at - 4) : at]
            return bool(re.search(r"(?:^|\s)(?:[Tt]he|an?|An?)\s$", before)) and bool(re.match(r"\s[a-z]", after))
        return False

    def resolve(self, spk: str, at: int) -> tuple[str | None, str | None]:
        """(speaker_name, speaker_role) for the words ``spk`` at offset ``at``."""
        if cfg.CLEAN_SPEAKER_SPANS:
            spk = _speaker_core(spk)
        low = spk.strip().lower()
        if low in names.PERSONAL_PRONOUNS:
            if cfg.PRONOUN_SENTENCE_CHAIN:
                at = self._sentence_pronoun(low, at)
            cands = self._pronoun_candidates(at)
            if not cands:
                return None, None
            want = "m" if low == "he" else "f"
            cands = [c for c in cands if self.gender(c[1]) in (None, want)] or cands
            # the subject of this or a recent sentence first ("Rask said he ..."), else the nearest
            spoke = {o for o, _n, _r in self.named_speakers}
            salient = {c[0] for c in cands if c[0] in spoke or self._is_subject(c[0])}
            if cfg.KIN_APPOSITION:
                kin = self._kin_people()
                salient |= {c[0] for c in cands if c[1] in kin and kin[c[1]][0] == c[0] and kin[c[1]][2]}
            cands = _merge_mentions(cands, salient)
            recent = [c for c in cands[-cfg.PRONOUN_WINDOW :] if c[0] in salient]
            if not recent and cfg.PRONOUN_SPEAKER_REACH:
                # "said Orrin, who backed Lund, Rask and Olsen" ... "he said": the person who
                # spoke or led a sentence shortly before beats names in a relative clause
                reach = at - cfg.PRONOUN_SPEAKER_REACH
                recent = [c for c in cands if c[0] >= reach and c[0] in salient]
            _, n, r = max(recent or cands, key=lambda c: c[0])
            return n, r
        if names.is_pronoun(spk):
            return None, None
        parts = names.split_name(spk)
        if parts.name:
            hint = _honorific_gender(spk, parts.name) if cfg.HONORIFIC_GENDER_FULLEST else None
            full = self.fullest(parts.name, at, hint)
            role = parts.role or self.roles.get(full)
            if parts.role:
                self.roles.setdefault(full, parts.role)
            self.named_speakers.append((at, full, role))
            return full, role
        desc = parts.description
        if cfg.SHORT_ORG_NAMES and (m := re.fullmatch(r"[Tt]he ([A-Z][\w&\-]+)", desc.strip())):
            # "the Post" after "The Harbor Post": the full name of the organisation printed earlier
            # capitalised words of one sentence ("the Pentagon.\n\nThe Kestrel Post" is no name)
            word = r"(?:[A-Z][\w&'\u2019\-]*|[A-Z](?:\.[A-Z])+\.?)[^\S\n]+"
            full = re.findall(r"\b[Tt]he ((?:" + word + r"){1,4}" + re.escape(m.group(1)) + r")\b", self.text[:at])
            if full:
                desc = "the " + full[-1]
        head = names.head_noun(desc)
        # "the spokesman" (a lower-case role noun) points back; "the Kremlin" is an institution
        if names.is_definite(desc) and head and re.search(rf"\b{re.escape(head)}\b", desc):
            found = self._antecedent(head, at)
            if found is not None:
                return found
            if cfg.ROLE_TO_LAST_SPEAKER and (person := self._last_speaker_for_role(desc, head, at)):
                return person
        self.descriptions.append((at, desc))
        return desc, None

    def _sentence_pronoun(self, low: str, at: int) -> int:
        """Where the pronoun's sentence opens with the same pronoun ("He declared that Lund would
        ..., which he called "..."), the offset of that opening pronoun: the later one is bound to
        it, and the people named in between sit in its clauses."""
        lo = max(self.text.rfind("\n", 0, at), 0)
        start = _sentence_start(self.text, lo, at)
        m = re.match(r"[\s\"\u201c]*([A-Za-z]+)\b", self.text[start:at])
        if m and m.group(1).lower() == low and start + m.start(1) < at:
            return start + m.start(1)
        return at

    def _last_speaker_for_role(self, desc: str, head: str, at: int) -> tuple[str, str | None] | None:
        """ "the Republican presidential candidate said" with no one given that role: the person
        quoted last before it, when the role is one the article's main figures share (a candidate, a
        nominee; "the judge" or "the pope" is someone else); that person is then a quoted speaker at
        ``at`` for the pronouns that follow."""
        if head not in cfg.RUNNING_ROLE_HEADS or names.split_name(desc).org:
            return None
        before = [(o, n, r) for o, n, r in self.named_speakers if o < at]
        if not before:
            return None
        _o, n, r = before[-1]
        self.named_speakers.append((at, n, r))
        return n, r

    def _antecedent(self, head: str, at: int) -> tuple[str, str | None] | None:
        """Who "the <head>" ("the spokesman", "the official") points back to: a person the
        article gave this role ("Kremlin spokesman Dmitry Peskov"), an unnamed source already quoted,
        or one the article introduced ("A Veltan official said President X is ..."). The nearest
        before ``at`` wins: an unnamed source is never traded for a person named in its clause."""
        cands: list[tuple[int, int, str, str | None]] = []  # (offset, priority, name, role)
        for o, n, r in self.named_speakers:
            if r and _role_has(r, head):
                cands.append((o if o <= at else -1, 2, n, r))
        for n, r in self.roles.items():
            if _role_has(r, head):
                offs = [o for o, m in self.full_names if m == n and o <= at]
                cands.append((offs[-1] if offs else -1, 1, n, r))
        for o, d in self.descriptions:
            if names.head_noun(d) == head:
                cands.append((o if o <= at else -1, 2, d, None))
        if cfg.INDEFINITE_ANTECEDENTS and (head in cfg.SOURCE_NOUNS or names.is_title_word(head)):
            # only people ("a senior Veltan official"), and no preposition inside the phrase
            pat = re.compile(
                r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)[^\S\n]+"
                r"(?:(?!(?:the|of|for|to|in|on|at|with|and|or|by|from|as|that)\b)"
                r"(?:[\w\-\u2019']+|\w(?:\.\w)+\.?)[^\S\n]+){0,3}?"  # one sentence: "U.S." but no "excuse."
                + re.escape(head)
                + r"\b"
            )
            for m in pat.finditer(self.text, 0, at):
                if not _inside(m.start(), self.quoted):
                    d = m.group()
                    cands.append((m.start(), 0, d[0].lower() + d[1:], None))
        if not cands:
            return None
        _o, _p, n, r = max(cands, key=lambda c: (c[0], c[1]))
        return n, r


def _role_has(role: str, head: str) -> bool:
    """The role has the word ``head`` ("spokesman" in "Kremlin spokesman"), not merely its letters."""
    return bool(re.search(rf"(?<![a-z]){re.escape(head)}(?![a-z])", role.lower()))


def _title_gender(word: str) -> str | None:
    """ "m" or "f" for a gendered title or honorific ("Mr.", "Congresswoman"), else None."""
    w = fold_punctuation(word).lower()
    if w in cfg.MALE_TITLES or w + "." in cfg.MALE_TITLES:
        return "m"
    if w in cfg.FEMALE_TITLES or w + "." in cfg.FEMALE_TITLES:
        return "f"
    return None


def _honorific_gender(span: str, name: str) -> str | None:
    """ "m" or "f" from a gendered honorific right before the name in the span ("Mrs. Quill")."""
    at = span.rfind(name)
    words = span[:at].split() if at > 0 else []
    return _title_gender(words[-1]) if words else None


def _merge_mentions(
    cands: list[tuple[int, str, str | None]], salient: set[int]
) -> list[tuple[int, str, str | None]]:
    """One candidate per mention: "Mr. Quill" is found as a titled name and again as a surname a few
    characters later, which used to fill the pronoun window with one person twice. The merged
    mention keeps its first offset and is salient when any of its parts is."""
    if not cfg.PRONOUN_MERGE_CHARS:
        return cands
    out: list[tuple[int, str, str | None]] = []
    for c in cands:
        if out and out[-1][1] == c[1] and c[0] - out[-1][0] <= cfg.PRONOUN_MERGE_CHARS:
            if c[0] in salient:
                salient.add(out[-1][0])
            continue
        out.append(c)
    return out


_VERB_AFTER_NAME = re.compile(
    r"(?:[A-Z][\w\u00c0-\u024f'\u2019\-.]*\s+){0,3}?[A-Z][\w\u00c0-\u024f'\u2019\-]*"
    r"(?:,\s+[^,]{1,40},)?\s+(?:[a-z]+ly\s+)?(?!(?:and|or|who|whose|which|of|in|on|at|for|to|with|by|from|as|"
    r"that|the|a|an|and|nor|but)\b)[a-z]{2,}\b"
)
# The same within one sentence: the apposition between commas holds no sentence end or line break
# ("Rubio, and Senator Cruz.\n\n"We're" is not "Rubio ... We're").
_VERB_AFTER_NAME_IN_SENTENCE = re.compile(
    _VERB_AFTER_NAME.pattern.replace("[^,]{1,40}", "[^,;:!?\\n\"\u201c\u201d]{1,40}")
)


def _verb_after_name(text: str, at: int) -> re.Match[str] | None:
    pattern = _VERB_AFTER_NAME_IN_SENTENCE if cfg.SUBJECT_ROLES_CUT_FIX else _VERB_AFTER_NAME
    return pattern.match(text, at)


_INVERTED_CUE_BEFORE = re.compile(
    r"(?:^|[,\u2014\u2013]\s*)(?:" + "|".join(sorted(w for w in _CUES if " " not in w)) + r")\s+$"
)


def _role_or_name_word(w: str) -> bool:
    """A word that may stand before a name in its subject: a capitalised word, a role ("campaign
    manager"), "the", or a discourse word ("and even Quill tried")."""
    return (
        w[:1].isupper()
        or names.is_title_word(w)
        or (cfg.RUNNING_ROLES_BEFORE_SUBJECT and w.lower() in cfg.RUNNING_ROLE_HEADS)
        or w.lower() in ("the", "of", "'s")
        or (cfg.SUBJECT_DISCOURSE_WORDS and w.lower() in _DISCOURSE_WORDS)
    )


_DISCOURSE_WORDS = frozenset(word_list("and but so yet even also still then now later meanwhile instead only"))


_OPENERS_OF_ADVERBIALS = frozenset(
    word_list(
        """
        in on at after before during since while when as with without despite following though
        although until unlike like for by from earlier later last this asked speaking over amid
        """
    )
)


_COMMON_FIRST_NAMES = cfg.MALE_FIRST_NAMES | cfg.FEMALE_FIRST_NAMES
_FEMALE_KIN = frozenset(
    word_list("wife mother daughter sister widow girlfriend fiancee fiancée grandmother aunt niece stepmother")
)
_MALE_KIN = frozenset(
    word_list("husband father son brother widower boyfriend fiance fiancé grandfather uncle nephew stepfather")
)
_KIN_APPOSITION = re.compile(
    r"(?:\b(?:[Hh]is|[Hh]er|[Tt]heir)|\b(?P<owner>[A-Z][\w\u00c0-\u024f\-]+)['\u2019]s?)\s+"
    r"(?:(?:late|former|eldest|oldest|youngest|younger|older|elder|adult|teenage|new)\s+)?"
    r"(?P<kin>(?i:" + "|".join(sorted(_FEMALE_KIN | _MALE_KIN)) + r")),\s+"
    r"(?P<given>[A-Z][a-z\u00c0-\u024f]+)(?=\s*,)"
)
# what may stand before a kin phrase that opens its sentence: a sentence end or a conjunction
_KIN_OPENS = re.compile(r"(?:[.!?][\"\u201d\u2019]?|^\s*(?:But|And|So|Then))\s*$")
# what follows a contracted "has" or "is" after a name ("Quill's been", "Lund's not"), not a possessed noun
_CONTRACTED_VERB = re.compile(
    r"\s+(?:been|got|gotten|going|not|never|already|still|done|said|made|become|had|always|now|just|trying)\b"
)
_CAP_RUN = re.compile(r"(?:[A-Z][\w\u00c0-\u024f'\u2019\-.]*\s+){0,3}[A-Z][\w\u00c0-\u024f'\u2019\-]*")
_GENDERED_PRONOUN = re.compile(r"\b(?:[Hh]e|[Hh]im|[Hh]is|[Hh]imself|[Ss]he|[Hh]er|[Hh]erself)\b")


_CUE_SURNAME = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))([A-Z][\w\u00c0-\u024f'\u2019\-]+)\s+(?:also\s+|has\s+|had\s+|then\s+|[a-z]+ly\s+)?([a-z]+)",
    re.MULTILINE,
)
_NAME_THEN_CUE = re.compile(
    r"(?:(?:[A-Z]\.|[A-Z][\w\u00c0-\u024f'\u2019\-]*|Jr\.|Sr\.)\s+){0,3}?(?!(?:He|She|They|We|It|I)\b)[A-Z][\w\u00c0-\u024f'\u2019\-]*"
    r"\s+(?:also\s+)?([a-z]+)"
)
# A name, an apposition between commas that is not itself a name ("Ada Quill, the mayor," is the
# apposition's subject, not "the mayor"), then the verb: group 1 as in _NAME_THEN_CUE.
_NAME_APPOSITION_CUE = re.compile(
    _NAME_THEN_CUE.pattern.replace(
        r"\s+(?:also\s+)?([a-z]+)",
        r",\s+(?!(?:[A-Z][\w.'\u2019\-]*\s+){0,3}[A-Z][\w'\u2019\-]*,)"
        r"[^,.;:!?\n\"\u201c\u201d]{3,80},\s+(?:[a-z]+ly\s+)?([a-z]+)",
    )
)
# a preposition, article or "and" before the name's capitalised run: the name is no subject
_AFTER_PREPOSITION = re.compile(r"\b(?:of|for|at|with|from|to|by|in|on|the|and)\s+(?:[A-Z][\w.'\u2019\-]*\s+){0,3}$")
_PARTY = r"[DRI]-[A-Z][A-Za-z.\-]*"  # "R-Wis.", "D-N.Y."
_TRAILING_PARTY = re.compile(rf",\s*{_PARTY},?$")
_PARTY_ONLY = re.compile(_PARTY)
_PARTY_TAG = re.compile(rf",?\s*\(?\b{_PARTY}\)?|\s*\([^()]{{0,40}}\)")
_SPAN_FUNCTION_WORDS = frozenset(
    word_list(
        """
        of for at with from to and the a an in on by de del der di da du van von bin al el la le who
        whose which that s 's
        """
    )
)


def _speaker_core(spk: str) -> str:
    """The words of a speaker span that name the speaker.

    The span finders sometimes return a clause ("Varga toured the harbour with dock workers",
    "He brushed aside doubts about the plan") or a name with a party tag ("Sen. Ivo Lund
    (D-Conn.)"); resolving the whole span would make a person of "harbour" or of the clause. A
    span with a lower-case word that is neither a title nor a function word is cut to the subject
    it opens with; party tags and short parentheticals are dropped.
    """
    core = _PARTY_TAG.sub("", spk).strip()
    if not core:
        return spk
    if cfg.SPEAKER_NAME_AND_ROLE_KEPT and _name_with_role(core):
        return core  # "Ivo Lund, a spokesman for the port", "Kestrel ally Ivo Lund": split_name reads them
    # "Hitting back, Varga", "Perhaps, he": the words after the last comma carry the speaker
    tail = core.rsplit(",", 1)[1].strip() if "," in core else core
    if m := re.match(r"(?:he|she|they|He|She|They)\b", tail):
        return m.group()
    toks = tail.split()
    if len(toks) <= 3 and toks[-1] in ("he", "she") and all(w[:1].isupper() or w.endswith("ly") for w in toks[:-1]):
        return toks[-1]  # "Recently she", "Later he": an adverb and the pronoun
    verbish = [
        w
        for w in toks
        if w[:1].islower()
        and _clean_word(w) not in _SPAN_FUNCTION_WORDS
        and not names.is_title_word(w)
        and _clean_word(w) not in cfg.SOURCE_NOUNS
    ]
    if not verbish:
        return core  # a name, a role or an apposition: split_name reads those
    subject = _sentence_subject(tail)
    if (
        subject
        and subject in tail
        and subject.split()[0].lower() not in _NOT_SUBJECTS
        and (names.proper_name(subject) or names.is_unnamed_description(subject))
    ):
        return subject
    # "Harbour Gov. Ilse Varga has also quietly", "Rask is": the name before the first verb-like word
    prefix = " ".join(toks[: toks.index(verbish[0])])
    parts = names.split_name(prefix) if prefix else None
    if parts and parts.name and names.tidy(prefix).endswith(parts.name):
        return names.tidy(prefix)
    if m := re.search(r"\b(?:he|she)$", tail):
        return m.group()  # "Perhaps the clearest sign of it is what he"
    return core


_FINITE_VERBS = frozenset(word_list("is was are were has had have will would can could may might must does did do"))


def _name_with_role(span: str) -> bool:
    """A full name with a role before it and no verb ("Kestrel ally Ivo Lund", "County freeholder Ada
    Quill"), or a full name followed by an apposition ("Ivo Lund, a spokesman for the port")."""
    head, _, after = span.partition(",")
    head = head.strip()
    parts = names.split_name(head)
    if not parts.name or not head.endswith(parts.name):
        return False
    if after.strip():
        # the apposition after the name: a description, not a clause with its own subject ("Xinhua, the
        # official news agency": a one-word name too)
        return head == parts.name and after.split()[0].lower() in ("a", "an", "the", "who", "one")
    if len(parts.name.split()) < 2:
        return False
    before = head[: len(head) - len(parts.name)].split()
    if before and _clean_word(before[0]) in _DET_START:
        before = before[1:]  # "The Kestrel Post columnist Ada Quill"
    return not any(
        _clean_word(w) in _CUES
        or _clean_word(w) in _FINITE_VERBS
        or (_clean_word(w) in _FUNCTION_WORDS and not _inside_capitalised_name(before, k))
        or names.is_pronoun(w)
        or (w.islower() and w.endswith("ed"))
        for k, w in enumerate(before)
    )


def _inside_capitalised_name(words: list[str], k: int) -> bool:
    """Word k sits between capitalised words (or before a number) of a name ("Secretary of State",
    "Wages for $20 organizing director"): a function word of the name, not of a clause."""
    return (
        cfg.FUNCTION_WORD_INSIDE_ROLE_NAME
        and 0 < k < len(words) - 1
        and words[k - 1][:1].isupper()
        and (words[k + 1][:1].isupper() or words[k + 1][:1] in "$0123456789")
    )


_RANK_TITLE = re.compile(
    r"\b(" + "|".join(sorted(cfg.RANK_TITLES, key=len, reverse=True)) + r")\.?\s+"
    r"([A-Z][\w\u00c0-\u024f'\u2019\-]+)\b(?!\.?\s+[A-Z])(?![\w.'\u2019\-])"
)
# Last words (or last parts of a hyphenated word: "Sun-Times", "Veltan-Presse") of an outlet's or
# organisation's name, beyond the speaker stage's ORGANISATION_HEADS.
_OUTLET_WORDS = cfg.ORGANISATION_HEADS | frozenset(
    word_list("press presse wire watch studies scouts")
)
# Capitalised words that, printed right after a name, make it a place's or an institution's
# ("Kestrel Harbor Elementary School", "Lund County", "Quill Street").
_PLACE_FOLLOWERS = frozenset(
    word_list(
        """
        elementary school high middle academy university college county city town village street
        avenue road boulevard square park airport hospital station harbor harbour bay beach island
        valley river lake mountain mountains hills heights falls springs township district parish
        center centre institute foundation church cathedral mosque synagogue stadium arena hall
        """
    )
)


def _names_non_person(text: str, name: str, quoted: list[tuple[int, int]]) -> bool:
    """``name`` names a place, an outlet or an organisation: it has no common first name and is
    outlet-shaped ("Harbor Daily News", "Kestrel Sun-Times", "Agence Veltan-Presse", "Die Welle"),
    or a lone plural of a nationality word the article prints as an adjective ("Veltans" beside "Veltan
    refugees"), or printed before a place or institution word ("Kestrel Hook Elementary School")."""
    core = names.split_name(name).name or name
    toks = [fold_punctuation(t).strip(".,").lower() for t in core.split()]
    if not toks or toks[0] in _COMMON_FIRST_NAMES or toks[0] in _NOT_SUBJECTS:
        return False
    last = toks[-1].rsplit("-", 1)[-1]
    if cfg.NONPERSON_OUTLET_SHAPE and (
        names.is_organisation(core)
        or (last in _OUTLET_WORDS and not (len(toks) == 1 and "-" not in toks[-1]))
        or (len(name.split()) == 2 and name.split()[0] in ("Der", "Die", "Das"))
    ):
        return True
    if (
        cfg.NONPERSON_DEMONYMS
        and len(toks) == 1
        and re.fullmatch(r"[a-z]+(?:ans|is)", toks[0])
        and re.search(rf"\b{re.escape(core[:-1])}\s+[a-z]", text)
        and not re.search(rf"\b[A-Z][\w'\u2019\-]+\s+{re.escape(core)}\b", text)
    ):
        return True  # "Veltans" where the article prints "Veltan refugees" and no "Ada Veltans"
    if cfg.NONPERSON_PLACE_CONTEXT:
        for m in re.finditer(rf"\b{re.escape(core)}\b", text):
            if _inside(m.start(), quoted):
                continue
            nxt = re.match(r"\s+([A-Z][a-z]+)\b", text[m.end() : m.end() + 30])
            if nxt and nxt.group(1).lower() in _PLACE_FOLLOWERS:
                return True
    return False


_GENDER_TITLE = re.compile(
    r"\b((?i:" + "|".join(sorted({re.escape(t.rstrip(".")) for t in cfg.MALE_TITLES | cfg.FEMALE_TITLES}, key=len,
    reverse=True)) + r"))\.?\s+((?:[A-Z][\w\u00c0-\u024f'\u2019\-]+\s+){0,2}[A-Z][\w\u00c0-\u024f\-]+)"
)


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(spans, (pos, 1 << 60)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _article_roles(text: str, full_names: list[tuple[int, str]]) -> dict[str, str]:
    """Roles given to people in the article by a title before their name ("Kremlin spokesman X")."""
    out: dict[str, str] = {}
    for at, name in full_names:
        if name in out:
            continue
        window = text[max(0, at - 60) : at]
        window = re.split(r"[.;:!?\n\"\u201c\u201d\u2014\u2013(]|,\s|\s-+\s", window)[-1]
        words = window.split()[-8:]
        if not words:
            continue
        parts = names.split_name(" ".join(words) + " " + name)
        if parts.name == name and parts.role:
            out[name] = parts.role
    return out


def _cue_class(cue: str | None) -> str | None:
    if not cue:
        return None
    first = _clean_word(cue.split()[0])
    return "loaded" if first in cfg.LOADED_CUES else "neutral"


def _article_spans(article: Article) -> tuple[list[tuple[int, int]], list[_Span]]:
    text = article.text
    if not text or not _MARK.search(text):
        return [], []
    paras = _paragraphs(text)
    spans = _pair_marks(text, paras)
    _attribute(text, paras, spans)
    return paras, spans


# A dateline opening a paragraph: "KESTREL, Bor. - ", "Kestrel (AFP) - ", "KESTREL (Harbor Wire) -- ".
_DATELINE = re.compile(
    r"(?:[A-Z]{2,}[A-Z.' \-]*(?:,\s*[A-Z][\w.' ]{0,20})?\s*(?:\([A-Z][\w. \-]{1,30}\))?"
    r"|[A-Z][\w.' \-]{1,30}(?:,\s*[A-Z][\w.' ]{0,20})?\s*\([A-Z][\w. \-]{1,30}\))"
    r"\s*(?:--?|\u2013|\u2014)\s+"
)


def _sentence_of(text: str, paras: list[tuple[int, int]], sp: _Span, own_period: bool = False) -> tuple[int, int]:
    ps, pe = paras[sp.para]
    lo = _sentence_start(text, ps, sp.open_at)
    if cfg.SKIP_DATELINE and lo == ps and (m := _DATELINE.match(text, lo, sp.open_at)):
        lo = m.end()  # the sentence starts after "Kestrel (AFP) -", which no parse should read as its subject
    hi = pe
    tail = text[sp.end : pe]
    if (
        own_period
        and cfg.PARTIAL_FINAL_NEW_SENTENCE
        and re.search(r"[.!?]\s*$", text[sp.start : sp.end])
        and re.match(r".\s+[A-Z]", tail)
    ):
        # `condemning "the attack." He said ...`: the quote's own period ends the sentence, so the
        # next sentence's cue is not parsed as this quote's
        return lo, sp.end + 1
    cut = _first_boundary(tail[1:] if tail else tail)
    if cut < len(tail) - 1:
        hi = sp.end + 1 + cut + 1
    return lo, hi


def extract_quotes(articles: list[Article]) -> dict[str, list[Quote]]:
    """Quotes of each article by article id; non-English articles get [] (skipped, see module doc)."""
    prepared: list[tuple[Article, list[tuple[int, int]], list[_Span]]] = []
    jobs: list[tuple[_Span, str, int, int, int]] = []
    printed: dict[str, str] = {}  # article id -> its text, where the stage reads a rewritten copy
    for art in articles:
        if (art.language or "en") != "en" or art.confidence < cfg.QUOTE_MIN_CONFIDENCE:
            prepared.append((art, [], []))
            continue
        if cfg.DOUBLE_APOSTROPHE_MARKS and (marked := double_apostrophe_marks(art.text)) != art.text:
            printed[art.id] = art.text
            art = replace(art, text=marked)  # ''We won,'' she said -> "We won,"  she said (same offsets)
        paras, spans = _article_spans(art)
        prepared.append((art, paras, spans))
        for sp in spans:
            if sp.parse and not sp.drop and (sp.extra.get("colon") or _cue_near(art.text, paras, sp, True)):
                lo, hi = _sentence_of(art.text, paras, sp, own_period=True)
                jobs.append((sp, art.text[lo:hi], lo, sp.start - lo, sp.end - lo))
    if jobs:
        nlp = load_nlp()
        if nlp is not None:
            _parse_attribute(nlp, jobs)
    found = {art.id: _finish(art, paras, spans) for art, paras, spans in prepared}
    for art_id, text in printed.items():
        found[art_id] = [replace(q, text=text[q.start : q.end]) for q in found[art_id]]
    return found


def _speaker_offset(text: str, paras: list[tuple[int, int]], sp: _Span) -> int:
    """Where the speaker words stand: the occurrence nearest the quote, outside it."""
    ps, pe = paras[sp.para]
    pat = re.compile(r"(?<!\w)" + re.escape(sp.speaker_text or "") + r"(?!\w)")
    found_before = [m.start() for m in pat.finditer(text, ps, sp.open_at)]
    before = found_before[-1] if found_before else -1
    m_after = pat.search(text, sp.close_at, pe) if sp.close_at is not None else None
    after = m_after.start() if m_after else -1
    if after >= 0 and (before < 0 or after - sp.end < sp.open_at - before):
        return after
    return before if before >= 0 else sp.open_at


def _cue_near(text: str, paras: list[tuple[int, int]], sp: _Span, with_according: bool = False) -> bool:
    """Whether the sentence around a span (outside the span) has a reporting verb.

    Spans whose sentence has none are never parsed: the parser path needs a cue word too.
    """
    lo, hi = _sentence_of(text, paras, sp)
    outside = text[lo : sp.open_at] + " " + text[min(hi, sp.end + 1) : hi]
    cues = _CUES | _PARTIAL_CUES if with_according else _CUES
    return any(
        _clean_word(w) in cues or (with_according and _clean_word(w) == "according")
        for w in _WORD.findall(outside)
    )


def _own_subject(text: str, paras: list[tuple[int, int]], sp: _Span, surnames: set[str]) -> str | None:
    """The person the quote's own sentence opens with when no cue was found for it ("Kestrel Mayor
    Ada Quill thanked the crew "for everything"", "After the vote, Quill, who ..., called it
    "a start""): a capitalised run whose last word is the surname of someone the article names,
    followed by a verb or an apposition. An opening adverbial or subordinate clause before a comma
    is skipped."""
    lo, _hi = _sentence_of(text, paras, sp)
    clause = text[lo : sp.open_at].strip().lstrip("\"\u201c(")
    if len(clause.split()) < 2:
        return None
    for _ in range(3):
        if m := _PRONOUN_SUBJECT.match(clause):
            return m.group(1)
        if m := _OWN_SUBJECT.match(clause):
            run = m.group(1)
            first = _clean_word(run.split()[0])
            if first not in _NOT_SUBJECTS and names.surname(run) in surnames and not names.is_organisation(run):
                return names.tidy(run)
        if (m := _LEAD_ADVERBIAL.match(clause)) or (m := re.match(r"[^,]{1,80},\s+", clause)):
            clause = clause[m.end() :]
        else:
            return None
    return None


_OWN_SUBJECT = re.compile(
    r"((?:[A-Z][\w.'\u2019\-]*\s+){0,5}?[A-Z][\w'\u2019\-]+)(?:\s+\([^()]{1,30}\))?(?:,|\s+[a-z])"
)


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """Headline-style lines ("Harbor Host Slams Rival Over ..."): their capitalised pairs are not
    names (the name finder would make a person of "Beck Blasts Drudge")."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        a, b = m.span()
        long_words = [w for w in _WORD.findall(text, a, min(b, a + 300)) if len(w) >= 4]
        if len(long_words) >= 3 and sum(w[0].isupper() for w in long_words) >= cfg.TITLE_CAPS_SHARE * len(
            long_words
        ):
            out.append((a, b))
    return out


def _finish(art: Article, paras: list[tuple[int, int]], spans: list[_Span]) -> list[Quote]:
    text = art.text
    if cfg.PARTIAL_SENTENCE_SUBJECT:
        # a partial quote whose sentence has a cue the parser could not tie to a subject: the
        # person the sentence opens with ("The Florida senator ..., saying ... "not get beat up"")
        for sp in spans:
            if sp.kind == "partial" and sp.speaker_text is None and not sp.drop:
                lo, _hi = _sentence_of(text, paras, sp)
                subject = _sentence_subject(text[lo : sp.open_at])
                if (
                    subject
                    and " " not in subject
                    and subject not in ("He", "She", "They")
                    and not re.search(rf"[\w,;]\s+{re.escape(subject)}\b", text)
                ):
                    # "Territory remains ...": a lone capitalised word at a sentence start is a name
                    # only if the article also capitalises it mid-sentence
                    subject = None
                if subject and _cue_near(text, paras, sp, True):
                    sp.speaker_text = subject
    for sp in spans:
        # what the parse stage left for a quote nobody else attributed: the regex subject of a colon
        # clause the parser found no subject in (COLON_PARSED_SUBJECT), else the main verb's subject
        # of a partial quote's sentence (PARTIAL_ROOT_SUBJECT)
        fallback = sp.extra.get("colon_regex") or sp.extra.get("root_subject")
        if sp.speaker_text is None and not sp.drop and fallback:
            sp.speaker_text = str(fallback)
    # bare quote paragraphs inherit from the paragraph before; runs share their first cue
    by_run: dict[int, list[_Span]] = {}
    for sp in spans:
        by_run.setdefault(sp.run, []).append(sp)
    for group in by_run.values():
        src = next((s for s in group if s.speaker_text), None)
        if src:
            for s in group:
                if s.speaker_text is None:
                    s.speaker_text, s.cue, s.inherited = src.speaker_text, src.cue, True
                    s.source = src.source or src
    quoted = [(sp.start, sp.end) for sp in spans]
    headlines = _title_case_lines(text) if cfg.SKIP_HEADLINE_NAMES else []
    printed_names = names.person_names(text)
    full_names = [(o, n) for o, n in printed_names if not _inside(o, quoted) and not _inside(o, headlines)]
    surnames = {names.surname(n) for _o, n in full_names}
    last: _Span | None = None
    for sp in spans:
        if sp.drop:
            continue
        near = last is not None and 0 <= sp.para - last.para <= cfg.INHERIT_PARAGRAPHS
        if sp.speaker_text is None and last is not None and near and not sp.continued:  # noqa: SIM102
            if sp.kind == "direct" or _cue_near(text, paras, sp):
                if cfg.OWN_SENTENCE_SUBJECT and (subject := _own_subject(text, paras, sp, surnames)):
                    sp.speaker_text = subject  # the quote's own sentence is about someone: not inherited
                else:
                    sp.speaker_text, sp.cue, sp.inherited = last.speaker_text, last.cue, True
                    sp.source = last.source or last
        if sp.speaker_text:
            last = sp
    resolver = _Resolver(text, full_names, roles=_article_roles(text, full_names), quoted=quoted)
    if cfg.HEADLINE_NAMES_KNOWN:
        # "Count former President Ivo Lund among Ada Quill's critics." read as a headline-style line:
        # its names are not antecedents there, but a later "Quill has ..." is still Ada Quill
        resolver.known_names = [
            n
            for o, n in printed_names
            if _inside(o, headlines)
            and not _inside(o, quoted)
            and (names.first_name(n) or "") in _COMMON_FIRST_NAMES
            and len([w for w in n.split() if not re.fullmatch(r"[A-Z]\.", w)]) == 2  # not "Ada Quill Slams Lund"
        ]
    for sp in spans:
        if not sp.drop and sp.speaker_text and not sp.inherited:
            sp.extra["resolved"] = resolver.resolve(sp.speaker_text, _speaker_offset(text, paras, sp))
    out: list[Quote] = []
    for sp in spans:
        if sp.drop:
            continue
        n_words = len(_WORD.findall(text[sp.start : sp.end]))
        unattributed = sp.speaker_text is None and (sp.kind == "partial" or n_words <= cfg.SCARE_MAX_WORDS)
        if unattributed and (n_words < cfg.PARTIAL_MIN_WORDS or not _cue_near(text, paras, sp, True)):
            continue  # scare quote, slogan or unattributed fragment: not reported speech
        name, role = (None, None)
        if sp.inherited and sp.source is not None and "resolved" in sp.source.extra:
            name, role = sp.source.extra["resolved"]  # type: ignore[misc]
        elif "resolved" in sp.extra:
            name, role = sp.extra["resolved"]  # type: ignore[misc]
        elif sp.speaker_text:
            name, role = resolver.resolve(sp.speaker_text, sp.open_at)
        out.append(
            Quote(
                id=stable_id("q", art.id, sp.start),
                article=art.id,
                text=text[sp.start : sp.end],
                start=sp.start,
                end=sp.end,
                kind="direct" if sp.kind == "direct" else "partial",
                # a cue in the same paragraph governs the quote too ("A," he said. "B."): keep its words;
                # a speaker carried over from an earlier paragraph has no words at this place
                speaker_text=sp.speaker_text
                if not sp.inherited or (sp.source and sp.source.para == sp.para)
                else None,
                speaker_name=name,
                speaker_role=role,
                cue=sp.cue,
                cue_class=_cue_class(sp.cue),  # type: ignore[arg-type]
            )
        )
    return out
