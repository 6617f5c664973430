"""Cues set inside a sentence, shared by its partial quotes, and numbers and roles around speakers
(fictional articles; one test per rule, each also run with its switch off)."""

from __future__ import annotations

import pytest
from quote_helpers import quote_with_and_without
from quote_helpers import quotes_by_text as _quotes

from storyline.settings import quotes as cfg

PARENTHETICAL_TEXT = (
    "The paradox of the harbour plan, says Ivo Brandt, a historian at the Kestrel Maritime Library, is "
    'that it was "one of the boldest schemes of the decade," not for its cost but for its reach.\n'
)


def test_an_inverted_cue_between_commas_names_the_speaker(monkeypatch: pytest.MonkeyPatch) -> None:
    on, off = quote_with_and_without(
        monkeypatch, PARENTHETICAL_TEXT, "one of the boldest schemes of the decade,", "PARENTHETICAL_INVERTED_CUE")
    assert on.speaker_name == "Ivo Brandt"
    assert off.speaker_text == "The paradox of the harbour plan"


SHARED_END_TEXT = (
    'Pledges to "bring the ferries back" and "open the old docks" appeal to older voters who knew the '
    "port at its height, said Ivo Brandt, a historian at Kestrel College.\n"
)


def test_an_inverted_cue_ending_the_sentence_governs_each_partial_quote(monkeypatch: pytest.MonkeyPatch) -> None:
    found = _quotes(SHARED_END_TEXT)
    assert found["bring the ferries back"].speaker_name == "Ivo Brandt"
    assert found["open the old docks"].speaker_name == "Ivo Brandt"
    monkeypatch.setattr(cfg, "PARTIAL_SHARES_INVERTED_END", False)
    assert _quotes(SHARED_END_TEXT)["bring the ferries back"].speaker_name != "Ivo Brandt"


THOUSANDS_TEXT = (
    "Mayor Tomas Orrin opposes the plan. Orrin, arguing that the council would house 5,000 Veltans, said "
    'the harbour could not take "so many new boats."\n'
)


def test_a_thousands_separator_is_no_clause_break(monkeypatch: pytest.MonkeyPatch) -> None:
    on, off = quote_with_and_without(monkeypatch, THOUSANDS_TEXT, "so many new boats.", "THOUSANDS_NOT_COMMAS")
    assert on.speaker_name == "Tomas Orrin"
    assert off.speaker_text == "000 Veltans"


POLL_TEXT = (
    "But a new Harbor Daily poll shows the council may struggle to stop Quill if she ends up near 1,200 "
    "votes but short of a majority: Six in 10 voters said that if no one wins a majority, the council "
    '"should choose whoever won the most wards."\n'
)


def test_a_share_of_respondents_found_by_the_parser_is_the_poll(monkeypatch: pytest.MonkeyPatch) -> None:
    on, off = quote_with_and_without(
        monkeypatch, POLL_TEXT, "should choose whoever won the most wards.", "POLL_SOURCE_PARSED")
    assert on.speaker_name == "a new Harbor Daily poll"
    assert off.speaker_name == "Six in 10 voters"


RUNNING_ROLE_TEXT = (
    "The mayor has named two judges to the harbour court. Reformers Elena Varga and Sonia Brisk replaced "
    "others who ruled that way.\n\n"
    "Democratic front-runner Nora Quill caused a stir when a Kestrel voter asked if she might appoint "
    "the mayor.\n\n"
    '"A fine thought. I will keep it in mind," she replied.\n'
)


def test_a_running_role_before_a_name_keeps_it_the_subject(monkeypatch: pytest.MonkeyPatch) -> None:
    on, off = quote_with_and_without(
        monkeypatch, RUNNING_ROLE_TEXT, "A fine thought. I will keep it in mind,", "RUNNING_ROLES_BEFORE_SUBJECT")
    assert on.speaker_name == "Nora Quill"
    assert off.speaker_name == "Reformers Elena Varga"
