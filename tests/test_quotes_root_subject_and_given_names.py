"""Parsed subjects: a partial quote no cue verb attributes goes to the subject of its sentence's main
verb when that subject can speak; a participle cue after a comma is left to the parser; a verb with
two parsed subjects takes the nearest. Given names outside the curated lists take their gender from
the lexicon (fictional sentences, each rule checked with its switch on and off)."""

from __future__ import annotations

import pytest
from quote_helpers import quote_with_and_without, quotes_by_text

from storyline.nlp import given_names
from storyline.nlp.given_names import given_name_gender
from storyline.settings import quotes as cfg

AUDIENCE_TEXT = (
    "Vigil in Kestrel.\n\n"
    "Mayor Ivo Lund read the names of the dead. The audience in the hall followed him by softly "
    'echoing "never again."\n'
)
PLEDGE_TEXT = (
    "Lease talks.\n\n"
    "Governor Ada Quill met the board on Monday. Soon after, Governor Quill agreed to keep the lease "
    'separate from her campaign, including a pledge to "step aside from every vote."\n'
)
ABSTRACT_SUBJECT_TEXT = (
    "Lease talks.\n\n"
    "Governor Ada Quill met the board on Monday. Her standing improved after her call for "
    '"a total and complete review" of the lease.\n'
)
PARTICIPLE_TEXT = (
    "Endorsements.\n\n"
    "Governor Ada Quill met with the popular mayor, Ivo Lund, at their usual breakfast place on Friday.\n\n"
    "Later, Quill endorsed Lund at a news conference at Harbor Hall, Lund's private club, calling him "
    '"a good and fair man."\n\n'
    'On Sunday, Tom Brandt returned the compliment to Lund, calling him "the best mayor we ever had."\n'
)
TWO_SUBJECTS_TEXT = (
    "Port fight.\n\n"
    "Ivo Lund took on Governor Ada Quill on Monday. Speaking at a town hall event in Salem, New "
    'Hampshire, Lund went after Quill, calling her "a total disaster."\n'
)
ACCORDING_TEXT = (
    "Speech fees.\n\n"
    "Ada Quill spoke to the bankers in 2007. According to the Harbor Post, Quill praised their "
    '"great work for the city" and asked them to freeze rates.\n\n'
    'According to a spokesman, Ivo Lund, the speech was "fully paid."\n'
)
COLON_TEXT = (
    "Port vote.\n\n"
    'Asked whether the port should take the blame, Mr. Quill shot back: "The port did nothing wrong."\n\n'
    'When Lund suggested that the city would sue, Quill fired back forcefully: "Let them try."\n'
)
UNLISTED_NAME_TEXT = (
    "Port fight.\n\n"
    "Ada Quill spoke first. Marc Brandt took the stage in Derry after her, and the crowd cheered.\n\n"
    '"We will win," she said.\n'
)


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "name"),
    [
        pytest.param(AUDIENCE_TEXT, "never again.", "The audience in the hall", "The audience in the hall",
                     id="a-crowd-echoing"),
        pytest.param(PLEDGE_TEXT, "step aside from every vote.", "Governor Quill", "Ada Quill",
                     id="a-pledge-in-a-participle-phrase"),
    ],
)
def test_the_main_subject_speaks_an_unattributed_partial_quote(
    monkeypatch: pytest.MonkeyPatch, text: str, quote: str, speaker: str, name: str
) -> None:
    on, off = quote_with_and_without(monkeypatch, text, quote, "PARTIAL_ROOT_SUBJECT")
    assert (on.speaker_text, on.speaker_name) == (speaker, name)
    assert on.kind == "partial" and on.cue is None  # no reporting verb was printed for it
    assert off.speaker_text is None and off.speaker_name is None


