"""Which clause's subject speaks: participles after the quote, reported "that" clauses,
subordinate clauses and inverted cues closing the sentence (fictional people and places)."""

from __future__ import annotations

from quote_helpers import quotes_by_text as _quotes


def test_participle_after_the_quote_is_no_inverted_cue() -> None:
    # AFTER_PARTICIPLE_NOT_INVERTED: "describing the crew" names whom he described, not a speaker
    text = (
        "Harbour chief Ivo Lund spoke on Monday.\n\n"
        'He said the report was "a distortion," describing the crew as highly skilled.'
    )
    q = _quotes(text)["a distortion,"]
    assert q.speaker_text == "He"
    assert q.speaker_name == "Ivo Lund"


def test_reported_that_clause_is_not_a_speaker() -> None:
    # REJECT_THAT_CLAUSE_SPEAKERS with CLAUSE_CONJUNCTION_SUBJECT: the cue nearest the quote wins
    text = (
        "The ferry board met on Tuesday.\n\n"
        "Ada Quill suggested that someone who does not answer cannot lead, while Ivo Lund said that "
        'the "stakes in this vote are too high" for the board.'
    )
    q = _quotes(text)["stakes in this vote are too high"]
    assert q.speaker_text == "Ivo Lund"


def test_relative_that_stays_in_a_description() -> None:
    text = (
        "The ferry board met on Tuesday.\n\n"
        '"After we came here, we realized it was all lies," said one owner of a stall that sells '
        "nets on the quay."
    )
    q = _quotes(text)["After we came here, we realized it was all lies,"]
    assert q.speaker_text is not None and q.speaker_text.startswith("one owner of a stall that sells")


def test_partial_quote_inside_an_opening_subordinate_clause() -> None:
    # SUBORDINATE_CLAUSE_QUOTE: the quote belongs to the clause it sits in, not to the cue after it
    text = (
        "The harbour school vote was close.\n\n"
        'After Ada Quill said that pupils might do better at "smaller harbour schools," Ivo Lund '
        'said: "I do not like what she said."'
    )
    quotes = _quotes(text)
    assert quotes["smaller harbour schools,"].speaker_text == "Ada Quill"
    assert quotes["I do not like what she said."].speaker_text == "Ivo Lund"


def test_even_as_clause_speaker_is_the_name_alone() -> None:
    text = (
        "The ferry inquiry ended on Friday.\n\n"
        'But even as Ivo Lund claimed on Tuesday that "the captain got off lightly," one of the '
        "former prosecutors said the two cases were different."
    )
    q = _quotes(text)["the captain got off lightly,"]
    assert q.speaker_text == "Ivo Lund"


def test_subordinate_clause_words_alone_must_be_a_subject() -> None:
    # "America prepares for what ..." after "As" is a clause, not a speaker
    text = (
        "The ferry season opens next week.\n\n"
        'As Kestrel prepares for what Ada Quill calls "the busiest summer in a decade," the port '
        "is hiring."
    )
    q = _quotes(text)["the busiest summer in a decade,"]
    assert q.speaker_name == "Ada Quill"


def test_inverted_cue_closing_a_partial_quote_sentence() -> None:
    # PARTIAL_INVERTED_END
    text = (
        "Voters rejected the ferry treaty on Sunday.\n\n"
        'The rejection signals "the beginning of the end" for the union, said Ivo Lund, founder of '
        "the Harbour Party."
    )
    q = _quotes(text)["the beginning of the end"]
    assert q.speaker_name == "Ivo Lund"


def test_speaker_span_stops_before_a_reported_clause() -> None:
    # REJECT_THAT_CLAUSE_SPEAKERS: "Lund welcomed the news that Quill would quit" is no speaker
    text = (
        "The ferry race narrowed on Wednesday.\n\n"
        "Ivo Lund welcomed the news that Quill would quit, saying the Harbour Party leader was "
        '"doing the right thing," suggesting he might pick her as deputy, the Kestrel Post reported.'
    )
    q = _quotes(text)["doing the right thing,"]
    assert q.speaker_text == "Ivo Lund"
