"""Framing: how far an article is commentary rather than straight report, with the evidence.

Everything is read in the author's own voice: quoted passages are blanked first, so a minister saying
"we will not back down" does not make the report that quotes her an opinion piece. The cues, each a rate
per sentence (capped at 1):

- first-person authorial voice (I, my, we, our);
- evaluative and loaded adjectives and adverbs (surely, reckless, sabotaging, shameful);
- rhetorical questions (a question mark outside quotes);
- speculation about motives ("is trying to", "the real reason", "designed to");
- prescription (should, must, ought to, it is time);
- the share of sentences that attribute nothing to anyone (reports attribute; columns assert).

A logistic model turns the rates into a 0–1 score; its weights are fitted on a labelled sample
(``storyline/analyze/data/framing_sample.jsonl``, see ``storyline.analyze.calibrate``).
"""

from __future__ import annotations

import math
import re

from storyline.analyze.sentences import split_sentences, strip_quotes
from storyline.model import Article
from storyline.settings import analyze as settings
from storyline.text.normalize import fold_punctuation

LOADED = frozenset(
    [
        "surely",
        "clearly",
        "obviously",
        "undoubtedly",
        "certainly",
        "frankly",
        "simply",
        "plainly",
        "sadly",
        "shamefully",
        "shameful",
        "disgraceful",
        "disgrace",
        "reckless",
        "recklessly",
        "sabotaging",
        "sabotage",
        "absurd",
        "absurdly",
        "outrageous",
        "outrageously",
        "ridiculous",
        "ludicrous",
        "scandalous",
        "scandal",
        "appalling",
        "appallingly",
        "disastrous",
        "disaster",
        "catastrophic",
        "farce",
        "pathetic",
        "cynical",
        "cynically",
        "cowardly",
        "cowardice",
        "spineless",
        "brazen",
        "brazenly",
        "shocking",
        "shockingly",
        "incompetent",
        "incompetence",
        "hypocritical",
        "hypocrisy",
        "arrogant",
        "arrogance",
        "foolish",
        "foolishly",
        "naive",
        "stupid",
        "dangerous",
        "dangerously",
        "irresponsible",
        "irresponsibly",
        "laughable",
        "baffling",
        "bafflingly",
        "deplorable",
        "woeful",
        "woefully",
        "dismal",
        "feeble",
        "betrayal",
        "betray",
        "betrayed",
        "shameless",
        "shamelessly",
        "grotesque",
        "bizarre",
        "breathtaking",
        "astonishing",
        "astonishingly",
        "remarkable",
        "brilliant",
        "brilliantly",
        "wonderful",
        "terrible",
        "terribly",
        "awful",
        "dreadful",
        "mess",
        "fiasco",
        "folly",
        "sorry",
        "sham",
        "stunt",
        "charade",
        "blunder",
        "blundering",
        "bungled",
        "bungling",
        "inept",
        "courageous",
        "heroic",
        "visionary",
        "admirable",
        "admirably",
        "welcome",
        "overdue",
        "long-overdue",
        "alarming",
        "worrying",
        "troubling",
        "deeply",
        "utterly",
        "wholly",
        "blatant",
        "blatantly",
        "callous",
        "contemptible",
        "despicable",
        "vile",
        "nonsense",
        "pointless",
        "senseless",
        "misguided",
        "wrongheaded",
        "dishonest",
        "lies",
        "lying",
        "smear",
        "propaganda",
        "tragic",
        "tragically",
        "unforgivable",
        "inexcusable",
        "indefensible",
        "unacceptable",
        "bold",
        "boldly",
        "timid",
        "meek",
        "craven",
    ]
)
_FIRST_PERSON = re.compile(
    r"\b(?:I|I'm|I've|I'd|I'll|(?i:me|my|mine|myself|we|we're|we've|our|ours|ourselves))\b"
)
_FIRST_PERSON_LOWER_OK = {"me", "my", "mine", "myself", "we", "we're", "we've", "our", "ours", "ourselves"}
_MOTIVE = re.compile(
    r"\b(?:(?:is|are|was|were) (?:\w+ly |just )?(?:trying|hoping|seeking|desperate) to"
    r"|the real (?:reason|motive|aim|goal|purpose)|(?:is|are|was|were|seems?|looks?) (?:designed|calculated|"
    r"intended|meant) to|in order to (?:appear|look|seem|distract|deflect|curry|win over)"
    r"|wants? (?:us|voters|people|everyone) to (?:believe|think|forget)|(?:one|you) (?:suspects?|wonders?)"
    r"|no doubt|for (?:political|electoral|partisan) (?:gain|reasons|points)|to save (?:face|his|her|their)"
    r"|(?:an? )?(?:attempt|ploy|bid) to (?:distract|deflect|appease|placate|curry|maintain|sabotage)|ulterior"
    r"|by design|(?:designed|aimed) at|might (?:also |well )?be"
    r"|could (?:also |well )?be (?:him|her|them|an?|a)"
    r"|perhaps|presumably|no wonder)\b",
    re.I,
)
_PRESCRIPTIVE = re.compile(
    r"\b(?:should|shouldn't|must|mustn't|ought to|needs? to|it is time|it's time|let us|let's|cannot afford"
    r"|has to stop|have to stop)\b",
    re.I,
)
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|say|told|tells|according to|announced|reported|reports|stated|states|confirmed|"
    r"added|insisted|claimed|claims|warned|explained|noted|wrote|argued|asked|denied|declined|"
    r"statement|spokes(?:man|woman|person)|officials?|police|data|figures|records|filing|ruling)\b",
    re.I,
)
FEATURES = ("first_person", "loaded", "question", "motive", "prescriptive", "unattributed", "lead")
LEAD_SENTENCES = settings.FRAMING_LEAD_SENTENCES


