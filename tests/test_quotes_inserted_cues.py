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
THOUSANDS_TEXT = (
    "Mayor Tomas Orrin opposes the plan. Orrin, arguing that the council would house 5,000 Veltans, said "
    'the harbour could not take "so many new boats."\n'
)
POLL_TEXT = (
    "But a new Harbor Daily poll shows the council may struggle to stop Quill if she ends up near 1,200 "
    "votes but short of a majority: Six in 10 voters said that if no one wins a majority, the council "
    '"should choose whoever won the most wards."\n'
)
RUNNING_ROLE_TEXT = (
    "The mayor has named two judges to the harbour court. Reformers Elena Varga and Sonia Brisk replaced "
    "others who ruled that way.\n\n"
    "Democratic challenger Nora Quill caused a stir when a Kestrel voter asked if she might appoint "
    "the mayor.\n\n"
    '"A fine thought. I will keep it in mind," she replied.\n'
)


@pytest.mark.parametrize(
    ("text", "quote", "switch", "with_rule", "without_rule"),
    [
        pytest.param(PARENTHETICAL_TEXT, "one of the boldest schemes of the decade,", "PARENTHETICAL_INVERTED_CUE",
                     ("speaker_name", "Ivo Brandt"), ("speaker_text", "The paradox of the harbour plan"),
                     id="inverted-cue-between-commas"),
        pytest.param(THOUSANDS_TEXT, "so many new boats.", "THOUSANDS_NOT_COMMAS",
                     ("speaker_name", "Tomas Orrin"), ("speaker_text", "000 Veltans"), id="thousands-separator"),
        pytest.param(POLL_TEXT, "should choose whoever won the most wards.", "POLL_SOURCE_PARSED",
                     ("speaker_name", "a new Harbor Daily poll"), ("speaker_name", "Six in 10 voters"),
                     id="share-of-respondents-is-the-poll"),
        pytest.param(RUNNING_ROLE_TEXT, "A fine thought. I will keep it in mind,", "RUNNING_ROLES_BEFORE_SUBJECT",
                     ("speaker_name", "Nora Quill"), ("speaker_name", "Reformers Elena Varga"),
                     id="running-role-before-a-name"),
    ],
)
def test_a_rule_changes_the_speaker(
    monkeypatch: pytest.MonkeyPatch, text: str, quote: str, switch: str,
    with_rule: tuple[str, str], without_rule: tuple[str, str],
) -> None:
    on, off = quote_with_and_without(monkeypatch, text, quote, switch)
    assert getattr(on, with_rule[0]) == with_rule[1]
    assert getattr(off, without_rule[0]) == without_rule[1]


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