@pytest.mark.parametrize(
    ("text", "quote", "switch", "with_rule", "without_rule"),
    [
        # the words before the comma are an apposition of the place: the parser finds the subject
        pytest.param(PARTICIPLE_TEXT, "a good and fair man.", "PARTICIPLE_CUE_PARSED",
                     ("Quill", "Ada Quill"), ("Lund's private club", "Lund's private club"), id="apposition"),
        # the whole main clause was the printed speaker; the person was right already
        pytest.param(PARTICIPLE_TEXT, "the best mayor we ever had.", "PARTICIPLE_CUE_PARSED",
                     ("Tom Brandt", "Tom Brandt"), ("Tom Brandt returned the compliment to Lund", "Tom Brandt"),
                     id="main-clause"),
        # the parser makes the state a second subject of "went"
        pytest.param(TWO_SUBJECTS_TEXT, "a total disaster.", "NEAREST_PARSED_SUBJECT",
                     ("Lund", "Ivo Lund"), ("New Hampshire", "New Hampshire"), id="two-subjects"),
    ],
)
def test_parsed_speakers_of_participle_cues(
    monkeypatch: pytest.MonkeyPatch,
    text: str,
    quote: str,
    switch: str,
    with_rule: tuple[str, str],
    without_rule: tuple[str, str],
) -> None:
    on, off = quote_with_and_without(monkeypatch, text, quote, switch)
    assert (on.speaker_text, on.speaker_name) == with_rule
    assert (off.speaker_text, off.speaker_name) == without_rule
    assert on.cue == off.cue == "calling"


def test_according_to_ends_at_the_comma(monkeypatch: pytest.MonkeyPatch) -> None:
    switch = "ACCORDING_TO_ENDS_AT_COMMA"
    on, off = quote_with_and_without(monkeypatch, ACCORDING_TEXT, "great work for the city", switch)
    assert (on.speaker_text, on.speaker_name, on.cue) == ("the Harbor Post", "the Harbor Post", "according to")
    assert off.speaker_text == "the Harbor Post, Quill praised their" and off.speaker_name == "Ada Quill"
    # a name after the description is the source itself
    assert quotes_by_text(ACCORDING_TEXT)["fully paid."].speaker_name == "Ivo Lund"


@pytest.mark.parametrize(
    ("quote", "with_rule", "without_rule"),
    [("The port did nothing wrong.", "Mr. Quill", "Asked"), ("Let them try.", "Quill", "Lund")],
)
def test_the_clause_before_a_colon_is_parsed(
    monkeypatch: pytest.MonkeyPatch, quote: str, with_rule: str, without_rule: str
) -> None:
    on, off = quote_with_and_without(monkeypatch, COLON_TEXT, quote, "COLON_PARSED_SUBJECT")
    assert on.speaker_text == with_rule and on.kind == "direct"
    assert off.speaker_text == without_rule


def test_an_abstract_subject_speaks_nothing() -> None:
    # "Her standing" is the main subject, but a standing says nothing: the quote stays unattributed
    quote = quotes_by_text(ABSTRACT_SUBJECT_TEXT)["a total and complete review"]
    assert quote.speaker_text is None and quote.speaker_name is None


def test_an_unlisted_given_name_has_a_gender(monkeypatch: pytest.MonkeyPatch) -> None:
    # "Marc" is in the lexicon, not in the curated lists: "she" skips him for Ada Quill
    on, off = quote_with_and_without(monkeypatch, UNLISTED_NAME_TEXT, "We will win,", "GIVEN_NAME_LEXICON")
    assert on.speaker_name == "Ada Quill"
    assert off.speaker_name == "Marc Brandt"  # unknown gender agrees with either pronoun


def test_given_name_genders(monkeypatch: pytest.MonkeyPatch) -> None:
    assert given_name_gender("hillary") == "f"  # curated
    assert given_name_gender("marc") == "m" and given_name_gender("marla") == "f"  # lexicon
    # names used for both stay unknown; so does a word that is no given name
    for name in ("lindsey", "dana", "jean", "kim", "capitol", "", None):
        assert given_name_gender(name) is None
    monkeypatch.setattr(cfg, "GIVEN_NAME_LEXICON", False)
    assert given_name_gender("marc") is None and given_name_gender("hillary") == "f"


def test_the_lexicon_file_is_shipped() -> None:
    lexicon = given_names._lexicon()
    assert len(lexicon) > 10_000
    assert set(lexicon.values()) == {"m", "f"}
    # the curated lists never disagree with it
    assert not {n for n in cfg.MALE_FIRST_NAMES if lexicon.get(n) == "f"}
    assert not {n for n in cfg.FEMALE_FIRST_NAMES if lexicon.get(n) == "m"}
    assert "MIT" in given_names.LEXICON.read_text(encoding="utf-8").splitlines()[1]


def test_without_a_parser_the_participle_keeps_the_words_before_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # regex-only: nothing would find the subject later, so the words before the comma still speak
    import storyline.nlp.quotes as quotes_module

    monkeypatch.setattr(quotes_module, "load_nlp", lambda: None)
    quote = quotes_by_text(PARTICIPLE_TEXT)["the best mayor we ever had."]
    assert quote.speaker_name == "Tom Brandt"
