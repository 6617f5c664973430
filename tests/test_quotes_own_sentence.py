"""Speaker rules of the quote stage for quotes whose sentence names its own speaker without a
listed cue, "it" as a speaker, and clause subjects after ", but" (fictional sentences)."""

from __future__ import annotations

import pytest
from quote_helpers import quotes_by_text as _quotes

from storyline.model import Article
from storyline.nlp.quotes import _article_spans, _own_subject, _Resolver
from storyline.settings import quotes as cfg

IT_TEXT = (
    "The Kestrel Ferry Company answered its critics on Friday.\n\n"
    '"We will not sell the harbour to anyone," it said in a statement.\n\n'
    "Harbor Wire, which monitors shipping, reported the sale. It said sailors were sharing the news and "
    '"celebrating the end of the strike."\n'
)


def test_it_is_kept_as_the_speaker(monkeypatch: pytest.MonkeyPatch) -> None:
    found = _quotes(IT_TEXT)
    after = found["We will not sell the harbour to anyone,"]
    assert after.speaker_text == "it"
    assert after.speaker_name is None  # a pronoun for a statement or a company: kept as printed
    assert found["celebrating the end of the strike."].speaker_text == "It"
    monkeypatch.setattr(cfg, "IT_SPEAKER", False)
    assert _quotes(IT_TEXT)["We will not sell the harbour to anyone,"].speaker_text != "it"


def test_it_in_a_subordinate_clause_is_not_a_speaker() -> None:
    text = (
        'Mayor Ada Quill said the audit was "a mess from start to finish." Given her record, it\'s fair '
        'to say she means "the whole council," as her aides put it.\n'
    )
    assert _quotes(text)["the whole council,"].speaker_text != "it"


OWN_TEXT = (
    '"We have waited long enough," Ivo Brandt said.\n\n'
    "The council met again on Tuesday.\n\n"
    "In March, after the vote failed, Mara Vell emailed the dock workers her thanks, addressing them as "
    '"friends" and telling them, "you kept this town running when nobody else would."\n'
)


def test_a_quote_takes_the_person_its_own_sentence_opens_with(monkeypatch: pytest.MonkeyPatch) -> None:
    quote = "you kept this town running when nobody else would."
    assert _quotes(OWN_TEXT)[quote].speaker_name == "Mara Vell"
    monkeypatch.setattr(cfg, "OWN_SENTENCE_SUBJECT", False)
    assert _quotes(OWN_TEXT)[quote].speaker_name == "Ivo Brandt"  # inherited from the paragraph before


def _own(text: str, quote: str, surnames: set[str]) -> str | None:
    paras, spans = _article_spans(Article(id="a", source="t", text=text))
    span = next(sp for sp in spans if text[sp.start : sp.end] == quote)
    return _own_subject(text, paras, span, surnames)


def test_only_a_person_the_article_names_is_an_own_subject() -> None:
    text = (
        "Embryonic stem cells can turn into any tissue and researchers hope to harness them for "
        '"the future of medicine."\n\n'
        'After the vote, Brandt toured the docks with "the crews who never left."\n'
    )
    assert _own(text, "the future of medicine.", {"brandt"}) is None
    # an opening adverbial is skipped; the surname must belong to someone the article names
    assert _own(text, "the crews who never left.", {"brandt"}) == "Brandt"
    assert _own(text, "the crews who never left.", set()) is None


def test_a_name_after_comma_but_is_a_clause_subject(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        'Quill spoke. "Enough," said Ivo Brandt.\n'
        "The moderators were ready to move on, but Ada Quill wasn't having it.\n"
    )
    at = text.index("Ada Quill")
    assert _Resolver(text, [(at, "Ada Quill")])._is_subject(at)
    monkeypatch.setattr(cfg, "SUBJECT_ROLES_CUT_FIX", False)
    assert not _Resolver(text, [(at, "Ada Quill")])._is_subject(at)


def test_coordinated_names_and_the_next_paragraph_are_not_clause_subjects() -> None:
    listed = (
        "Lund was the fourth choice, behind Tom Brandt, Senator Ada Quill, and Senator Ivo Vell.\n\n"
        "\u201cWe are\u201d"
    )
    at = listed.index("Ada Quill")
    assert not _Resolver(listed, [(at, "Ada Quill")])._is_subject(at)
    pair = "The bill failed when she, Brandt and President Vell were in the Senate.\n"
    at = pair.index("Vell")
    assert not _Resolver(pair, [(at, "Vell")])._is_subject(at)


MODIFIER_TEXT = (
    "Ivo Brandt met the press on Friday.\n\n"
    '"I am staying in the race," Brandt said.\n\n'
    "Asked about the harbour, he shrugged. Tom Quill's appeal puzzles him.\n\n"
    '"People like a builder," he said.\n\n'
    "The Vell campaign says otherwise.\n\n"
    '"They will learn," he said.\n'
)


def test_possessive_and_attributive_names_are_not_antecedents(monkeypatch: pytest.MonkeyPatch) -> None:
    found = _quotes(MODIFIER_TEXT)
    assert found["People like a builder,"].speaker_name == "Ivo Brandt"
    assert found["They will learn,"].speaker_name == "Ivo Brandt"
    monkeypatch.setattr(cfg, "PRONOUN_SKIP_POSSESSIVE", False)
    assert _quotes(MODIFIER_TEXT)["People like a builder,"].speaker_name == "Tom Quill"
    monkeypatch.setattr(cfg, "PRONOUN_SKIP_ATTRIBUTIVE", False)
    assert _quotes(MODIFIER_TEXT)["They will learn,"].speaker_name != "Ivo Brandt"


def test_a_possessive_alone_is_skipped_and_a_subject_is_kept() -> None:
    text = "Tom Quill's plan failed. Tom Quill spoke."
    resolver = _Resolver(text, [(0, "Tom Quill"), (text.index("Tom Quill spoke"), "Tom Quill")])
    offsets = [o for o, _n, _r in resolver._pronoun_candidates(len(text))]
    assert offsets and min(offsets) == text.index("Tom Quill spoke")  # "Tom Quill's" and "Quill's" skipped


def test_a_name_opening_a_later_sentence_of_its_paragraph_is_a_subject(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The council met for three hours on the future of the old ferry dock. Ada Quill left early.\n"
    at = text.index("Ada Quill")
    assert _Resolver(text, [(at, "Ada Quill")])._is_subject(at)
    monkeypatch.setattr(cfg, "SUBJECT_AFTER_SENTENCE_END", False)
    assert not _Resolver(text, [(at, "Ada Quill")])._is_subject(at)


def test_an_adverbial_before_the_pronoun_is_not_printed_as_the_speaker(monkeypatch: pytest.MonkeyPatch) -> None:
    text = 'Ivo Brandt toured the docks.\n\nWithin minutes, he said the harbour was "a disgrace to the town."\n'
    found = _quotes(text)["a disgrace to the town."]
    assert (found.speaker_text, found.speaker_name) == ("he", "Ivo Brandt")
    monkeypatch.setattr(cfg, "PRONOUN_AFTER_COMMA", False)
    assert _quotes(text)["a disgrace to the town."].speaker_text == "Within minutes, he"
