"""A partial quote no cue verb attributes goes to the subject of its sentence's main verb when that
subject can speak; given names outside the curated lists take their gender from the lexicon
(fictional sentences, each rule checked with its switch on and off)."""

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
