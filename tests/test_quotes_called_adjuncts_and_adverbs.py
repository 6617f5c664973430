"""Speaker words around the cue: a time or occasion phrase the parser hangs on the subject name
("Quill in her opening speech called ..."), a manner adverb before the cue ("Quill jokingly said")
and a clause before a semicolon (fictional people, places and outlets)."""

from __future__ import annotations

import pytest
from quote_helpers import quote_with_and_without, quotes_by_text

from storyline.settings import quotes as cfg


def test_called_after_an_occasion_phrase_on_the_subject(monkeypatch: pytest.MonkeyPatch) -> None:
    # PARSED_NAME_ADJUNCT_CUT: "Lund on Sunday" was rejected as ending in a day, leaving no speaker
    text = (
        "Ivo Lund spoke at the dock.\n\n"
        "The union has become such a presence on the trail that Lund on Sunday thanked its members "
        '"for their loyal support" and called the Harbor Union "one of the backers of my campaign."'
    )
    on, off = quote_with_and_without(
        monkeypatch, text, "one of the backers of my campaign.", "PARSED_NAME_ADJUNCT_CUT"
    )
    assert (on.speaker_text, on.speaker_name, on.cue) == ("Lund", "Ivo Lund", "called")
    assert off.speaker_text is None and off.speaker_name is None


def test_called_after_a_speech_phrase_keeps_a_one_word_quote(monkeypatch: pytest.MonkeyPatch) -> None:
    # without a speaker the one-word quote was dropped as a scare quote
    text = (
        "The break with the old guard was complete when Quill in her opening speech called the harbour "
        'workers "traitors" (although she allowed that some might be decent people) and promised to '
        "sell the port."
    )
    q = quotes_by_text(text)["traitors"]
    assert (q.speaker_text, q.cue) == ("Quill", "called")
    monkeypatch.setattr(cfg, "PARSED_NAME_ADJUNCT_CUT", False)
    assert "traitors" not in quotes_by_text(text)


def test_manner_adverb_before_the_cue_is_no_speaker_word(monkeypatch: pytest.MonkeyPatch) -> None:
    # TRIM_MANNER_ADVERBS
    text = 'Ada Quill chaired the hearing.\n\nQuill jokingly said, "I am not going anywhere."'
    on, off = quote_with_and_without(monkeypatch, text, "I am not going anywhere.", "TRIM_MANNER_ADVERBS")
    assert (on.speaker_text, on.speaker_name) == ("Quill", "Ada Quill")
    assert off.speaker_text == "Quill jokingly"


def test_first_before_the_cue_leaves_the_outlet(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "The story was first broken by a local paper.\n\n"
        'Harbor Watch first reported that the mayor was "thinking of quitting soon."'
    )
    on, off = quote_with_and_without(monkeypatch, text, "thinking of quitting soon.", "TRIM_MANNER_ADVERBS")
    assert (on.speaker_text, on.speaker_name) == ("Harbor Watch", "Harbor Watch")
    assert off.speaker_text == "Harbor Watch first"


def test_ly_nouns_and_words_away_from_the_cue_stay() -> None:
    # "family" ends in -ly but is the speaker's head noun; "Quite suddenly" opens the sentence and
    # does not stand before the cue, so it never becomes the speaker "Quite"
    family = quotes_by_text('The Varga family said, "We are grateful for the support."')
    assert family["We are grateful for the support."].speaker_text == "The Varga family"
    opener = quotes_by_text('Quite suddenly, after the vote, Lund said, "We will start again."')
    assert opener["We will start again."].speaker_text == "Lund"


def test_speaker_stops_at_a_semicolon(monkeypatch: pytest.MonkeyPatch) -> None:
    # SEMICOLON_ENDS_SPEAKER: the clause before the semicolon is not part of who speaks
    text = (
        "Ivo Lund was clearly trying to buy favour; indeed, he had publicly stated of the council, "
        '"When they need money, they call me."'
    )
    on, off = quote_with_and_without(
        monkeypatch, text, "When they need money, they call me.", "SEMICOLON_ENDS_SPEAKER"
    )
    assert (on.speaker_text, on.speaker_name) == ("he", "Ivo Lund")
    assert off.speaker_text is not None and ";" in off.speaker_text


def test_source_description_after_a_semicolon(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "The council debated a ban for hours; one member called the mayor "
        '"the loudest man in the harbour."'
    )
    on, off = quote_with_and_without(monkeypatch, text, "the loudest man in the harbour.", "SEMICOLON_ENDS_SPEAKER")
    assert on.speaker_text == "one member"
    assert off.speaker_text != "one member"