def opinion_features(text: str) -> tuple[dict[str, float], list[str]]:
    """Per-sentence rates of each cue in the author's voice, and the phrases that triggered them."""
    own = strip_quotes(fold_punctuation(text))
    sentences = [s.text for s in split_sentences(own)] or [own]
    n = max(1, len(sentences))
    evidence: list[str] = []
    counts = dict.fromkeys(FEATURES, 0.0)
    attributed = 0
    lead_cues = 0.0
    for pos, sent in enumerate(sentences):
        before = sum(counts[k] for k in ("first_person", "loaded", "question", "motive", "prescriptive"))
        for m in _FIRST_PERSON.finditer(sent):
            w = m.group(0)
            if w.lower() in _FIRST_PERSON_LOWER_OK or w.startswith("I"):
                counts["first_person"] += 1
                evidence.append(_context(sent, m.start(), m.end()))
        for m in re.finditer(r"[A-Za-z][A-Za-z\-]+", sent):
            if m.group(0).lower() in LOADED:
                counts["loaded"] += 1
                evidence.append(m.group(0))
        if sent.rstrip().endswith("?") and "QUOTE" not in sent:
            counts["question"] += 1
            evidence.append(sent.strip())
        for m in _MOTIVE.finditer(sent):
            counts["motive"] += 1
            evidence.append(_context(sent, m.start(), m.end()))
        is_attributed = bool(_ATTRIBUTION.search(sent)) or "QUOTE" in sent
        # "Rutte said Ukraine should negotiate" reports someone's prescription; only the author's counts
        for m in [] if is_attributed else _PRESCRIPTIVE.finditer(sent):
            counts["prescriptive"] += 1
            evidence.append(_context(sent, m.start(), m.end()))
        if is_attributed:
            attributed += 1
        if pos < LEAD_SENTENCES:
            lead_cues += sum(
                counts[k] for k in ("first_person", "loaded", "question", "motive", "prescriptive")
            )
            lead_cues -= before
    rates = {k: min(1.0, v / n) for k, v in counts.items()}
    rates["unattributed"] = 1.0 - attributed / n
    rates["lead"] = min(1.0, lead_cues / LEAD_SENTENCES)
    unique = list(dict.fromkeys(evidence))
    # a phrase inside a longer one already shown ("We cannot afford" in the whole sentence) is dropped
    return rates, [e for e in unique if not any(e != o and e in o for o in unique)]


def _context(sentence: str, start: int, end: int, width: int = 30) -> str:
    """A few words around a match, cut at word boundaries, as evidence to show."""
    left = sentence[max(0, start - width) : start].split(" ", 1)[-1] if start > width else sentence[:start]
    right = sentence[end : end + width].rsplit(" ", 1)[0] if len(sentence) - end > width else sentence[end:]
    return (left + sentence[start:end] + right).strip()


def score_features(rates: dict[str, float]) -> float:
    z = settings.FRAMING_BIAS + sum(settings.FRAMING_WEIGHTS.get(k, 0.0) * v for k, v in rates.items())
    return 1.0 / (1.0 + math.exp(-z))


def score_text(text: str) -> tuple[float, list[str]]:
    rates, evidence = opinion_features(text)
    return round(score_features(rates), 3), evidence


def score_opinion(article: Article) -> tuple[float, list[str]]:
    """0 straight report … 1 commentary, and the evidence phrases (author's voice only, quotes blanked).

    The headline is read too: columns often argue in it ("Why the minister is wrong")."""
    text = article.text if not article.title else f"{article.title}.\n\n{article.text}"
    return score_text(text)


def apply_opinion(article: Article) -> Article:
    """Set ``opinion`` and ``opinion_evidence`` on the article (returns the same object)."""
    article.opinion, article.opinion_evidence = score_opinion(article)
    return article
